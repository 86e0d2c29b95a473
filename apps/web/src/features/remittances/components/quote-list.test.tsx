import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAtPath } from '../../../testing/render-app';
import { quotes } from '../testing/remittances.fixtures';
import { QuoteList } from './quote-list';

const countryName = (code: string) => code;

describe('the options’ pickup points', { timeout: 20_000 }, () => {
  it('lists each linked directory service as a link to its page, with its territory; options without any show none', async () => {
    const { router } = await renderAtPath(<QuoteList items={quotes.items} countryName={countryName} byReceivedAmount />, '/send-money');
    const cards = screen.getAllByRole('listitem').filter((item) => item.classList.contains('quote-card'));
    expect(cards).toHaveLength(3);

    const points = within(cards[2]!).getByRole('list', { name: 'Where the family can collect it, 2 places in the services directory:' });
    const rows = within(points).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual(['Agence de Mbacké · Mbacké', 'Point de retrait de Ndindy']);
    const links = within(points).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Agence de Mbacké', '/directory/services/60000000-0000-4000-8000-000000000001'],
      ['Point de retrait de Ndindy', '/directory/services/60000000-0000-4000-8000-000000000002'],
    ]);
    for (const card of cards.slice(0, 2)) expect(within(card).queryByText(/Where the family can collect it/)).not.toBeInTheDocument();

    fireEvent.click(links[1]!);
    expect(router.state.location.pathname).toBe('/directory/services/60000000-0000-4000-8000-000000000002');
  });

  it('says it in the reader’s language: French, and Arabic with its plural forms', async () => {
    const { unmount } = await renderAtPath(<QuoteList items={quotes.items} countryName={countryName} byReceivedAmount />, '/send-money', { locale: 'fr' });
    expect(screen.getByRole('list', { name: 'Où la famille peut le retirer, 2 lieux dans l’annuaire des services :' })).toBeInTheDocument();
    unmount();
    await renderAtPath(<QuoteList items={quotes.items} countryName={countryName} byReceivedAmount />, '/send-money', { locale: 'ar' });
    const points = screen.getByRole('list', { name: 'أين يمكن للأسرة استلامه، مكانان في دليل الخدمات:' });
    expect(within(points).getByRole('link', { name: 'Agence de Mbacké' })).toHaveAttribute('href', '/directory/services/60000000-0000-4000-8000-000000000001');
  });
});
