import { ProviderList, ProviderPriceList } from '@glocal/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe, type SentRequest } from '../../../testing/staff-api';
import { corridors } from '../testing/remittances.fixtures';
import {
  BAOL_ID,
  branchDetail,
  BRANCH_ID,
  COUNTER_ID,
  countries,
  currencies,
  myProviders,
  pickupPointSearch,
  providerPrices,
  WALLET_ID,
} from '../testing/staff-remittances.fixtures';
import { ProviderReporting } from './provider-reporting';

const partnerStaff = staffMe([{ organisationId: '10000000-0000-4000-8000-0000000000e1', organisationName: 'Mutuelle du Baol', role: 'partner_staff' }]);
const PRICES = `/api/v1/remittances/providers/${BAOL_ID}/prices`;
const today = new Date().toISOString().slice(0, 10);

/** The API the page reads; `extra` adds or replaces handlers (the writes under test). */
function fakeApi(extra: Parameters<typeof fakeStaffApi>[0] = {}) {
  return fakeStaffApi(
    {
      'GET /api/v1/remittances/providers/mine': () => jsonResponse(myProviders),
      [`GET ${PRICES}`]: () => jsonResponse(providerPrices),
      'GET /api/v1/remittances/corridors': () => jsonResponse(corridors),
      'GET /api/v1/reference/countries': () => jsonResponse(countries),
      'GET /api/v1/reference/currencies': () => jsonResponse(currencies),
      ...extra,
    },
    partnerStaff,
  );
}

/** A cell's words, its lines (a `<br>`, list items) joined by spaces. */
function text(element: Element): string {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  while (walker.nextNode()) parts.push(walker.currentNode.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('th, td')].map(text));
const posted = (sent: SentRequest[], path: string) => sent.filter((request) => request.method === 'POST' && request.url.pathname === path);

