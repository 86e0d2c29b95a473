import { Problem, ReferenceRateImportReport } from '@glocal/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csrfToken } from '../../../lib/session';
import { renderWithProviders } from '../../../testing/render-app';
import { fakeStaffApi, staffMe } from '../../../testing/staff-api';
import { ReferenceRateImport } from './reference-rate-import';

const officer = staffMe([{ organisationId: '10000000-0000-4000-8000-000000000001', organisationName: 'ARD Diourbel', role: 'lra_officer' }]);

type Sent = { url: string; headers: Record<string, string>; body: string };

/**
 * The browser's XMLHttpRequest at its boundary: records what is sent and reports half the upload
 * sent; the test then finishes the upload and answers with `finish()`.
 */
function fakeUpload(reply: { status: number; body: unknown }) {
  const sent: Sent[] = [];
  let pending: (() => void) | null = null;
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
      this.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 2 });
      pending = () => {
        this.upload.onload?.();
        this.status = reply.status;
        this.responseText = JSON.stringify(reply.body);
        this.onload?.();
      };
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return {
    sent,
    finish() {
      if (!pending) throw new Error('nothing was sent');
      pending();
    },
  };
}

const rejected = (errors: Problem['errors']) =>
  Problem.parse({ type: 'about:blank', title: 'x', status: 400, code: 'remittance.import_rejected', params: { rowsTotal: 4, rowsRejected: 2 }, errors });

afterEach(() => vi.unstubAllGlobals());

describe('importing reference exchange rates', { timeout: 20_000 }, () => {
  it('uploads the file as text/csv with the CSRF token and a progress bar, then lists each refused row with its line and reason', async () => {
    fakeStaffApi({}, officer);
    const upload = fakeUpload({
      status: 400,
      body: rejected([
        { pointer: '/rows/3/quote currency', code: 'same_currency', params: { row: 3, column: 'quote currency', value: 'EUR' } },
        { pointer: '/rows/5/rate', code: 'duplicate', params: { row: 5, column: 'rate', firstRow: 2 } },
      ]),
    });
    await renderWithProviders(<ReferenceRateImport />);
    await waitFor(() => expect(csrfToken()).toBe(officer.csrfToken));

    const csv = 'base_currency,quote_currency,date,rate,source\nUSD,EUR,2026-09-30,0.9225,ECB\n';
    fireEvent.change(screen.getByLabelText('Rates file (CSV)'), { target: { files: [new File([csv], 'rates.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Import the rates' }));

    const bar = await screen.findByRole('progressbar', { name: 'Sending the file' });
    expect(bar).toHaveAttribute('value', '0.5');
    expect(upload.sent[0]).toMatchObject({ url: '/api/v1/remittances/reference-rates/imports?validOnly=false&fileName=rates.csv', body: csv });
    expect(upload.sent[0]!.headers).toMatchObject({ 'content-type': 'text/csv', 'x-csrf-token': officer.csrfToken });
    upload.finish();

    expect(await screen.findByRole('alert')).toHaveTextContent('Some rows are not valid, so nothing was imported');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    const table = screen.getByRole('table', { name: '2 rows refused' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['3', 'quote currency', 'The base and quote currencies are the same'],
      ['5', 'rate', 'Given earlier in the file (line 2) with another figure'],
    ]);
  });

  it('imports the valid rows only when asked, and says how many rates were stored, replaced and unchanged', async () => {
    fakeStaffApi({}, officer);
    const report = ReferenceRateImportReport.parse({
      rowsTotal: 7, rowsImported: 3, rowsUpdated: 2, rowsUnchanged: 1, rowsRejected: 1,
      errors: [{ row: 4, column: 'date', code: 'date_invalid', params: { value: '2026-02-30' } }],
    });
    const upload = fakeUpload({ status: 200, body: report });
    await renderWithProviders(<ReferenceRateImport />);
    fireEvent.change(screen.getByLabelText('Rates file (CSV)'), { target: { files: [new File(['x'], 'rates.csv')] } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Import the valid rows and list the others' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import the rates' }));
    await screen.findByRole('progressbar');
    upload.finish();

    expect(await screen.findByRole('status')).toHaveTextContent('7 rows read: 3 new rates stored, 2 replaced, 1 unchanged, 1 rows refused.');
    expect(upload.sent[0]!.url).toContain('validOnly=true');
    const table = screen.getByRole('table', { name: '1 row refused' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/4\s*date\s*Not a date/);
  });

  it('says next to the file field when no file is chosen, or when the file has no rows, and sends nothing without a file', async () => {
    fakeStaffApi({}, officer);
    const upload = fakeUpload({
      status: 400,
      body: Problem.parse({ type: 'about:blank', title: 'x', status: 400, code: 'remittance.import_empty' }),
    });
    await renderWithProviders(<ReferenceRateImport />);
    fireEvent.click(screen.getByRole('button', { name: 'Import the rates' }));
    const field = screen.getByLabelText('Rates file (CSV)');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Please fill this in.'));
    expect(upload.sent).toHaveLength(0);

    fireEvent.change(field, { target: { files: [new File(['base_currency,quote_currency,date,rate,source\n'], 'empty.csv')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Import the rates' }));
    await screen.findByRole('progressbar');
    upload.finish();
    await waitFor(() => expect(field).toHaveAccessibleDescription(expect.stringContaining('The file has no rows to import.')));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
