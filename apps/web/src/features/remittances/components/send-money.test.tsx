import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe } from '../../../testing/staff-api';
import { corridors, history, quotes } from '../testing/remittances.fixtures';
import { CorridorOverview } from './corridor-overview';
import { SendMoney } from './send-money';

const CORRIDORS = 'GET /api/v1/remittances/corridors';
const QUOTES = 'GET /api/v1/remittances/quotes';

// The first render loads catalogues: slow on a busy machine.
describe('send money home', { timeout: 20_000 }, () => {
  it('asks for the quotes the address names and shows each option with its figures, warnings and freshness', async () => {
    const { sent } = fakeStaffApi({ [CORRIDORS]: () => jsonResponse(corridors), [QUOTES]: () => jsonResponse(quotes) }, null);
    await renderAtPath(<SendMoney />, '/send-money?from=IT&to=SN&amount=300&currency=EUR');

    const cards = await screen.findAllByRole('heading', { level: 3 });
    expect(cards.map((card) => card.textContent)).toEqual([
      'No. 1 Kora Pay · App to mobile wallet',
      'No. 2 RapidoEnvío · Zero fee transfer',
      'No. 3 Banque Atlantique Euro-Afrique · Counter transfer',
    ]);
    const query = sent.find((request) => request.url.pathname === '/api/v1/remittances/quotes')!.url.searchParams;
    expect(Object.fromEntries(query)).toEqual({ from: 'IT', to: 'SN', amount: '300', currency: 'EUR' });

    const first = cards[0]!.closest('li')!;
    expect(within(first).getByText('The family receives XOF 194,372')).toBeInTheDocument();
    expect(within(first).getByText('1.23%')).toBeInTheDocument();
    expect(within(first).getByText('Less than an hour')).toBeInTheDocument();
    const zeroFee = cards[1]!.closest('li')!;
    expect(within(zeroFee).getByText(/the cost hides in the exchange rate/)).toBeInTheDocument();
    expect(within(zeroFee).getByText('more than 90 days ago: check it')).toBeInTheDocument();
    const hidden = cards[2]!.closest('li')!;
    expect(within(hidden).getByText(/Not transparent/)).toBeInTheDocument();
    expect(within(hidden).getByText('What the family receives is unknown: the rate is not disclosed.')).toBeInTheDocument();
    expect(screen.getByText(/these prices are illustrative/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'How we compute these figures' })).toBeInTheDocument();
  });

  it('puts the search in the address when submitted, and shows a refused amount next to its field', async () => {
    fakeStaffApi(
      {
        [CORRIDORS]: () => jsonResponse(corridors),
        [QUOTES]: () => problemResponse(400, { code: 'remittance.amount_outside_tiers', errors: [{ pointer: '/amount', in: 'querystring', code: 'amount_outside_tiers' }] }),
      },
      null,
    );
    const { router } = await renderAtPath(<SendMoney />, '/send-money');
    fireEvent.change(await screen.findByRole('combobox', { name: 'Sending from' }), { target: { value: 'IT' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sending to' }), { target: { value: 'SN' } });
    expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveValue('EUR');
    fireEvent.change(screen.getByRole('textbox', { name: 'Amount' }), { target: { value: '90000,50' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: 'same_day' } });
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));

    await waitFor(() => expect(router.state.location.search).toBe('?from=IT&to=SN&amount=90000.50&currency=EUR&speed=same_day'));
    const amount = screen.getByRole('textbox', { name: 'Amount' });
    await waitFor(() => expect(amount).toHaveAttribute('aria-invalid', 'true'));
    expect(amount).toHaveAccessibleDescription(expect.stringContaining('No service in this corridor takes this amount'));
  });
});

describe('corridor alerts', { timeout: 20_000 }, () => {
  it('lets a signed-in person follow the corridor of the search, then stop', async () => {
    let following = false;
    const me = staffMe([{ organisationId: '10000000-0000-4000-8000-000000000002', organisationName: 'Sportello Veneto', role: 'coach' }]);
    const { sent } = fakeStaffApi(
      {
        [CORRIDORS]: () => jsonResponse(corridors),
        [QUOTES]: () => jsonResponse(quotes),
        'GET /api/v1/remittances/follows': () => jsonResponse({ items: following ? [{ corridor: 'IT-SN', createdAt: '2026-12-01T08:00:00.000Z' }] : [], nextCursor: null }),
        'POST /api/v1/remittances/follows': () => {
          following = true;
          return jsonResponse({ corridor: 'IT-SN', createdAt: '2026-12-01T08:00:00.000Z' }, { status: 201 });
        },
        'DELETE /api/v1/remittances/follows/IT-SN': () => {
          following = false;
          return new Response(null, { status: 204 });
        },
      },
      me,
    );
    await renderAtPath(<SendMoney />, '/send-money?from=IT&to=SN&amount=300&currency=EUR');
    fireEvent.click(await screen.findByRole('button', { name: 'E-mail me when a cheaper option appears' }));
    const stop = await screen.findByRole('button', { name: 'Stop the e-mails for this corridor' });
    expect(stop).toHaveAttribute('aria-pressed', 'true');
    expect(JSON.parse(sent.find((request) => request.method === 'POST')!.body!)).toEqual({ from: 'IT', to: 'SN' });
    fireEvent.click(stop);
    expect(await screen.findByRole('button', { name: 'E-mail me when a cheaper option appears' })).toHaveAttribute('aria-pressed', 'false');
  });
});

describe('a corridor over time', { timeout: 20_000 }, () => {
  it('draws the average against the target and ceiling, with SmaRT and the same figures in a table', async () => {
    fakeStaffApi({ 'GET /api/v1/remittances/corridors/IT-SN/history': () => jsonResponse(history) }, null);
    await renderAtPath(<CorridorOverview corridor="IT-SN" />, '/send-money/corridors/IT-SN');
    expect(await screen.findByRole('img', { name: /Average total cost by quarter/ })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Figures by quarter' });
    const rows = within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    const pct = (value: string) => `${value}%`;
    expect(rows[0]).toEqual(['13 (11 transparent)', pct('6.10'), pct('3.90'), pct('2.40'), 'no', 'yes']);
    expect(rows[3]).toEqual(['13 (11 transparent)', pct('4.60'), pct('3.00'), pct('1.80'), 'no', 'no']);
    expect(screen.getByText('SmaRT', { selector: 'dt' })).toBeInTheDocument();
  });
});
