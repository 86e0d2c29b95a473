import { ReviewList, type ReviewItemView } from '@glocal/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderApp } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe } from '../../../testing/staff-api';
import { SERVICE_ID, serviceFixture } from '../testing/directory.fixtures';

const STALE_ID = '30000000-0000-4000-8000-000000000002';
const officer = staffMe([{ organisationId: '10000000-0000-4000-8000-000000000001', organisationName: 'ARD Diourbel', role: 'lra_officer' }]);
const dpo = staffMe([{ organisationId: null, organisationName: null, role: 'dpo' }]);

const flagged: ReviewItemView = {
  id: SERVICE_ID,
  name: 'Returnee micro-credit',
  organizationName: 'Mutuelle du Baol',
  lastVerified: '2026-10-01',
  stale: false,
  openFlags: 2,
  flagReasons: ['The phone number no longer answers', 'The office moved'],
};
const stale: ReviewItemView = { id: STALE_ID, name: 'Diaspora savings', organizationName: 'Mutuelle du Baol', lastVerified: null, stale: true, openFlags: 0, flagReasons: [] };
const reviewList = (items: ReviewItemView[]) => jsonResponse(ReviewList.parse({ items, nextCursor: null }));

describe('the services to check', { timeout: 20_000 }, () => {
  it('lists stale and flagged services with why, links each to its page and edit form, and marks one verified', async () => {
    let queue = [flagged, stale];
    const { sent } = fakeStaffApi(
      {
        'GET /api/v1/directory/review': () => reviewList(queue),
        [`PATCH /api/v1/directory/services/${SERVICE_ID}`]: () => {
          queue = [stale];
          return jsonResponse(serviceFixture({ canEdit: true }));
        },
      },
      officer,
    );
    await renderApp('/directory/review');

    expect(await screen.findByRole('heading', { level: 1, name: 'Services to check' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Services to check' })).toHaveAttribute('href', '/directory/review');
    expect(await screen.findByText('2 services to check')).toBeInTheDocument();
    const [, first, second] = screen.getAllByRole('row');
    expect(within(first!).getByRole('link', { name: 'Returnee micro-credit' })).toHaveAttribute('href', `/directory/services/${SERVICE_ID}`);
    expect(first).toHaveTextContent('Mutuelle du Baol');
    expect(first).toHaveTextContent('Oct 1, 2026');
    expect(within(first!).getByText('Flagged: The phone number no longer answers')).toBeInTheDocument();
    expect(within(first!).getByText('Flagged: The office moved')).toBeInTheDocument();
    expect(within(first!).queryByText('Not verified for 12 months')).not.toBeInTheDocument();
    expect(within(second!).getByText('Never')).toBeInTheDocument();
    expect(within(second!).getByText('Not verified for 12 months')).toBeInTheDocument();
    expect(within(second!).getByRole('link', { name: 'Edit Diaspora savings' })).toHaveAttribute('href', `/directory/services/${STALE_ID}/edit`);
    expect(sent.find((request) => request.url.pathname === '/api/v1/directory/review')!.url.searchParams.get('locale')).toBe('en');

    fireEvent.click(within(first!).getByRole('button', { name: 'Mark Returnee micro-credit verified' }));
    expect(await screen.findByText('Returnee micro-credit is marked as verified today; its flags are closed.')).toBeInTheDocument();
    const patch = sent.find((request) => request.method === 'PATCH')!;
    expect(patch.url.pathname).toBe(`/api/v1/directory/services/${SERVICE_ID}`);
    expect(JSON.parse(patch.body!)).toEqual({ locale: 'en', verified: true });
    expect(screen.queryByRole('link', { name: 'Returnee micro-credit' })).not.toBeInTheDocument();
    expect(await screen.findByText('1 service to check')).toBeInTheDocument();
  });

  it('says why marking verified failed, in the service’s row, and keeps the row', async () => {
    fakeStaffApi(
      {
        'GET /api/v1/directory/review': () => reviewList([flagged, stale]),
        [`PATCH /api/v1/directory/services/${STALE_ID}`]: () => problemResponse(404, { code: 'not_found' }),
      },
      officer,
    );
    await renderApp('/directory/review');
    const row = (await screen.findByRole('link', { name: 'Diaspora savings' })).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Mark Diaspora savings verified' }));
    expect(await within(row).findByRole('alert')).toHaveTextContent('We could not find what you were looking for.');
    expect(screen.getByRole('link', { name: 'Diaspora savings' })).toBeInTheDocument();
    expect(screen.queryByText(/marked as verified/)).not.toBeInTheDocument();
  });

  it('says when there is nothing to check', async () => {
    fakeStaffApi({ 'GET /api/v1/directory/review': () => reviewList([]) }, officer);
    await renderApp('/directory/review');
    expect(await screen.findByText(/Nothing to check/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('is linked from the directory page', async () => {
    fakeStaffApi({}, officer);
    await renderApp('/directory');
    expect(await within(await screen.findByRole('main')).findByRole('link', { name: 'Services to check' })).toHaveAttribute('href', '/directory/review');
  });

  it('is turned away, and not in the navigation, for those who do not review entries', async () => {
    fakeStaffApi({}, dpo);
    await renderApp('/directory/review');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not available to you' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Services to check' })).not.toBeInTheDocument();
  });
});
