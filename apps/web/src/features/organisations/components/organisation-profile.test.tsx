import { InvitationSentView } from '@glocal/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { csrfToken } from '../../../lib/session';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe } from '../../../testing/staff-api';
import {
  ARD_ID,
  CAIM_ID,
  SN_DB,
  SN_DB_BA,
  SN_DB_DI,
  invitationFixture,
  memberListFixture,
  organisationFixture,
  organisationPageFixture,
} from '../testing/organisation.fixtures';
import { OrganisationProfile } from './organisation-profile';

const territories = [
  { id: SN_DB, code: 'SN-DB', name: 'Diourbel', nameLocale: 'en' as const },
  { id: SN_DB_DI, code: 'SN-DB-DI', name: 'Diourbel', nameLocale: 'en' as const },
  { id: SN_DB_BA, code: 'SN-DB-BA', name: 'Bambey', nameLocale: 'en' as const },
];
const officer = staffMe([{ organisationId: ARD_ID, organisationName: 'ARD Diourbel', role: 'lra_officer' }]);
const manager = staffMe(
  [
    { organisationId: CAIM_ID, organisationName: 'CAIM Diourbel', role: 'desk_manager' },
    { organisationId: CAIM_ID, organisationName: 'CAIM Diourbel', role: 'org_admin' },
  ],
  { email: 'manager.diourbel@glocal.test', displayName: 'Fatou Diop', csrfToken: 'csrf-manager' },
);

const organisationApi = {
  [`GET /api/v1/organisations/${CAIM_ID}`]: () => jsonResponse(organisationFixture(CAIM_ID)),
  [`GET /api/v1/organisations/${ARD_ID}`]: () => jsonResponse(organisationFixture(ARD_ID)),
  'GET /api/v1/organisations': () => jsonResponse(organisationPageFixture([ARD_ID, CAIM_ID])),
};

const renderProfile = () => renderAtPath(<OrganisationProfile organisationId={CAIM_ID} territories={territories} />, `/organisations/${CAIM_ID}`);

