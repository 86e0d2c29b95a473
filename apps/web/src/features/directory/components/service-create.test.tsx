import { EditableOrganizationList, ServiceCreateBody } from '@glocal/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderApp, renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe, type SentRequest } from '../../../testing/staff-api';
import { FIN_CRD, ORG_ID, SERVICE_ID, TERRITORY_ID, serviceFixture, taxonomyFixture } from '../testing/directory.fixtures';
import { ServiceCreate } from './service-create';

const OTHER_ORG = '77777777-7777-4777-8777-777777777777';
const MBACKE_ID = '66666666-6666-4666-8666-666666666666';
const coach = staffMe([{ organisationId: '88888888-8888-4888-8888-888888888888', organisationName: 'CAIM Diourbel', role: 'coach' }], { email: 'coach.diourbel@glocal.test' });
const posts = (sent: SentRequest[]) =>
  sent.filter((request) => request.method === 'POST' && request.url.pathname === '/api/v1/directory/services').map((request) => ServiceCreateBody.parse(JSON.parse(request.body!)));

function directoryApi(organizations: { id: string; name: string; territoryId: string | null }[], onPost?: (body: ServiceCreateBody) => Response) {
  return fakeStaffApi(
    {
      'GET /api/v1/directory/editable-organizations': () => jsonResponse(EditableOrganizationList.parse({ items: organizations, nextCursor: null })),
      'GET /api/v1/directory/taxonomy-terms': () => jsonResponse(taxonomyFixture()),
      'GET /api/v1/territories': () =>
        jsonResponse({
          items: [
            { id: TERRITORY_ID, code: 'SN-DB', level: 'region', parentId: null, countryCode: 'SN', name: 'Diourbel', nameLocale: 'en', names: { en: 'Diourbel' } },
            { id: MBACKE_ID, code: 'SN-DB-MBA', level: 'department', parentId: TERRITORY_ID, countryCode: 'SN', name: 'Mbacké', nameLocale: 'en', names: { en: 'Mbacké' } },
          ],
          nextCursor: null,
        }),
      'POST /api/v1/directory/services': (request) => onPost?.(ServiceCreateBody.parse(JSON.parse(request.body!))) ?? jsonResponse(serviceFixture({ canEdit: true }), { status: 201 }),
      [`GET /api/v1/directory/services/${SERVICE_ID}`]: () => jsonResponse(serviceFixture({ canEdit: true })),
    },
    coach,
  );
}

const ORGANIZATIONS = [
  { id: ORG_ID, name: 'Mutuelle du Baol', territoryId: TERRITORY_ID },
  { id: OTHER_ORG, name: 'Chambre de commerce de Diourbel', territoryId: MBACKE_ID },
];

describe('adding a directory service', { timeout: 20_000 }, () => {
  it('offers only the organizations the API lists, places the service in the chosen one’s territory, sends what was filled in and opens its edit page', async () => {
    const { sent } = directoryApi(ORGANIZATIONS);
    const { router } = await renderAtPath(<ServiceCreate notFound={<h1>Nothing here</h1>} />, '/directory/services/new');
    const organization = await screen.findByRole('combobox', { name: 'Organization' });
    expect(within(organization).getAllByRole('option').map((option) => option.textContent)).toEqual(['Mutuelle du Baol', 'Chambre de commerce de Diourbel']);
    await screen.findByRole('option', { name: /Mbacké/ });
    expect(screen.getByRole('combobox', { name: 'Territory' })).toHaveValue(TERRITORY_ID);
    fireEvent.change(organization, { target: { value: OTHER_ORG } });
    expect(screen.getByRole('combobox', { name: 'Territory' })).toHaveValue(MBACKE_ID);

    expect(screen.getByRole('group', { name: 'Texts in English' })).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: 'Name of the service' }), { target: { value: 'Business registration desk' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'What it is' }), { target: { value: 'Help to register a business.' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Languages spoken by the staff' }), { target: { value: 'fr, WO' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Open to diaspora members living abroad' }));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Credit and micro-credit' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Currency of the loans' }), { target: { value: 'xof' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the service' }));

    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/directory/services/${SERVICE_ID}/edit`));
    expect(posts(sent)).toEqual([
      {
        organizationId: OTHER_ORG,
        locale: 'en',
        name: 'Business registration desk',
        description: 'Help to register a business.',
        status: 'active',
        territoryId: MBACKE_ID,
        staffLanguages: ['fr', 'wo'],
        diasporaEligible: true,
        taxonomyTermIds: [FIN_CRD],
        loanCurrency: 'XOF',
      },
    ]);
  });

  it('shows errors next to their fields: an empty name before sending, then the server’s inverted loan range', async () => {
    const { sent } = directoryApi(ORGANIZATIONS, () => problemResponse(400, { code: 'validation_failed', errors: [{ pointer: '/loanMax', code: 'too_small', params: {} }] }));
    await renderAtPath(<ServiceCreate notFound={<h1>Nothing here</h1>} />, '/directory/services/new');
    fireEvent.click(await screen.findByRole('button', { name: 'Add the service' }));
    expect(await screen.findByText('One field needs your attention: see the message next to it.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Name of the service' })).toHaveAccessibleDescription('Please fill this in.');
    expect(posts(sent)).toEqual([]);

    fireEvent.change(screen.getByRole('textbox', { name: 'Name of the service' }), { target: { value: 'Crédit' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Smallest loan' }), { target: { value: '500' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Largest loan' }), { target: { value: '100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the service' }));
    await screen.findByText('This is too short or too small.');
    expect(screen.getByRole('textbox', { name: 'Largest loan' })).toHaveAccessibleDescription('This is too short or too small.');
    expect(posts(sent)).toHaveLength(1);
  });

  it('is no page at all for a reader who may add services to no organization', async () => {
    directoryApi([]);
    await renderAtPath(<ServiceCreate notFound={<h1>Nothing here</h1>} />, '/directory/services/new');
    expect(await screen.findByRole('heading', { name: 'Nothing here' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add the service' })).not.toBeInTheDocument();
  });

  it('in the app: the directory links editors to the new-service page', async () => {
    directoryApi(ORGANIZATIONS);
    await renderApp('/directory');
    expect(await screen.findByRole('link', { name: 'Add a service' })).toHaveAttribute('href', '/directory/services/new');
  });
});
