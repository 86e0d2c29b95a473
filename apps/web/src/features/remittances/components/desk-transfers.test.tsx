import { TransferList } from '@glocal/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe, type SentRequest } from '../../../testing/staff-api';
import { corridors } from '../testing/remittances.fixtures';
import { allProviders, countries, currencies, deskTransfers, DESK_ID, KORA_APP_ID, KORA_ID } from '../testing/staff-remittances.fixtures';
import { DeskTransfers } from './desk-transfers';

const coach = staffMe([{ organisationId: DESK_ID, organisationName: 'CAIM Diourbel', role: 'coach' }]);
const TRANSFERS = '/api/v1/remittances/transfers';

function fakeApi(extra: Parameters<typeof fakeStaffApi>[0] = {}, me = coach) {
  return fakeStaffApi(
    {
      'GET /api/v1/remittances/providers': () => jsonResponse(allProviders),
      [`GET ${TRANSFERS}`]: () => jsonResponse(deskTransfers),
      'GET /api/v1/remittances/corridors': () => jsonResponse(corridors),
      'GET /api/v1/reference/countries': () => jsonResponse(countries),
      'GET /api/v1/reference/currencies': () => jsonResponse(currencies),
      ...extra,
    },
    me,
  );
}

const rowsOf = (table: HTMLElement) =>
  within(table).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()));
const posted = (sent: SentRequest[]) => sent.filter((request) => request.method === 'POST' && request.url.pathname === TRANSFERS);

/** Fills the form as a coach would, from a beneficiary's receipt. */
async function fillTransfer(reference: string) {
  fireEvent.change(await screen.findByLabelText('Provider'), { target: { value: KORA_ID } });
  fireEvent.change(screen.getByLabelText('Service (if known)'), { target: { value: KORA_APP_ID } });
  fireEvent.change(await screen.findByLabelText('Sent from'), { target: { value: 'IT' } });
  fireEvent.change(screen.getByLabelText('Received in'), { target: { value: 'SN' } });
  fireEvent.change(screen.getByLabelText('Amount sent'), { target: { value: '250' } });
  fireEvent.change(screen.getByLabelText('Fee paid'), { target: { value: '0,99' } });
  fireEvent.change(screen.getByLabelText('Rate applied'), { target: { value: '650.053' } });
  fireEvent.change(screen.getByLabelText('Date of the transfer'), { target: { value: '2026-11-25' } });
  fireEvent.change(screen.getByLabelText('Your reference (optional)'), { target: { value: reference } });
}