describe('an organisation’s page', { timeout: 20_000 }, () => {
  it('shows the details, with the type and territories named, to any staff member', async () => {
    const { sent } = fakeStaffApi(organisationApi, officer);

    await renderProfile();

    expect(await screen.findByRole('heading', { level: 1, name: 'CAIM Diourbel' })).toBeInTheDocument();
    const details = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling;
    expect(details('Type')).toHaveTextContent('Migrant help desk');
    expect(details('Based in')).toHaveTextContent('Diourbel');
    expect(details('Also serves')).toHaveTextContent('Bambey');
    expect(details('Languages spoken')).toHaveTextContent('French and Wolof');
    expect(await screen.findByRole('link', { name: 'Agence régionale de développement de Diourbel' })).toHaveAttribute(
      'href',
      `/organisations/${ARD_ID}`,
    );
    // An officer of another organisation: no staff, invitations or editing offered, and no staff read sent.
    await waitFor(() => expect(sent.some((request) => request.url.pathname === '/api/v1/auth/me')).toBe(true));
    expect(screen.queryByRole('button', { name: 'Show the staff' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Invitations' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit this organisation' })).not.toBeInTheDocument();
    expect(sent.filter((request) => request.url.pathname.endsWith('/members'))).toEqual([]);
  });

  it('lists the staff only when asked, since each read is recorded', async () => {
    const { sent } = fakeStaffApi({ ...organisationApi, [`GET /api/v1/organisations/${CAIM_ID}/members`]: () => jsonResponse(memberListFixture()) }, manager);
    await renderProfile();

    fireEvent.click(await screen.findByRole('button', { name: 'Show the staff' }));

    const table = await screen.findByRole('table');
    expect(within(table).getByRole('row', { name: /Mamadou Fall coach.diourbel@glocal.test Coach/ })).toBeInTheDocument();
    expect(sent.filter((request) => request.url.pathname.endsWith('/members'))).toHaveLength(1);
  });

  it("lets the organisation's administrator change a member's role and remove them", async () => {
    const coachId = '20000000-0000-4000-8000-000000000002';
    const { sent } = fakeStaffApi(
      {
        ...organisationApi,
        [`GET /api/v1/organisations/${CAIM_ID}/members`]: () => jsonResponse(memberListFixture()),
        [`PUT /api/v1/organisations/${CAIM_ID}/members/${coachId}/roles`]: () => jsonResponse({ userId: coachId, roles: ['desk_manager'] }),
        [`DELETE /api/v1/organisations/${CAIM_ID}/members/${coachId}`]: () => new Response(null, { status: 204 }),
      },
      manager,
    );
    await renderProfile();
    fireEvent.click(await screen.findByRole('button', { name: 'Show the staff' }));

    fireEvent.change(await screen.findByRole('combobox', { name: 'Role of Mamadou Fall' }), { target: { value: 'desk_manager' } });
    await waitFor(() => expect(sent.find((request) => request.method === 'PUT')?.body).toBe(JSON.stringify({ roles: ['desk_manager'] })));
    expect(sent.find((request) => request.method === 'PUT')?.headers.get('x-csrf-token')).toBe('csrf-manager');

    fireEvent.click(screen.getByRole('button', { name: 'Remove Mamadou Fall' }));
    await waitFor(() => expect(sent.some((request) => request.method === 'DELETE' && request.url.pathname.endsWith(coachId))).toBe(true));
  });

  it('saves only the fields that changed, and shows a field error next to its field', async () => {
    const patches: unknown[] = [];
    const { sent } = fakeStaffApi(
      {
        ...organisationApi,
        [`PATCH /api/v1/organisations/${CAIM_ID}`]: ({ body }) => {
          patches.push(JSON.parse(body!));
          return patches.length === 1
            ? problemResponse(400, { code: 'validation_failed', errors: [{ pointer: '/website', code: 'invalid_format' }] })
            : jsonResponse({ ...organisationFixture(CAIM_ID), phone: '+221 33 971 11 11', website: 'https://caim.example.sn' });
        },
      },
      manager,
    );
    await renderProfile();
    await waitFor(() => expect(csrfToken()).toBe('csrf-manager'));

    fireEvent.click(await screen.findByRole('button', { name: 'Edit this organisation' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Telephone' }), { target: { value: '+221 33 971 11 11' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Website' }), { target: { value: 'https://caim.example.sn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));

    const website = screen.getByRole('textbox', { name: 'Website' });
    await waitFor(() => expect(website).toHaveAttribute('aria-invalid', 'true'));
    expect(website).toHaveAccessibleDescription(/This is not in the expected format\./);
    expect(screen.getByRole('alert')).toHaveTextContent('One field needs your attention');

    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));

    expect(await screen.findByText('The changes are saved.')).toBeInTheDocument();
    expect(patches).toEqual([
      { phone: '+221 33 971 11 11', website: 'https://caim.example.sn' },
      { phone: '+221 33 971 11 11', website: 'https://caim.example.sn' },
    ]);
    const patch = sent.find((request) => request.method === 'PATCH')!;
    expect(patch.headers.get('x-csrf-token')).toBe('csrf-manager');
  });

  it('checks the e-mail before inviting, then sends the invitation in the language chosen', async () => {
    const invitations: unknown[] = [];
    fakeStaffApi(
      {
        ...organisationApi,
        [`POST /api/v1/organisations/${CAIM_ID}/invitations`]: ({ body }) => {
          invitations.push(JSON.parse(body!));
          return jsonResponse(InvitationSentView.parse({ ...invitationFixture({ email: 'awa@glocal.test' }), delivery: 'logged' }), { status: 201 });
        },
        [`GET /api/v1/organisations/${CAIM_ID}/invitations`]: () =>
          jsonResponse({ items: [invitationFixture({ email: 'awa@glocal.test' })], nextCursor: null }),
      },
      manager,
    );
    await renderProfile();

    const email = await screen.findByRole('textbox', { name: 'E-mail address' });
    const roles = within(screen.getByRole('combobox', { name: 'Role' })).getAllByRole('option').map((option) => option.textContent);
    expect(roles).toEqual(['Organisation administrator', 'Help desk manager', 'Coach']);

    fireEvent.change(email, { target: { value: 'not an address' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the invitation' }));
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(invitations).toEqual([]);

    fireEvent.change(email, { target: { value: 'awa@glocal.test' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Role' }), { target: { value: 'coach' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'fr' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the invitation' }));

    expect(await screen.findByText(/The invitation for awa@glocal.test is ready/)).toBeInTheDocument();
    expect(invitations).toEqual([{ email: 'awa@glocal.test', role: 'coach', locale: 'fr' }]);
    expect(await screen.findByRole('button', { name: 'Withdraw the invitation for awa@glocal.test' })).toBeInTheDocument();
  });
});
