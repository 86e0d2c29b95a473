import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import fr from '../../../i18n/fr.json';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';
import { renderWithProviders } from '../../../testing/render-app';
import { territoryListFixture } from '../testing/territory-list.fixture';
import { TerritoriesOverview } from './territories-overview';

/** The names listed directly in `list`, in order (a name is the element carrying its language). */
function namesIn(list: HTMLElement) {
  return Array.from(list.children, (item) => item.querySelector('[lang]')?.textContent);
}

describe('the territories overview', () => {
  it('shows the hierarchy as nested lists, from countries down to departments', async () => {
    mockFetch(() => jsonResponse(territoryListFixture('en')));

    await renderWithProviders(<TerritoriesOverview />);

    expect(await screen.findByText('9 territories')).toBeInTheDocument();
    expect(namesIn(screen.getAllByRole('list')[0]!)).toEqual(['Belgium', 'Italy', 'Senegal']);

    const inSenegal = screen.getByRole('list', { name: 'Senegal' });
    expect(namesIn(inSenegal)).toEqual(['Diourbel']);
    expect(within(inSenegal).getByText('Region · code SN-DB')).toBeInTheDocument();
    const inDiourbelRegion = within(inSenegal).getByRole('list', { name: 'Diourbel' });
    expect(namesIn(inDiourbelRegion)).toEqual(['Bambey', 'Diourbel', 'Mbacké']);
    expect(within(inDiourbelRegion).getByText('Department · code SN-DB-MB')).toBeInTheDocument();

    expect(namesIn(screen.getByRole('list', { name: 'Italy' }))).toEqual(['Veneto']);
    expect(namesIn(screen.getByRole('list', { name: 'Belgium' }))).toEqual(['Brussels-Capital']);
  });

  it('asks for the names in the reader’s language and marks names that fell back to another', async () => {
    const fetchMock = mockFetch(() => jsonResponse(territoryListFixture('fr')));

    await renderWithProviders(<TerritoriesOverview />, { locale: 'fr' });

    const senegal = await screen.findByText('Sénégal');
    expect(senegal).toHaveAttribute('lang', 'fr');
    expect(screen.getByText('Mbacké')).toHaveAttribute('lang', 'en');
    expect(within(screen.getByRole('list', { name: 'Sénégal' })).getByText('Région · code SN-DB')).toBeInTheDocument();

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe('/api/v1/territories?limit=500&locale=fr');
    expect(new Headers(init?.headers).get('accept-language')).toBe('fr');
  });

  it('says so when there are no territories yet', async () => {
    mockFetch(() => jsonResponse({ items: [], nextCursor: null }));

    await renderWithProviders(<TerritoriesOverview />);

    expect(await screen.findByText('No territories have been added yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('when the API answers a problem, shows its code translated, and can try again', async () => {
    const problem = {
      type: 'https://glocal.example/problems/rate-limited',
      title: 'Too many requests',
      status: 429,
      code: 'rate_limited',
    };
    let calls = 0;
    mockFetch(() =>
      ++calls === 1
        ? jsonResponse(problem, { status: 429, contentType: 'application/problem+json' })
        : jsonResponse(territoryListFixture('fr')),
    );

    await renderWithProviders(<TerritoriesOverview />, { locale: 'fr' });

    expect(await screen.findByRole('alert')).toHaveTextContent(fr['errors.rate_limited']);
    fireEvent.click(screen.getByRole('button', { name: fr['common.retry'] }));
    expect(await screen.findByText('Sénégal')).toBeInTheDocument();
  });

  it('shows a loading message while the territories are on their way', async () => {
    mockFetch(() => new Promise<Response>(() => {}));

    await renderWithProviders(<TerritoriesOverview />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading territories…');
  });
});
