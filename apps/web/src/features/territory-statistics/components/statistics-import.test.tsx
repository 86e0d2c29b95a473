import { TerritoryStatisticImportView } from '@glocal/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { csrfToken } from '../../../lib/session';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe } from '../../../testing/staff-api';
import { StatisticsImport } from './statistics-import';

const IMPORT = 'POST /api/v1/territories/statistics/import';
const officer = staffMe([{ organisationId: '10000000-0000-4000-8000-000000000001', organisationName: 'ARD Diourbel', role: 'lra_officer' }]);

const CSV = [
  'territory_code,year,population_total,population_female,population_male,foreign_born,emigrants_abroad,source',
  'SN-DB,2024,2050000,1050000,1000000,21500,98000,ANSD',
  'SN-XX,24,100,60,50,,,ANSD',
].join('\n');

async function renderSignedIn() {
  await renderWithProviders(<StatisticsImport />);
  // Writes carry the CSRF token of the session, known once "who am I" has answered.
  await waitFor(() => expect(csrfToken()).toBe(officer.csrfToken));
}

// The first render loads catalogues and route code: slow on a busy machine.
describe('importing territory statistics', { timeout: 20_000 }, () => {
  it('sends the pasted rows as text/csv and lists every bad cell by line and column', async () => {
    const { sent } = fakeStaffApi(
      {
        [IMPORT]: () =>
          problemResponse(400, {
            code: 'territory.statistics_invalid',
            params: { rowsWithErrors: 3 },
            errors: [
              { pointer: '/3/population_total', code: 'custom' },
              { pointer: '/3/year', code: 'invalid_format' },
              { pointer: '/3/territory_code', code: 'unknown_territory' },
            ],
          }),
      },
      officer,
    );
    await renderSignedIn();

    fireEvent.change(screen.getByRole('textbox', { name: 'CSV rows' }), { target: { value: CSV } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Some rows of the statistics file are not valid');
    const table = screen.getByRole('table', { name: '3 problems to correct' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['3', 'territory_code', 'No territory has this code.'],
      ['3', 'year', 'A year of four digits, between 1900 and 2100.'],
      ['3', 'population_total', 'Women and men add up to more than the population.'],
    ]);

    const request = sent.find((each) => `${each.method} ${each.url.pathname}` === IMPORT)!;
    expect(request.headers.get('content-type')).toBe('text/csv');
    expect(request.headers.get('x-csrf-token')).toBe(officer.csrfToken);
    expect(request.body).toBe(CSV);
  });

  it('imports a chosen file rather than the box, and says how many rows went in', async () => {
    const { sent } = fakeStaffApi({ [IMPORT]: () => jsonResponse(TerritoryStatisticImportView.parse({ imported: 1 })) }, officer);
    await renderSignedIn();
    const fileRows = CSV.split('\n').slice(0, 2).join('\n');

    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [new File([fileRows], 'ansd.csv', { type: 'text/csv' })] } });
    fireEvent.change(screen.getByRole('textbox', { name: 'CSV rows' }), { target: { value: 'ignored' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('status')).toHaveTextContent('One row imported.');
    expect(sent.find((each) => `${each.method} ${each.url.pathname}` === IMPORT)?.body).toBe(fileRows);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('with nothing to import, says so without calling the server', async () => {
    const { sent } = fakeStaffApi({}, officer);
    await renderSignedIn();

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Choose a file or paste rows first.');
    expect(sent.filter((each) => each.method === 'POST')).toEqual([]);
  });

  it('when the file names a territory the officer does not work for, says so', async () => {
    fakeStaffApi({ [IMPORT]: () => problemResponse(403, { code: 'territory.outside_actor_territories', params: { line: 2 } }) }, officer);
    await renderSignedIn();

    fireEvent.change(screen.getByRole('textbox', { name: 'CSV rows' }), { target: { value: CSV } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('A row names a territory you do not work for.');
  });
});
