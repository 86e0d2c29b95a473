import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render-app';
import { fakeStaffApi, staffMe } from '../../../testing/staff-api';
import { corridors } from '../testing/remittances.fixtures';
import { corridorReport } from '../testing/staff-remittances.fixtures';
import { CorridorReportPanel } from './corridor-report';

const officer = staffMe([{ organisationId: '10000000-0000-4000-8000-0000000000e2', organisationName: 'ARD Diourbel', role: 'lra_officer' }]);

const rowsOf = (table: HTMLElement) =>
  within(table).getAllByRole('row').map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()));

describe('the corridor report', { timeout: 30_000 }, () => {
  it('breaks the average down by kind of provider for every quarter, not only the latest', async () => {
    fakeStaffApi(
      {
        'GET /api/v1/remittances/corridors': () => jsonResponse(corridors),
        'GET /api/v1/remittances/reports/corridors/IT-SN': () => jsonResponse(corridorReport),
      },
      officer,
    );
    await renderWithProviders(<CorridorReportPanel />);

    const table = await screen.findByRole('table', { name: 'Average total cost for USD 200 by kind of provider, quarter by quarter (services observed)' });
    expect(rowsOf(table)).toEqual([
      ['Kind of provider', 'Q3 2026', 'Q4 2026'],
      ['Bank', '8.25% (2 services)', 'none observed'],
      ['Fintech', 'none observed', 'unknown (1 service)'],
      ['Money transfer operator', '4.50% (3 services)', '3.81% (4 services)'],
    ]);
    expect(screen.getByRole('link', { name: 'Download as CSV' })).toHaveAttribute('href', expect.stringContaining('/reports/corridors/IT-SN'));
  });
});