describe('a desk’s recorded transfers', { timeout: 30_000 }, () => {
  it('lists the desk’s transfers with provider, amounts and rate, and leads to the savings report', async () => {
    const { sent } = fakeApi();
    await renderAtPath(<DeskTransfers />, '/remittances/transfers');

    const table = await screen.findByRole('table', { name: '2 transfers recorded by CAIM Diourbel' });
    expect(rowsOf(table)).toEqual([
      ['Nov 20, 2026', 'Italy → Senegal', 'Kora Pay (App to mobile wallet)', 'EUR 300', 'EUR 0.99', '650.053 XOF per EUR', 'DKR-0042'],
      ['Oct 2, 2026', 'Italy → Senegal', 'Mutuelle d’épargne et de crédit du Baol', 'EUR 700', 'EUR 6.50', '652.021 XOF per EUR', ''],
    ]);
    expect(sent.find((request) => request.url.pathname === TRANSFERS)!.url.searchParams.get('deskOrganisationId')).toBe(DESK_ID);
    expect(screen.getByRole('link', { name: 'See the savings report' })).toHaveAttribute('href', '/remittances/reports');
    // One desk: nothing to choose.
    expect(screen.queryByLabelText('Desk')).toBeNull();
  });

  it('records a transfer for the desk with the CSRF token, then lists it', async () => {
    let recorded = false;
    const created = {
      id: '50000000-0000-4000-8000-0000000000f3', deskOrganisationId: DESK_ID, provider: { id: KORA_ID, name: 'Kora Pay' }, productId: KORA_APP_ID, corridor: 'IT-SN',
      sendingCurrency: 'EUR', receivingCurrency: 'XOF', amountSent: '250', feePaid: '0.99', rateApplied: '650.053', transferredOn: '2026-11-25', beneficiaryRef: 'DKR-0043',
    };
    const { sent } = fakeApi({
      [`GET ${TRANSFERS}`]: () => jsonResponse(recorded ? TransferList.parse({ ...deskTransfers, items: [created, ...deskTransfers.items] }) : deskTransfers),
      [`POST ${TRANSFERS}`]: () => {
        recorded = true;
        return jsonResponse(created, { status: 201 });
      },
    });
    await renderAtPath(<DeskTransfers />, '/remittances/transfers');
    await fillTransfer('DKR-0043');
    expect(screen.getByLabelText('Currency sent')).toHaveValue('EUR');
    fireEvent.click(screen.getByRole('button', { name: 'Record the transfer' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Transfer of EUR 250 with Kora Pay on Nov 25, 2026 recorded.');
    const [request] = posted(sent);
    expect(request!.headers.get('x-csrf-token')).toBe(coach.csrfToken);
    expect(JSON.parse(request!.body!)).toEqual({
      deskOrganisationId: DESK_ID, providerId: KORA_ID, productId: KORA_APP_ID, from: 'IT', to: 'SN', sendingCurrency: 'EUR', receivingCurrency: 'XOF',
      amountSent: '250', feePaid: '0.99', rateApplied: '650.053', transferredOn: '2026-11-25', beneficiaryRef: 'DKR-0043',
    });
    const table = await screen.findByRole('table', { name: '3 transfers recorded by CAIM Diourbel' });
    expect(rowsOf(table)[0]).toEqual(['Nov 25, 2026', 'Italy → Senegal', 'Kora Pay (App to mobile wallet)', 'EUR 250', 'EUR 0.99', '650.053 XOF per EUR', 'DKR-0043']);
    // The amounts are cleared for the next receipt.
    expect(screen.getByLabelText('Amount sent')).toHaveValue('');
  });

  it('flags a name given as reference before sending, then shows the server’s refusal of the fee next to it', async () => {
    const { sent } = fakeApi({
      [`POST ${TRANSFERS}`]: () =>
        problemResponse(400, { code: 'remittance.fee_invalid', errors: [{ pointer: '/feePaid', in: 'body', code: 'remittance.fee_exceeds_amount' }] }),
    });
    await renderAtPath(<DeskTransfers />, '/remittances/transfers');
    await fillTransfer('Awa Ndiaye');
    fireEvent.click(screen.getByRole('button', { name: 'Record the transfer' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('One field needs your attention: see the message next to it.');
    expect(screen.getByLabelText('Your reference (optional)')).toHaveAccessibleDescription(/This is not in the expected format\.$/);
    expect(posted(sent)).toEqual([]);

    fireEvent.change(screen.getByLabelText('Your reference (optional)'), { target: { value: 'DKR-0044' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the transfer' }));
    const fee = screen.getByLabelText('Fee paid');
    await expect.poll(() => fee.getAttribute('aria-invalid')).toBe('true');
    expect(fee).toHaveAccessibleDescription(/The fee must be less than the amount sent\.$/);
    expect(screen.getByLabelText('Your reference (optional)')).not.toHaveAttribute('aria-invalid');
    expect(posted(sent)).toHaveLength(1);
  });

  it('lets staff of two desks choose whose transfers they record and see', async () => {
    const other = '10000000-0000-4000-8000-0000000000d2';
    const { sent } = fakeApi({}, staffMe([
      { organisationId: DESK_ID, organisationName: 'CAIM Diourbel', role: 'desk_manager' },
      { organisationId: DESK_ID, organisationName: 'CAIM Diourbel', role: 'org_admin' },
      { organisationId: other, organisationName: 'CAIM Mbacké', role: 'coach' },
    ]));
    await renderAtPath(<DeskTransfers />, '/remittances/transfers');
    const desk = await screen.findByLabelText('Desk');
    expect(within(desk).getAllByRole('option').map((option) => option.textContent)).toEqual(['CAIM Diourbel', 'CAIM Mbacké']);
    fireEvent.change(desk, { target: { value: other } });
    await screen.findByRole('table', { name: '2 transfers recorded by CAIM Mbacké' });
    expect(sent.filter((request) => request.url.pathname === TRANSFERS).map((request) => request.url.searchParams.get('deskOrganisationId'))).toEqual([DESK_ID, other]);
  });

  it('tells platform staff, who belong to no desk, that recording transfers is for desks', async () => {
    fakeApi({}, staffMe([{ organisationId: null, organisationName: null, role: 'platform_admin' }]));
    await renderAtPath(<DeskTransfers />, '/remittances/transfers');
    expect(await screen.findByText('Recording transfers is for a help desk’s staff, and you are on no desk’s staff.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record the transfer' })).toBeNull();
  });
});
