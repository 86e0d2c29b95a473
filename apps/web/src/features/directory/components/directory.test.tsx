import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe } from '../../../testing/staff-api';
import { FIN_CRD, SERVICE_ID, TERRITORY_ID, searchFixture, serviceFixture, taxonomyFixture } from '../testing/directory.fixtures';
import { DirectorySearch } from './directory-search';
import { ServiceDetails } from './service-details';

const territories = [{ id: TERRITORY_ID, name: 'Diourbel', code: 'SN-DB' }];

describe('the services directory', { timeout: 20_000 }, () => {
  it('searches with the words and filters chosen, keeps them in the address, and lists the results', async () => {
    const { sent } = fakeStaffApi(
      {
        'GET /api/v1/directory/taxonomy-terms': () => jsonResponse(taxonomyFixture()),
        'GET /api/v1/directory/services': ({ url }) =>
          jsonResponse(searchFixture(url.searchParams.get('q') === 'credit' ? ['Returnee micro-credit', 'Women’s group credit'] : ['Diaspora savings'])),
      },
      null,
    );
    const { router } = await renderAtPath(<DirectorySearch territories={territories} />, '/directory');
    expect(await screen.findByRole('link', { name: 'Diaspora savings' })).toBeInTheDocument();

    fireEvent.change(screen.getByRole('searchbox', { name: /What are you looking for/ }), { target: { value: ' credit ' } });
    await screen.findByRole('option', { name: 'Credit and micro-credit' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind of service' }), { target: { value: FIN_CRD } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Territory' }), { target: { value: TERRITORY_ID } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Cost' }), { target: { value: 'free' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(await screen.findByRole('link', { name: 'Returnee micro-credit' })).toHaveAttribute('href', expect.stringMatching(/^\/directory\/services\//));
    expect(screen.getByText('2 services')).toBeInTheDocument();
    const first = screen.getAllByRole('listitem').find((item) => item.textContent?.includes('Returnee'))!;
    expect(first).toHaveTextContent('Mutuelle du Baol · Diourbel · 1.3 km away');
    expect(within(screen.getAllByRole('listitem').find((item) => item.textContent?.includes('Women'))!).getByText(/Not checked for over a year/)).toBeInTheDocument();
    const last = sent.filter((request) => request.url.pathname === '/api/v1/directory/services').at(-1)!;
    expect(Object.fromEntries(last.url.searchParams)).toMatchObject({ q: 'credit', taxonomyTermId: FIN_CRD, territoryId: TERRITORY_ID, cost: 'free', locale: 'en' });
    expect(router.state.location.search).toContain('q=credit');
  });

  it('shows an error the reader can retry when the search fails', async () => {
    fakeStaffApi({ 'GET /api/v1/directory/services': () => problemResponse(503, { code: 'service_unavailable' }) }, null);
    await renderAtPath(<DirectorySearch territories={territories} />, '/directory');
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('shows a service page with what, for whom, how to apply, documents, hours, languages, cost, where, contact and last check', async () => {
    fakeStaffApi({ [`GET /api/v1/directory/services/${SERVICE_ID}`]: () => jsonResponse(serviceFixture()) }, null);
    await renderAtPath(<ServiceDetails serviceId={SERVICE_ID} />, `/directory/services/${SERVICE_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Returnee micro-credit' })).toBeInTheDocument();
    for (const heading of ['What it is', 'For whom', 'Loan terms', 'How to apply', 'Documents to bring', 'Opening hours', 'Languages spoken', 'Cost', 'Where', 'Contact']) {
      expect(screen.getByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
    }
    expect(screen.getByText('Identity card or passport')).toBeInTheDocument();
    expect(screen.getByText(/Monday.*Tuesday.*09:00–17:00/)).toBeInTheDocument();
    expect(screen.getByText(/Wolof/)).toBeInTheDocument();
    expect(screen.getByText('Free')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '+221 33 971 10 10' })).toHaveAttribute('href', 'tel:+221339711010');
    expect(screen.getByText(/Last checked on October 1, 2026/)).toBeInTheDocument();
    expect(screen.getByText(/250,000/)).toBeInTheDocument();
  });

  it('lets an editor confirm the entry is up to date, and desk staff flag it', async () => {
    const coach = staffMe([{ organisationId: '66666666-6666-4666-8666-666666666666', organisationName: 'CAIM Diourbel', role: 'coach' }]);
    const { sent } = fakeStaffApi(
      {
        [`GET /api/v1/directory/services/${SERVICE_ID}`]: () => jsonResponse(serviceFixture({ canEdit: true })),
        [`PATCH /api/v1/directory/services/${SERVICE_ID}`]: () => jsonResponse(serviceFixture({ canEdit: true })),
        'POST /api/v1/directory/flags': () => jsonResponse({ id: SERVICE_ID, entityType: 'service', entityId: SERVICE_ID, reason: 'Closed', createdAt: '2026-12-01T08:00:00.000Z' }, { status: 201 }),
      },
      coach,
    );
    await renderAtPath(<ServiceDetails serviceId={SERVICE_ID} />, `/directory/services/${SERVICE_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm it is up to date' }));
    expect(await screen.findByText(/marked as checked today/)).toBeInTheDocument();
    expect(JSON.parse(sent.find((request) => request.method === 'PATCH')!.body!)).toEqual({ locale: 'en', verified: true });
    fireEvent.change(screen.getByRole('textbox', { name: 'What is wrong or out of date?' }), { target: { value: 'The office moved' } });
    fireEvent.click(screen.getByRole('button', { name: 'Flag for a check' }));
    expect(await screen.findByText(/the owner and the desks will check it/)).toBeInTheDocument();
    expect(JSON.parse(sent.find((request) => request.method === 'POST')!.body!)).toMatchObject({ entityType: 'service', reason: 'The office moved' });
  });
});