describe('a provider’s own prices', { timeout: 30_000 }, () => {
  it('lists each product with its latest price per corridor, its age, and whether it is stale or out of the rankings', async () => {
    fakeApi();
    await renderWithProviders(<ProviderReporting />);

    expect(await screen.findByRole('heading', { name: 'Services of Mutuelle d’épargne et de crédit du Baol and their latest prices' })).toBeInTheDocument();
    const counter = await screen.findByRole('table', { name: 'Latest prices of Counter transfer, by corridor' });
    expect(rowsOf(counter)).toEqual([
      ['Belgium → Senegal EUR → XOF', 'EUR 12 + 1 %', 'Not disclosed', '655.957', 'May 1, 2026 200 days ago', 'No longer shown in rankings: more than 180 days old'],
      [
        'Italy → Senegal EUR → XOF',
        'up to EUR 100: EUR 4.90 above EUR 100 up to EUR 500: EUR 7.90 above EUR 500: 0.5 %',
        '648.741',
        '655.957',
        'Aug 1, 2026 120 days ago',
        'Stale: more than 90 days old',
      ],
    ]);
    const member = screen.getByRole('table', { name: 'Latest prices of Transfer to a member account, by corridor' });
    expect(rowsOf(member)).toEqual([['Italy → Senegal EUR → XOF', 'EUR 3 + 0.5 %', '652.021', '655.957', 'Nov 18, 2026 10 days ago', 'Current']]);
    const wallet = screen.getByRole('heading', { name: 'Wallet payout' }).closest('section')!;
    expect(within(wallet).getByText('No price reported yet for this service.')).toBeInTheDocument();
    expect(within(wallet).queryByRole('table')).toBeNull();
    expect(screen.getByText('2 prices are more than 90 days old: report a current price.')).toBeInTheDocument();
  });

  it('reports a tiered price with the CSRF token, then shows it in the product’s table', async () => {
    let reported = false;
    const { sent } = fakeApi({
      [`GET ${PRICES}`]: () =>
        jsonResponse(
          reported
            ? ProviderPriceList.parse({
                ...providerPrices,
                items: [
                  ...providerPrices.items,
                  {
                    productId: WALLET_ID, corridor: 'IT-SN', sendingCurrency: 'EUR', receivingCurrency: 'XOF', fee: { tiers: [{ upTo: '100', fixed: '2.50' }, { over: '100', percent: '1.5' }] },
                    rateOffered: '650.5', interbankRate: '655.957', observedOn: today, source: 'provider_self_report', ageDays: 0, stale: false, dropped: false,
                  },
                ],
              })
            : providerPrices,
        ),
      [`POST ${PRICES}`]: () => {
        reported = true;
        return jsonResponse({ productId: WALLET_ID, corridor: 'IT-SN', observedOn: today, source: 'provider_self_report' }, { status: 201 });
      },
    });
    await renderWithProviders(<ProviderReporting />);

    fireEvent.change(await screen.findByLabelText('Service'), { target: { value: WALLET_ID } });
    fireEvent.change(await screen.findByLabelText('Sent from'), { target: { value: 'IT' } });
    fireEvent.change(screen.getByLabelText('Received in'), { target: { value: 'SN' } });
    // A corridor the comparison knows brings its currencies.
    expect(screen.getByLabelText('Currency sent')).toHaveValue('EUR');
    expect(screen.getByLabelText('Currency received')).toHaveValue('XOF');
    fireEvent.click(screen.getByRole('radio', { name: 'By amount sent (tiers)' }));
    const first = screen.getByRole('group', { name: 'Tier 1' });
    fireEvent.change(within(first).getByLabelText('Up to'), { target: { value: '100' } });
    fireEvent.change(within(first).getByLabelText('Fixed fee'), { target: { value: '2,50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a tier' }));
    const second = screen.getByRole('group', { name: 'Tier 2' });
    fireEvent.change(within(second).getByLabelText('Above'), { target: { value: '100' } });
    fireEvent.change(within(second).getByLabelText('Percentage of the amount sent'), { target: { value: '1.5' } });
    fireEvent.change(screen.getByLabelText('Rate offered'), { target: { value: '650.5' } });
    fireEvent.change(screen.getByLabelText('Mid-market rate that day'), { target: { value: '655.957' } });
    expect(screen.getByLabelText('Price valid on')).toHaveValue(today);
    fireEvent.click(screen.getByRole('button', { name: 'Report the price' }));

    expect(await screen.findByRole('status')).toHaveTextContent(/^Price of Wallet payout from Italy to Senegal reported, valid on /);
    const [request] = posted(sent, PRICES);
    expect(request!.headers.get('x-csrf-token')).toBe(partnerStaff.csrfToken);
    expect(JSON.parse(request!.body!)).toEqual({
      productId: WALLET_ID, from: 'IT', to: 'SN', sendingCurrency: 'EUR', receivingCurrency: 'XOF',
      fee: { tiers: [{ upTo: '100', fixed: '2.50' }, { over: '100', percent: '1.5' }] }, rateOffered: '650.5', interbankRate: '655.957', observedOn: today,
    });
    const wallet = await screen.findByRole('table', { name: 'Latest prices of Wallet payout, by corridor' });
    expect(rowsOf(wallet)).toEqual([
      ['Italy → Senegal EUR → XOF', 'up to EUR 100: EUR 2.50 above EUR 100: 1.5 %', '650.5', '655.957', expect.stringMatching(/ today$/), 'Current'],
    ]);
  });

  it('shows the server’s refusals next to their fields: a date in the future, overlapping tiers', async () => {
    const { sent } = fakeApi({
      [`POST ${PRICES}`]: () =>
        problemResponse(400, {
          code: 'validation_failed',
          errors: [
            { pointer: '/observedOn', in: 'body', code: 'in_future' },
            { pointer: '/fee/tiers/1', in: 'body', code: 'remittance.tiers_invalid' },
          ],
        }),
    });
    await renderWithProviders(<ProviderReporting />);

    fireEvent.change(await screen.findByLabelText('Service'), { target: { value: WALLET_ID } });
    fireEvent.change(await screen.findByLabelText('Sent from'), { target: { value: 'IT' } });
    fireEvent.change(screen.getByLabelText('Received in'), { target: { value: 'SN' } });
    fireEvent.click(screen.getByRole('radio', { name: 'By amount sent (tiers)' }));
    fireEvent.change(within(screen.getByRole('group', { name: 'Tier 1' })).getByLabelText('Up to'), { target: { value: '100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a tier' }));
    fireEvent.change(within(screen.getByRole('group', { name: 'Tier 2' })).getByLabelText('Above'), { target: { value: '50' } });
    fireEvent.click(screen.getByRole('radio', { name: 'We do not disclose it' }));
    expect(screen.queryByLabelText('Rate offered')).toBeNull();
    fireEvent.change(screen.getByLabelText('Mid-market rate that day'), { target: { value: '655.957' } });
    fireEvent.change(screen.getByLabelText('Price valid on'), { target: { value: '2099-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Report the price' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('2 fields need your attention: see the messages next to them.');
    const date = screen.getByLabelText('Price valid on');
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveAccessibleDescription('This date is in the future.');
    expect(screen.getByRole('group', { name: 'Tier 2' })).toHaveAccessibleDescription('This tier overlaps another or its bounds are out of order.');
    expect(screen.getByRole('group', { name: 'Tier 1' })).not.toHaveAccessibleDescription();
    expect(JSON.parse(posted(sent, PRICES)[0]!.body!)).toMatchObject({ rateOffered: null, fee: { tiers: [{ upTo: '100' }, { over: '50' }] } });
  });

  it('checks the form before sending: a missing product, fee or rate is flagged and nothing is sent', async () => {
    const { sent } = fakeApi();
    await renderWithProviders(<ProviderReporting />);
    await screen.findByLabelText('Sent from');
    fireEvent.change(screen.getByLabelText('Rate offered'), { target: { value: '-3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Report the price' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/fields need your attention/);
    expect(screen.getByLabelText('Service')).toHaveAccessibleDescription('Choose one of your services.');
    expect(screen.getByLabelText('Sent from')).toHaveAccessibleDescription('Please fill this in.');
    expect(screen.getByLabelText('Fixed fee')).toHaveAccessibleDescription('Please fill this in.');
    expect(screen.getByLabelText('Rate offered')).toHaveAccessibleDescription(/This is not in the expected format\.$/);
    expect(screen.getByLabelText('Mid-market rate that day')).toHaveAccessibleDescription(/Please fill this in\.$/);
    expect(posted(sent, PRICES)).toEqual([]);
  });

  it('adds a product, saying so next to the name when the provider already has one by that name', async () => {
    let attempts = 0;
    const { sent } = fakeApi({
      [`POST /api/v1/remittances/providers/${BAOL_ID}/products`]: (request) => {
        attempts++;
        if (attempts === 1) return problemResponse(400, { code: 'validation_failed', errors: [{ pointer: '/name', in: 'body', code: 'duplicate' }] });
        return jsonResponse({ id: '40000000-0000-4000-8000-0000000000b9', ...JSON.parse(request.body!) }, { status: 201 });
      },
    });
    await renderWithProviders(<ProviderReporting />);

    const name = await screen.findByLabelText('Name of the service');
    fireEvent.change(name, { target: { value: 'Wallet payout' } });
    fireEvent.change(screen.getByLabelText('How the sender pays'), { target: { value: 'online' } });
    fireEvent.change(screen.getByLabelText('How the family receives it'), { target: { value: 'mobile_wallet' } });
    fireEvent.change(screen.getByLabelText('How fast it arrives'), { target: { value: 'same_day' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'The fee is charged on top of the amount sent' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add the service' }));

    await waitFor(() => expect(name).toHaveAccessibleDescription('You already have a service with this name.'));
    fireEvent.change(name, { target: { value: 'Wallet payout express' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the service' }));

    expect(await screen.findByText('Service “Wallet payout express” added: you can now report its price.')).toBeInTheDocument();
    const bodies = posted(sent, `/api/v1/remittances/providers/${BAOL_ID}/products`).map((request) => JSON.parse(request.body!));
    expect(bodies[1]).toEqual({
      name: 'Wallet payout express', payIn: 'online', pickup: 'mobile_wallet', speed: 'same_day', accessible: true, feeChargedOnTop: true, coverageNote: null, pickupServiceIds: [],
    });
    expect(name).toHaveValue('');
    expect(name).not.toHaveAccessibleDescription();
  });

  it('changes a product in place: the form starts from its details, shows the server’s refusal next to the name, then saves', async () => {
    const PRODUCT = `/api/v1/remittances/providers/${BAOL_ID}/products/${COUNTER_ID}`;
    let providers = myProviders;
    let attempts = 0;
    const { sent } = fakeApi({
      'GET /api/v1/remittances/providers/mine': () => jsonResponse(providers),
      [`PATCH ${PRODUCT}`]: (request) => {
        attempts++;
        if (attempts === 1) return problemResponse(400, { code: 'validation_failed', errors: [{ pointer: '/name', in: 'body', code: 'duplicate' }] });
        const saved = { id: COUNTER_ID, ...JSON.parse(request.body!) };
        providers = ProviderList.parse({
          ...myProviders,
          items: [{ ...myProviders.items[0]!, products: myProviders.items[0]!.products.map((p) => (p.id === COUNTER_ID ? saved : p)) }],
        });
        return jsonResponse(saved);
      },
    });
    await renderWithProviders(<ProviderReporting />);

    fireEvent.click(await screen.findByRole('button', { name: 'Change Counter transfer' }));
    const form = screen.getByRole('form', { name: 'Change “Counter transfer”' });
    const name = within(form).getByLabelText('Name of the service');
    expect(name).toHaveValue('Counter transfer');
    expect(name).toHaveFocus();
    expect(within(form).getByLabelText('How the sender pays')).toHaveValue('cash');
    expect(within(form).getByLabelText('How the family receives it')).toHaveValue('cash_pickup');
    expect(within(form).getByLabelText('How fast it arrives')).toHaveValue('two_days');
    expect(within(form).getByRole('checkbox', { name: 'Anyone can use it with an identity document alone (no account needed)' })).toBeChecked();

    // Checked in the browser first: an empty name sends nothing.
    fireEvent.change(name, { target: { value: ' ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the changes' }));
    expect(name).toHaveAccessibleDescription('Please fill this in.');
    expect(sent.filter((request) => request.method === 'PATCH')).toEqual([]);

    // The server's refusal, next to the name.
    fireEvent.change(name, { target: { value: 'Transfer to a member account' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the changes' }));
    await waitFor(() => expect(name).toHaveAccessibleDescription('You already have a service with this name.'));
    expect(within(form).getByRole('alert')).toHaveTextContent('One field needs your attention: see the message next to it.');

    fireEvent.change(name, { target: { value: 'Counter transfer express' } });
    fireEvent.change(within(form).getByLabelText('How fast it arrives'), { target: { value: 'same_day' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Anyone can use it with an identity document alone (no account needed)' }));
    fireEvent.change(within(form).getByLabelText('Where the family can collect it (optional)'), { target: { value: 'Every Diourbel branch' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the changes' }));

    expect(await screen.findByText('Service “Counter transfer express” updated.')).toBeInTheDocument();
    const patches = sent.filter((request) => request.method === 'PATCH' && request.url.pathname === PRODUCT);
    expect(patches).toHaveLength(2);
    expect(patches[1]!.headers.get('x-csrf-token')).toBe(partnerStaff.csrfToken);
    expect(JSON.parse(patches[1]!.body!)).toEqual({
      name: 'Counter transfer express', payIn: 'cash', pickup: 'cash_pickup', speed: 'same_day', accessible: false, feeChargedOnTop: false, coverageNote: 'Every Diourbel branch',
      pickupServiceIds: [],
    });
    expect(await screen.findByRole('heading', { name: 'Counter transfer express' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: /^Change / })).toBeNull();
    expect(screen.getByRole('button', { name: 'Change Counter transfer express' })).toHaveFocus();
  });

  it('closes the change form without sending anything when cancelled', async () => {
    const { sent } = fakeApi();
    await renderWithProviders(<ProviderReporting />);
    fireEvent.click(await screen.findByRole('button', { name: 'Change Wallet payout' }));
    const form = screen.getByRole('form', { name: 'Change “Wallet payout”' });
    fireEvent.change(within(form).getByLabelText('Name of the service'), { target: { value: 'Something else' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Change “Wallet payout”' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Change Wallet payout' })).toHaveFocus();
    expect(sent.filter((request) => request.method === 'PATCH')).toEqual([]);
  });

  it('links a product to its pickup points found in the services directory, without submitting the form while searching', async () => {
    const PRODUCT = `/api/v1/remittances/providers/${BAOL_ID}/products/${COUNTER_ID}`;
    let attempts = 0;
    const { sent } = fakeApi({
      'GET /api/v1/directory/services': () => jsonResponse(pickupPointSearch),
      [`GET /api/v1/directory/services/${BRANCH_ID}`]: () => jsonResponse(branchDetail),
      [`PATCH ${PRODUCT}`]: (request) => {
        attempts++;
        // The first time, as if the branch had left the directory meanwhile.
        if (attempts === 1) return problemResponse(400, { code: 'validation_failed', errors: [{ pointer: '/pickupServiceIds/0', in: 'body', code: 'not_found' }] });
        return jsonResponse({ id: COUNTER_ID, ...JSON.parse(request.body!) });
      },
    });
    await renderWithProviders(<ProviderReporting />);
    fireEvent.click(await screen.findByRole('button', { name: 'Change Counter transfer' }));
    const form = screen.getByRole('form', { name: 'Change “Counter transfer”' });
    expect(within(form).getByText('No pickup point linked yet.')).toBeInTheDocument();

    // Enter in the search box searches; it does not save the product.
    const search = within(form).getByLabelText('Find a place in the directory');
    fireEvent.change(search, { target: { value: 'Diourbel' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    const found = await within(form).findByRole('list', { name: 'Places found' });
    expect(within(found).getAllByRole('listitem').map((item) => item.firstChild?.textContent?.trim())).toEqual([
      'Agence Baol Diourbel (Mutuelle du Baol)', 'Bureau de poste de Diourbel (La Poste du Sénégal)',
    ]);
    const lookup = sent.find((request) => request.url.pathname === '/api/v1/directory/services');
    expect(lookup?.url.searchParams.get('q')).toBe('Diourbel');
    expect(sent.filter((request) => request.method === 'PATCH')).toEqual([]);

    fireEvent.click(within(found).getByRole('button', { name: 'Add Agence Baol Diourbel' }));
    const linked = within(form).getByRole('list', { name: 'Linked pickup points' });
    await waitFor(() => expect(within(linked).getByRole('button', { name: 'Remove Agence Baol Diourbel' })).toBeInTheDocument());
    expect(within(found).getByRole('button', { name: 'Add Agence Baol Diourbel' })).toBeDisabled();

    fireEvent.click(within(form).getByRole('button', { name: 'Save the changes' }));
    expect(await within(linked).findByText('This service is no longer in the directory: remove it.')).toBeInTheDocument();
    fireEvent.click(within(form).getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByText('Service “Counter transfer” updated.')).toBeInTheDocument();
    const patches = sent.filter((request) => request.method === 'PATCH' && request.url.pathname === PRODUCT);
    expect(patches).toHaveLength(2);
    expect(JSON.parse(patches[1]!.body!)).toMatchObject({ name: 'Counter transfer', pickupServiceIds: [BRANCH_ID] });
  });
});

