import { PartnershipView } from '@glocal/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, staffMe } from '../../../testing/staff-api';
import { PartnershipCreate } from './partnership-create';

const ARD = { id: '10000000-0000-4000-8000-000000000001', name: 'Agence régionale de développement de Diourbel' };
const CAIM = { id: '10000000-0000-4000-8000-000000000002', name: 'CAIM Diourbel' };
const VENETO = { id: '00000000-0000-4000-8000-000000000021', name: 'Veneto', code: 'IT-34', nameLocale: 'en' };
const officer = staffMe([{ organisationId: ARD.id, organisationName: ARD.name, role: 'lra_officer' }]);

describe('recording a partnership', { timeout: 20_000 }, () => {
  it('starts with the officer’s organisation, needs each partner chosen, then sends organisations and territories', async () => {
    const bodies: unknown[] = [];
    const created = PartnershipView.parse({
      id: '40000000-0000-4000-8000-000000000001',
      kind: 'decentralised_cooperation',
      name: 'Jumelage',
      description: null,
      startsOn: '2026-01-01',
      endsOn: null,
      partners: [
        { organisationId: ARD.id, territoryId: null, name: ARD.name, role: 'lead' },
        { organisationId: null, territoryId: VENETO.id, name: 'Veneto', role: 'partner region' },
      ],
    });
    fakeStaffApi(
      {
        'POST /api/v1/partnerships': ({ body }) => {
          bodies.push(JSON.parse(body!));
          return jsonResponse(created, { status: 201 });
        },
      },
      officer,
    );
    const { router } = await renderAtPath(
      <PartnershipCreate organisations={[CAIM, ARD]} territories={[VENETO]} defaultOrganisationId={ARD.id} />,
      '/partnerships/new',
    );

    const first = screen.getByRole('group', { name: 'Partner 1' });
    const second = screen.getByRole('group', { name: 'Partner 2' });
    expect(within(first).getByRole('combobox', { name: 'Organisation' })).toHaveValue(ARD.id);

    fireEvent.change(screen.getByRole('combobox', { name: 'Kind of partnership' }), { target: { value: 'decentralised_cooperation' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Jumelage' } });
    fireEvent.change(screen.getByLabelText('Starts on (optional)'), { target: { value: '2026-01-01' } });
    fireEvent.change(within(first).getByRole('textbox', { name: 'Role' }), { target: { value: 'lead' } });
    fireEvent.click(within(second).getByRole('radio', { name: 'Territory' }));
    fireEvent.change(within(second).getByRole('textbox', { name: 'Role' }), { target: { value: 'partner region' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the partnership' }));

    // No territory chosen for the second partner: said next to that field, nothing sent.
    const territory = within(second).getByRole('combobox', { name: 'Territory' });
    await waitFor(() => expect(territory).toHaveAccessibleDescription('Choose an organisation or a territory.'));
    expect(bodies).toEqual([]);

    fireEvent.change(territory, { target: { value: VENETO.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the partnership' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/partnerships/${created.id}`));
    expect(bodies).toEqual([
      {
        kind: 'decentralised_cooperation',
        name: 'Jumelage',
        description: null,
        startsOn: '2026-01-01',
        endsOn: null,
        partners: [
          { organisationId: ARD.id, role: 'lead' },
          { territoryId: VENETO.id, role: 'partner region' },
        ],
      },
    ]);
  });

  it('adds and removes partners, never going under two', async () => {
    fakeStaffApi({}, officer);
    await renderAtPath(<PartnershipCreate organisations={[CAIM, ARD]} territories={[VENETO]} />, '/partnerships/new');

    expect(screen.queryByRole('button', { name: /Remove partner/ })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Add a partner' }));
    expect(screen.getByRole('group', { name: 'Partner 3' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Remove partner 2' }));
    expect(screen.queryByRole('group', { name: 'Partner 3' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove partner/ })).not.toBeInTheDocument();
  });
});
