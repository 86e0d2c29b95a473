import { CorridorList } from '@glocal/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi } from '../../../testing/staff-api';
import { corridors, history } from '../testing/remittances.fixtures';
import { CorridorOverview } from './corridor-overview';

const CORRIDORS = 'GET /api/v1/remittances/corridors';
const HISTORY = 'GET /api/v1/remittances/corridors/IT-SN/history';
const observed = CorridorList.parse({ ...corridors, items: corridors.items.map((item) => ({ ...item, illustrative: false })) });

/** The chart's words: its axes' labels, in order (percent ticks bottom to top, then the quarters). */
const chartLabels = (chart: HTMLElement) => [...chart.querySelectorAll('text')].map((text) => text.textContent);
const rowHeaders = (table: HTMLElement) => within(table).getAllByRole('rowheader').map((cell) => cell.textContent);

// The first render loads catalogues: slow on a busy machine.
describe('a corridor’s page', { timeout: 20_000 }, () => {
  it('says the prices are illustrative when the corridor’s data come from the demo, and labels quarters and percentages in English', async () => {
    fakeStaffApi({ [CORRIDORS]: () => jsonResponse(corridors), [HISTORY]: () => jsonResponse(history) }, null);
    await renderAtPath(<CorridorOverview corridor="IT-SN" />, '/send-money/corridors/IT-SN');

    expect(await screen.findByText('Demo data: these prices are illustrative, made up for the demonstration, not observed.')).toBeInTheDocument();
    const chart = screen.getByRole('img', { name: /Average total cost by quarter/ });
    expect(chartLabels(chart)).toEqual(['0%', '1%', '2%', '3%', '4%', '5%', '6%', '7%', 'Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026']);
    expect(rowHeaders(screen.getByRole('table', { name: 'Figures by quarter' }))).toEqual(['Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026']);
    expect(screen.getByText('Average total cost in Q4 2026', { selector: 'dt' }).nextElementSibling).toHaveTextContent('4.60%');
  });

  it('shows no such notice for observed prices', async () => {
    const { sent } = fakeStaffApi({ [CORRIDORS]: () => jsonResponse(observed), [HISTORY]: () => jsonResponse(history) }, null);
    await renderAtPath(<CorridorOverview corridor="IT-SN" />, '/send-money/corridors/IT-SN');

    expect(await screen.findByRole('table', { name: 'Figures by quarter' })).toBeInTheDocument();
    // The corridor list asked and answered, so the absence of the notice means something.
    await waitFor(() => expect(sent.some((request) => request.url.pathname === '/api/v1/remittances/corridors')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(/these prices are illustrative/)).toBeNull();
  });

  it('in French and in Arabic, writes quarters and percentages as each language does, notice included', async () => {
    fakeStaffApi({ [CORRIDORS]: () => jsonResponse(corridors), [HISTORY]: () => jsonResponse(history) }, null);
    const french = await renderAtPath(<CorridorOverview corridor="IT-SN" />, '/send-money/corridors/IT-SN', { locale: 'fr' });
    expect(await screen.findByText('Données de démonstration : ces prix sont fictifs, inventés pour la démonstration, pas observés.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Chiffres par trimestre' });
    expect(rowHeaders(table)).toEqual(['T1 2026', 'T2 2026', 'T3 2026', 'T4 2026']);
    const first = within(table).getAllByRole('row')[1]!;
    // French puts a (no-break) space before the sign and a comma in the number; the width of the space is ICU's choice.
    expect(within(first).getAllByRole('cell')[1]!.textContent).toMatch(/^6,10[\u00a0\u202f]%$/);
    const wholePercent = (locale: string, value: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
    const chart = screen.getByRole('img');
    expect(chartLabels(chart)).toEqual([...[0, 1, 2, 3, 4, 5, 6, 7].map((tick) => wholePercent('fr', tick)), 'T1 2026', 'T2 2026', 'T3 2026', 'T4 2026']);
    expect(wholePercent('fr', 3)).toMatch(/^3[\u00a0\u202f]%$/);
    french.unmount();

    await renderAtPath(<CorridorOverview corridor="IT-SN" />, '/send-money/corridors/IT-SN', { locale: 'ar' });
    const arabic = await screen.findByRole('table');
    expect(await screen.findByText((_, element) => element?.matches('p.notice--warning') ?? false)).toHaveTextContent(/\p{Script=Arabic}/u);
    const expected = (quarter: number) => `الربع ${new Intl.NumberFormat('ar').format(quarter)} من ${new Intl.NumberFormat('ar', { useGrouping: false }).format(2026)}`;
    expect(rowHeaders(arabic)).toEqual([1, 2, 3, 4].map(expected));
    const percent = new Intl.NumberFormat('ar', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(0.061);
    expect(within(within(arabic).getAllByRole('row')[1]!).getAllByRole('cell')[1]!.textContent).toBe(percent);
    expect(percent).not.toContain(' %');
  });
});
