import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render-app';
import { fakeStaffApi, staffMe } from '../../../testing/staff-api';
import { savingsReport } from '../testing/staff-remittances.fixtures';
import { SavingsReportPanel } from './savings-report';

const officer = staffMe([{ organisationId: '10000000-0000-4000-8000-0000000000e2', organisationName: 'ARD Diourbel', role: 'lra_officer' }]);
const SAVINGS = '/api/v1/remittances/reports/savings';

const rowsOf = (table: HTMLElement) =>
  within(table).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()));

describe('the savings report', { timeout: 30_000 }, () => {
  it('shows the savings per desk and per territory, each with the total of all', async () => {
    fakeStaffApi({ [`GET ${SAVINGS}`]: () => jsonResponse(savingsReport) }, officer);
    await renderWithProviders(<SavingsReportPanel />);

    const desks = await screen.findByRole('table', { name: 'Savings by desk' });
    expect(rowsOf(desks)).toEqual([
      ['CAIM Diourbel', '4', 'EUR 1,200.00', 'EUR 30.00', 'EUR 12.50', 'EUR 9.00'],
      ['CAIM Mbacké', '2', 'EUR 400.00', 'EUR 14.00', 'EUR 1.00', 'EUR 10.00'],
      ['Guichet Touba', '0', '', '', '', ''],
      ['All desks', '6', 'EUR 1,600.00', 'EUR 44.00', 'EUR 13.50', 'EUR 19.00'],
    ]);
    const territories = screen.getByRole('table', { name: 'Savings by territory' });
    expect(within(territories).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Territory', 'Desks', 'Transfers', 'Sent', 'Cost paid', 'Saved against the average', 'Paid above the cheapest',
    ]);
    expect(rowsOf(territories)).toEqual([
      ['Diourbel', '1', '4', 'EUR 1,200.00', 'EUR 30.00', 'EUR 12.50', 'EUR 9.00'],
      ['Mbacké', '2', '2', 'EUR 400.00', 'EUR 14.00', 'EUR 1.00', 'EUR 10.00'],
      ['All territories', '3', '6', 'EUR 1,600.00', 'EUR 44.00', 'EUR 13.50', 'EUR 19.00'],
    ]);
    expect(screen.getByText('1 transfer has no observed price to compare with and is left out.')).toBeInTheDocument();
  });

  it('in French, asks for the territories’ names in French and labels the table in French', async () => {
    const { sent } = fakeStaffApi({ [`GET ${SAVINGS}`]: () => jsonResponse(savingsReport) }, officer);
    await renderWithProviders(<SavingsReportPanel />, { locale: 'fr' });

    const territories = await screen.findByRole('table', { name: 'Économies par territoire' });
    expect(rowsOf(territories).at(-1)![0]).toBe('Tous les territoires');
    expect(within(territories).getByRole('columnheader', { name: 'Territoire' })).toBeInTheDocument();
    expect(sent.find((request) => request.url.pathname === SAVINGS)!.headers.get('accept-language')).toBe('fr');
  });
});
