import type { CaseServiceReferralView } from '@glocal/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe } from '../../../testing/staff-api';
import { searchFixture } from '../testing/directory.fixtures';
import { CaseServiceReferrals } from './case-service-referrals';

const CASE_ID = '77777777-7777-4777-8777-777777777777';
const REFERRAL_ID = '88888888-8888-4888-8888-888888888888';
const coach = staffMe([{ organisationId: '66666666-6666-4666-8666-666666666666', organisationName: 'CAIM Diourbel', role: 'coach' }]);
const services = searchFixture(['Returnee micro-credit', 'Women’s group credit']);

const referral = (overrides: Partial<CaseServiceReferralView> = {}): CaseServiceReferralView => ({
  id: REFERRAL_ID,
  caseId: CASE_ID,
  serviceId: services.items[1]!.id,
  serviceName: 'Women’s group credit',
  organizationName: 'Mutuelle du Baol',
  note: 'Appointment on Monday',
  outcome: 'pending',
  outcomeAt: null,
  referredAt: '2026-12-01T08:00:00.000Z',
  ...overrides,
});

describe('services for a case', { timeout: 20_000 }, () => {
  it('finds a service, refers the case to it with a note, then records that the person got it', async () => {
    let stored: CaseServiceReferralView[] = [];
    const { sent } = fakeStaffApi(
      {
        'GET /api/v1/directory/case-referrals': () => jsonResponse({ items: stored, nextCursor: null }),
        'GET /api/v1/directory/services': () => jsonResponse(services),
        [`POST /api/v1/directory/services/${services.items[1]!.id}/case-referrals`]: () => {
          stored = [referral()];
          return jsonResponse(stored[0], { status: 201 });
        },
        [`PATCH /api/v1/directory/case-referrals/${REFERRAL_ID}`]: () => {
          stored = [referral({ outcome: 'received', outcomeAt: '2026-12-02T09:00:00.000Z' })];
          return jsonResponse(stored[0]);
        },
      },
      coach,
    );
    await renderAtPath(<CaseServiceReferrals caseId={CASE_ID} canRefer />, `/cases/${CASE_ID}`);
    expect(await screen.findByText('This case has not been referred to any service yet.')).toBeInTheDocument();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Find a service in the directory' }), { target: { value: ' credit ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find services' }));
    const choice = await screen.findByRole('group', { name: 'Service to refer the person to' });
    // Without a choice, the error sits next to the list of services.
    fireEvent.click(screen.getByRole('button', { name: 'Refer to this service' }));
    expect(within(choice).getByText('Choose a service from the list.')).toBeInTheDocument();
    expect(choice).toHaveAttribute('aria-invalid', 'true');

    fireEvent.click(within(choice).getByRole('radio', { name: 'Women’s group credit (Mutuelle du Baol)' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Note/ }), { target: { value: 'Appointment on Monday' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refer to this service' }));
    expect(await screen.findByText('The case is now referred to Women’s group credit.')).toBeInTheDocument();
    const post = sent.find((request) => request.method === 'POST')!;
    expect(JSON.parse(post.body!)).toEqual({ caseId: CASE_ID, note: 'Appointment on Monday' });
    expect(sent.find((request) => request.url.pathname === '/api/v1/directory/services')!.url.searchParams.get('q')).toBe('credit');

    const item = await screen.findByRole('listitem', { name: 'Women’s group credit' });
    expect(item).toHaveTextContent('Referred on Dec 1, 2026');
    expect(item).toHaveTextContent('Status: Not known yet');
    expect(item).toHaveTextContent('Appointment on Monday');
    fireEvent.change(within(item).getByRole('combobox', { name: 'Did the person get “Women’s group credit”?' }), { target: { value: 'received' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Record' }));
    expect(await within(item).findByText(/Status: Got the service \(recorded on Dec 2, 2026\)/)).toBeInTheDocument();
    expect(JSON.parse(sent.find((request) => request.method === 'PATCH')!.body!)).toEqual({ outcome: 'received' });
  });

  it('shows the server’s error next to the note', async () => {
    fakeStaffApi(
      {
        'GET /api/v1/directory/case-referrals': () => jsonResponse({ items: [], nextCursor: null }),
        'GET /api/v1/directory/services': () => jsonResponse(services),
        [`POST /api/v1/directory/services/${services.items[0]!.id}/case-referrals`]: () =>
          problemResponse(400, { code: 'validation_failed', errors: [{ pointer: '/note', code: 'too_big', params: { maximum: 1000 } }] }),
      },
      coach,
    );
    await renderAtPath(<CaseServiceReferrals caseId={CASE_ID} canRefer />, `/cases/${CASE_ID}`);
    fireEvent.change(await screen.findByRole('searchbox', { name: 'Find a service in the directory' }), { target: { value: 'credit' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find services' }));
    fireEvent.click(await screen.findByRole('radio', { name: 'Returnee micro-credit (Mutuelle du Baol)' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Note/ }), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refer to this service' }));
    const note = screen.getByRole('textbox', { name: /Note/ });
    await screen.findByRole('alert');
    expect(note).toHaveAttribute('aria-invalid', 'true');
    expect(note).toHaveAccessibleDescription(/For example the appointment/);
    expect(document.getElementById(note.getAttribute('aria-describedby')!.split(' ')[1]!)).toHaveClass('field-error');
  });

  it('lists the referrals without controls for a reader who may not act on the case', async () => {
    fakeStaffApi({ 'GET /api/v1/directory/case-referrals': () => jsonResponse({ items: [referral({ outcome: 'not_received', outcomeAt: '2026-12-02T09:00:00.000Z' })], nextCursor: null }) }, coach);
    await renderAtPath(<CaseServiceReferrals caseId={CASE_ID} canRefer={false} />, `/cases/${CASE_ID}`);
    const item = await screen.findByRole('listitem', { name: 'Women’s group credit' });
    expect(item).toHaveTextContent('Did not get the service');
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    expect(within(item).queryByRole('button')).not.toBeInTheDocument();
  });
});
