import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import fr from '../../../i18n/fr.json';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe } from '../../../testing/staff-api';
import {
  ALL_ORGANISATION_IDS,
  ARD_ID,
  BE_BRU,
  BRUSSELS_DESK_ID,
  CAIM_ID,
  MUTUAL_ID,
  SN_DB,
  SN_DB_DI,
  organisationPageFixture,
} from '../testing/organisation.fixtures';
import { OrganisationDirectory } from './organisation-directory';

const officer = staffMe([{ organisationId: ARD_ID, organisationName: 'ARD Diourbel', role: 'lra_officer' }]);

const territories = [
  { id: SN_DB, code: 'SN-DB', name: 'Diourbel', nameLocale: 'en' as const },
  { id: SN_DB_DI, code: 'SN-DB-DI', name: 'Diourbel', nameLocale: 'en' as const },
  { id: BE_BRU, code: 'BE-BRU', name: 'Brussels-Capital', nameLocale: 'en' as const },
];

const names = () => screen.getAllByRole('listitem').map((item) => within(item).getByRole('link').textContent);

// The first render loads catalogues and route code: slow on a busy machine.
describe('the organisation directory', { timeout: 20_000 }, () => {
  it('lists the first page, then the next one on "Show more", moving focus to the first new entry', async () => {
    const { sent } = fakeStaffApi(
      {
        'GET /api/v1/organisations': ({ url }) =>
          url.searchParams.get('cursor') === 'page-2'
            ? jsonResponse(organisationPageFixture([MUTUAL_ID, BRUSSELS_DESK_ID]))
            : jsonResponse(organisationPageFixture([ARD_ID, CAIM_ID], 'page-2')),
      },
      officer,
    );

    await renderAtPath(<OrganisationDirectory territories={territories} />, '/organisations');

    expect(await screen.findByRole('link', { name: 'CAIM Diourbel' })).toHaveAttribute('href', `/organisations/${CAIM_ID}`);
    expect(names()).toEqual(['Agence régionale de développement de Diourbel', 'CAIM Diourbel']);
    expect(screen.getByText('Showing the first 2 organisations; there are more.')).toBeInTheDocument();
    const caim = screen.getAllByRole('listitem')[1]!;
    expect(caim).toHaveTextContent('CAIM DiourbelMigrant help desk · Diourbel');

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));

    const mutual = await screen.findByRole('link', { name: 'Mutuelle d’épargne et de crédit du Baol' });
    expect(names()).toHaveLength(4);
    await waitFor(() => expect(mutual).toHaveFocus());
    expect(screen.getByText('4 organisations')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();

    const pages = sent.filter((request) => request.url.pathname === '/api/v1/organisations');
    expect(pages.map((request) => request.url.search)).toEqual(['?limit=20', '?limit=20&cursor=page-2']);
  });

  it('asks for the type, territory and name chosen, and keeps them in the address', async () => {
    const { sent } = fakeStaffApi(
      {
        'GET /api/v1/organisations': ({ url }) =>
          jsonResponse(organisationPageFixture(url.searchParams.get('type') === 'help_desk' ? [CAIM_ID] : ALL_ORGANISATION_IDS)),
      },
      officer,
    );
    const { router } = await renderAtPath(<OrganisationDirectory territories={territories} />, '/organisations');
    await screen.findByText('4 organisations');

    fireEvent.change(screen.getByRole('combobox', { name: 'Type' }), { target: { value: 'help_desk' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Territory' }), { target: { value: SN_DB_DI } });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Name contains' }), { target: { value: '  caim ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(await screen.findByText('1 organisation')).toBeInTheDocument();
    expect(names()).toEqual(['CAIM Diourbel']);
    const last = sent.filter((request) => request.url.pathname === '/api/v1/organisations').at(-1)!;
    expect(Object.fromEntries(last.url.searchParams)).toEqual({ type: 'help_desk', territoryId: SN_DB_DI, q: 'caim', limit: '20' });
    expect(router.state.location.search).toBe(`?type=help_desk&territoryId=${SN_DB_DI}&q=caim`);
    // The fields still show the filters in force.
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveValue('help_desk');
    expect(screen.getByRole('searchbox', { name: 'Name contains' })).toHaveValue('caim');
  });

  it('starts from the filters in the address, and offers each territory with its code', async () => {
    const { sent } = fakeStaffApi({ 'GET /api/v1/organisations': () => jsonResponse(organisationPageFixture([])) }, officer);

    await renderAtPath(<OrganisationDirectory territories={territories} />, `/organisations?type=mutual&territoryId=${SN_DB}`);

    expect(await screen.findByText('No organisation matches this search.')).toBeInTheDocument();
    expect(sent.find((request) => request.url.pathname === '/api/v1/organisations')?.url.search).toBe(
      `?type=mutual&territoryId=${SN_DB}&limit=20`,
    );
    const territoryOptions = within(screen.getByRole('combobox', { name: 'Territory' })).getAllByRole('option');
    expect(territoryOptions.map((option) => option.textContent)).toEqual([
      'All territories',
      'Brussels-Capital (BE-BRU)',
      'Diourbel (SN-DB)',
      'Diourbel (SN-DB-DI)',
    ]);
  });

  it('when the list cannot load, says why in the reader’s language and can try again', async () => {
    let calls = 0;
    fakeStaffApi(
      {
        'GET /api/v1/organisations': () =>
          ++calls === 1 ? problemResponse(503, { code: 'service_unavailable' }) : jsonResponse(organisationPageFixture([CAIM_ID])),
      },
      officer,
    );

    await renderAtPath(<OrganisationDirectory territories={territories} />, '/organisations', { locale: 'fr' });

    expect(await screen.findByRole('alert')).toHaveTextContent(fr['errors.service_unavailable']);
    fireEvent.click(screen.getByRole('button', { name: fr['common.retry'] }));
    expect(await screen.findByRole('link', { name: 'CAIM Diourbel' })).toBeInTheDocument();
  });
});
