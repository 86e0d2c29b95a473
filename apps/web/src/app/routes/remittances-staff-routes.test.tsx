import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { corridors } from '../../features/remittances/testing/remittances.fixtures';
import { allProviders, countries, currencies, deskTransfers, DESK_ID, myProviders, providerPrices, BAOL_ID } from '../../features/remittances/testing/staff-remittances.fixtures';
import { jsonResponse } from '../../testing/mock-fetch';
import { renderApp } from '../../testing/render-app';
import { fakeStaffApi, staffMe } from '../../testing/staff-api';

const READS = {
  'GET /api/v1/remittances/providers/mine': () => jsonResponse(myProviders),
  [`GET /api/v1/remittances/providers/${BAOL_ID}/prices`]: () => jsonResponse(providerPrices),
  'GET /api/v1/remittances/providers': () => jsonResponse(allProviders),
  'GET /api/v1/remittances/transfers': () => jsonResponse(deskTransfers),
  'GET /api/v1/remittances/corridors': () => jsonResponse(corridors),
  'GET /api/v1/reference/countries': () => jsonResponse(countries),
  'GET /api/v1/reference/currencies': () => jsonResponse(currencies),
};
const header = () => within(screen.getByRole('navigation', { name: 'Main' }));

describe('the providers’ and desks’ remittance pages', { timeout: 30_000 }, () => {
  it('lead a provider’s staff from “Our prices” in the header to their prices, and show them no transfers page', async () => {
    fakeStaffApi(READS, staffMe([{ organisationId: '10000000-0000-4000-8000-0000000000e1', organisationName: 'Mutuelle du Baol', role: 'partner_staff' }]));
    await renderApp('/remittances/provider');

    // The route's code is loaded on demand: allow for a busy machine.
    expect(await screen.findByRole('heading', { level: 1, name: 'Our prices on the comparison' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(header().getByRole('link', { name: 'Our prices' })).toHaveAttribute('href', '/remittances/provider');
    expect(header().queryByRole('link', { name: 'Recorded transfers' })).toBeNull();
    expect(await screen.findByRole('table', { name: 'Latest prices of Counter transfer, by corridor' })).toBeInTheDocument();
  });

  it('lead a coach from “Recorded transfers” to the desk’s transfers, and turn them away from the providers’ page', async () => {
    fakeStaffApi(READS, staffMe([{ organisationId: DESK_ID, organisationName: 'CAIM Diourbel', role: 'coach' }]));
    const { unmount } = await renderApp('/remittances/transfers');
    expect(await screen.findByRole('heading', { level: 1, name: 'Transfers recorded by the desk' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(header().getByRole('link', { name: 'Recorded transfers' })).toHaveAttribute('href', '/remittances/transfers');
    expect(header().queryByRole('link', { name: 'Our prices' })).toBeNull();
    expect(await screen.findByRole('table', { name: '2 transfers recorded by CAIM Diourbel' })).toBeInTheDocument();
    unmount();

    await renderApp('/remittances/provider');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not available to you' }, { timeout: 10_000 })).toBeInTheDocument();
  });
});
