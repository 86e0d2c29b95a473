import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe } from '../../../testing/staff-api';
import { CASE_ID, COACH_ID, DESK_ID, caseDetailFixture } from '../testing/case.fixtures';
import { CaseCreateForm } from './case-create-form';

const coach = staffMe([{ organisationId: DESK_ID, organisationName: 'CAIM Diourbel', role: 'coach' }], { id: COACH_ID });
const manager = staffMe([{ organisationId: DESK_ID, organisationName: 'CAIM Diourbel', role: 'desk_manager' }]);
const DIOURBEL = '90000000-0000-4000-8000-000000000001';
const TERRITORIES = [
  { id: DIOURBEL, name: 'Diourbel', code: 'SN-DB-DIO' },
  { id: '90000000-0000-4000-8000-000000000002', name: 'Bambey', code: 'SN-DB-BAM' },
];

// The desks offered come with the session, which a busy machine may take a while to answer.
const SESSION_WAIT = { timeout: 5_000 };
const posted = (sent: ReturnType<typeof fakeStaffApi>['sent']) => sent.filter((request) => request.method === 'POST' && request.url.pathname === '/api/v1/cases');

describe('a walk-in case', { timeout: 20_000 }, () => {
  it('sends what the desk recorded, with the consent as given, and opens the new case', async () => {
    const { sent } = fakeStaffApi({ 'POST /api/v1/cases': () => jsonResponse(caseDetailFixture(), { status: 201 }) }, coach);
    const { router } = await renderAtPath(<CaseCreateForm territories={TERRITORIES} />, '/cases/new');

    // The desks offered are mine, known once the session has answered.
    expect(await screen.findByRole('option', { name: 'CAIM Diourbel' }, SESSION_WAIT)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Desk' })).toHaveValue(DESK_ID);
    fireEvent.click(screen.getByRole('radio', { name: 'Business project' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'The business idea' }), { target: { value: 'Un atelier de couture à Diourbel' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'First name' }), { target: { value: 'Aïssatou' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Family name (optional)' }), { target: { value: 'Essai' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Phone (optional)' }), { target: { value: '+221 77 123 45 67' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'E-mail (optional)' }), { target: { value: 'Aissatou@Example.org' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Wolof' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'French' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Language for messages and e-mails' }), { target: { value: 'fr' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Lives in (optional)' }), { target: { value: DIOURBEL } });
    // The purpose and how long it is kept, as the public form words them for the person.
    expect(screen.getByText(/to answer their request .* kept 5 years after the request is closed, then deleted/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: /The person agreed/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'By signing the paper form' }));
    expect(screen.getByRole('checkbox', { name: /I follow this case myself/ })).toBeChecked();
    fireEvent.click(screen.getByRole('button', { name: 'Open the case' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${CASE_ID}`), SESSION_WAIT);
    const [request] = posted(sent);
    expect(JSON.parse(request!.body!)).toEqual({
      deskId: DESK_ID,
      requestKind: 'business_project',
      idea: 'Un atelier de couture à Diourbel',
      person: {
        givenName: 'Aïssatou',
        familyName: 'Essai',
        phone: '+221 77 123 45 67',
        email: 'aissatou@example.org',
        languages: ['wo', 'fr'],
        preferredLocale: 'fr',
        residenceTerritoryId: DIOURBEL,
      },
      processingConsent: { method: 'signed_form', policyVersion: '2026-12-01' },
      priority: 'normal',
      tags: [],
      assignedCoachId: COACH_ID,
    });
  });

  it('marks a missing request kind, name and consent next to their fields, and sends nothing', async () => {
    const { sent } = fakeStaffApi({}, coach);
    await renderAtPath(<CaseCreateForm territories={TERRITORIES} />, '/cases/new');
    await screen.findByRole('option', { name: 'CAIM Diourbel' }, SESSION_WAIT);

    fireEvent.click(screen.getByRole('button', { name: 'Open the case' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('3 fields need your attention');
    const name = screen.getByRole('textbox', { name: 'First name' });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Please fill this in.');
    const consent = screen.getByRole('checkbox', { name: /The person agreed/ });
    expect(consent).toHaveAccessibleDescription('Record that the person agreed: without their consent nothing is kept.');
    expect(screen.getByRole('group', { name: 'Kind of request' })).toHaveAccessibleDescription('Choose one of the values offered.');

    // A business project needs its idea, asked for once the rest is there.
    fireEvent.click(screen.getByRole('radio', { name: 'Business project' }));
    fireEvent.change(name, { target: { value: 'Aïssatou' } });
    fireEvent.click(consent);
    fireEvent.click(screen.getByRole('button', { name: 'Open the case' }));
    expect(await screen.findByRole('textbox', { name: 'The business idea' })).toHaveAccessibleDescription(
      'Describe the business idea: a business project starts from it.',
    );
    expect(posted(sent)).toEqual([]);
  });

  it('shows the server’s field error next to its field, and offers a desk manager no "follow it myself"', async () => {
    const { sent } = fakeStaffApi(
      {
        'POST /api/v1/cases': () =>
          problemResponse(422, { code: 'case.territory_not_found', errors: [{ pointer: '/person/residenceTerritoryId', code: 'unknown_territory' }] }),
      },
      manager,
    );
    const { router } = await renderAtPath(<CaseCreateForm territories={TERRITORIES} />, '/cases/new');
    await screen.findByRole('option', { name: 'CAIM Diourbel' }, SESSION_WAIT);

    fireEvent.click(screen.getByRole('radio', { name: 'Training' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'First name' }), { target: { value: 'Demba' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Lives in (optional)' }), { target: { value: DIOURBEL } });
    fireEvent.click(screen.getByRole('checkbox', { name: /The person agreed/ }));
    expect(screen.queryByRole('checkbox', { name: /I follow this case myself/ })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Open the case' }));

    expect(await screen.findByRole('alert', {}, SESSION_WAIT)).toHaveTextContent('One field needs your attention');
    const residence = screen.getByRole('combobox', { name: 'Lives in (optional)' });
    expect(residence).toHaveAttribute('aria-invalid', 'true');
    expect(residence).toHaveAccessibleDescription('No territory has this code.');
    expect(JSON.parse(posted(sent)[0]!.body!)).not.toHaveProperty('assignedCoachId');
    expect(router.state.location.pathname).toBe('/cases/new');
  });
});
