import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csrfToken } from '../../../lib/session';
import { renderWithProviders } from '../../../testing/render-app';
import { fakeStaffApi, staffMe } from '../../../testing/staff-api';
import { PriceImport } from './price-import';

const officer = staffMe([{ organisationId: '10000000-0000-4000-8000-000000000001', organisationName: 'ARD Diourbel', role: 'lra_officer' }]);

/** The browser's XMLHttpRequest at its boundary: records what is sent, reports upload progress, answers `reply`. */
function fakeUpload(reply: { status: number; body: unknown }) {
  const sent: { url: string; headers: Record<string, string>; body: string }[] = [];
  class FakeXhr {
    upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null; onload: (() => void) | null } = { onprogress: null, onload: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    status = 0;
    responseText = '';
    private url = '';
    private headers: Record<string, string> = {};
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name.toLowerCase()] = value;
    }
    send(body: string) {
      sent.push({ url: this.url, headers: this.headers, body });
      this.upload.onprogress?.({ lengthComputable: true, loaded: body.length / 2, total: body.length });
      setTimeout(() => {
        this.upload.onload?.();
        this.status = reply.status;
        this.responseText = JSON.stringify(reply.body);
        this.onload?.();
      }, 20);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe('importing prices', { timeout: 20_000 }, () => {
  it('uploads the file as text/csv with the CSRF token, then lists each refused row with its line and reason', async () => {
    fakeStaffApi({}, officer);
    const sent = fakeUpload({
      status: 400,
      body: {
        type: 'about:blank', title: 'x', status: 400, code: 'remittance.import_rejected', params: { rowsTotal: 6, rowsRejected: 2 },
        errors: [
          { pointer: '/rows/3/cc1 total cost %', code: 'total_cost_mismatch', params: { row: 3, column: 'cc1 total cost %' } },
          { pointer: '/rows/4/source code', code: 'unknown_country', params: { row: 4, column: 'source code' } },
        ],
      },
    });
    await renderWithProviders(<PriceImport />);
    await waitFor(() => expect(csrfToken()).toBe(officer.csrfToken));

    const file = new File(['period,source_code\n2011_1Q,ITA\n'], 'rpw.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Some rows are not valid, so nothing was imported');
    expect(sent[0]).toMatchObject({ url: '/api/v1/remittances/imports?format=rpw&validOnly=false&fileName=rpw.csv', body: 'period,source_code\n2011_1Q,ITA\n' });
    expect(sent[0]!.headers).toMatchObject({ 'content-type': 'text/csv', 'x-csrf-token': officer.csrfToken });
    const table = screen.getByRole('table', { name: '2 rows refused' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['3', 'cc1 total cost %', 'The stated total cost does not match the fee, amount and rates (more than 0.01 points apart)'],
      ['4', 'source code', 'Unknown country code'],
    ]);
  });

  it('imports the valid rows only when asked, and says what was stored', async () => {
    fakeStaffApi({}, officer);
    const sent = fakeUpload({
      status: 200,
      body: { importId: '50000000-0000-4000-8000-000000000001', format: 'rpw', rowsTotal: 6, rowsImported: 2, rowsUnchanged: 0, rowsRejected: 5, errors: [] },
    });
    await renderWithProviders(<PriceImport />);
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [new File(['x'], 'rpw.csv')] } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Import the valid rows and list the others' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('status')).toHaveTextContent('6 rows read: 2 new prices stored, 0 already known, 5 rows refused.');
    expect(sent[0]!.url).toContain('validOnly=true');
  });
});
