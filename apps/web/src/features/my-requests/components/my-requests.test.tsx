import { ConsentView, ErasureRequestView, MyRequestView } from '@glocal/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe } from '../../../testing/staff-api';
import { ErasureDecisions } from './erasure-decisions';
import { MyRequestDetail } from './my-request-detail';
import { MyRequestsOverview } from './my-requests-overview';

const CASE_ID = '50000000-0000-4000-8000-000000000001';
const person = staffMe([{ organisationId: null, organisationName: null, role: 'migrant' }], { kind: 'migrant', email: 'khadija@example.org', displayName: 'Khadija' });
const request = MyRequestView.parse({
  id: CASE_ID, reference: 'GLC-7K3M-9QXD-2WPA', requestKind: 'business_project', status: 'active', outcome: null, deskName: 'CAIM Diourbel',
  coachName: 'Mamadou Fall', stage: 'creation', stageHistory: [{ fromStage: 'formalisation', toStage: 'creation', movedAt: '2026-11-30T10:00:00.000Z' }],
  unreadMessages: 2, createdAt: '2026-10-01T10:00:00.000Z', updatedAt: '2026-11-30T10:00:00.000Z',
});

describe('my requests', { timeout: 20_000 }, () => {
  it('links a request by its reference; a wrong one is said next to the field, as is throttling', async () => {
    const sent: unknown[] = [];
    let answer = 0;
    fakeStaffApi(
      {
        'GET /api/v1/me/requests': () => jsonResponse({ items: [], nextCursor: null }),
        'POST /api/v1/me/requests/link': ({ body }) => {
          sent.push(JSON.parse(body!));
          answer += 1;
          if (answer === 1) return problemResponse(404, { code: 'my_request.reference_not_matched' });
          if (answer === 2) return problemResponse(429, { code: 'rate_limited', params: { retryAfterSeconds: 600 } });
          return jsonResponse({ items: [request], nextCursor: null });
        },
        'GET /api/v1/me/requests/erasure': () => jsonResponse({ request: null }),
      },
      person,
    );
    await renderAtPath(<MyRequestsOverview />, '/my-requests');
    expect(await screen.findByText(/Your account is not linked to a request yet/)).toBeInTheDocument();
    const field = screen.getByRole('textbox', { name: 'Reference' });
    fireEvent.click(screen.getByRole('button', { name: 'Add the request' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/Enter the reference: letters, digits and dashes\./));
    expect(sent).toEqual([]);

    fireEvent.change(field, { target: { value: 'glc-7k3m-9qxd-2wpa' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the request' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/No request with this reference belongs to your account’s e-mail address/));
    fireEvent.click(screen.getByRole('button', { name: 'Add the request' }));
    await waitFor(() => expect(field).toHaveAccessibleDescription(/Too many tries\. Wait 10 minutes/));
    fireEvent.click(screen.getByRole('button', { name: 'Add the request' }));
    expect(await screen.findByRole('link', { name: 'Start a business · GLC-7K3M-9QXD-2WPA' })).toHaveAttribute('href', `/my-requests/${CASE_ID}`);
    expect(screen.getByText(/Being followed · Creation · CAIM Diourbel · 2 new messages/)).toBeInTheDocument();
    expect(sent).toEqual([{ reference: 'GLC-7K3M-9QXD-2WPA' }, { reference: 'GLC-7K3M-9QXD-2WPA' }, { reference: 'GLC-7K3M-9QXD-2WPA' }]);
    // Their data, to download or to erase.
    expect(screen.getByRole('link', { name: 'Download my data (JSON)' })).toHaveAttribute('href', '/api/v1/me/requests/export.json');
    expect(screen.getByRole('button', { name: 'Ask for erasure' })).toBeInTheDocument();
  });

  it('shows the progress, what comes next, and withdraws a referral consent', async () => {
    let withdrawn = false;
    const consent = (withdrawnAt: string | null) =>
      ConsentView.parse({
        id: '60000000-0000-4000-8000-000000000001', caseId: CASE_ID, kind: 'referral', purpose: 'x', dataCategories: ['identity'],
        recipientDeskId: '10000000-0000-4000-8000-000000000011', recipientDeskName: 'Guichet Bruxelles', recipientCountry: 'BE', legalBasis: 'consent',
        method: 'in_person', documentId: null, givenAt: '2026-11-20T10:00:00.000Z', validUntil: '2030-12-31', withdrawnAt, standing: withdrawnAt === null,
      });
    fakeStaffApi(
      {
        [`GET /api/v1/me/requests/${CASE_ID}`]: () => jsonResponse(request),
        [`GET /api/v1/me/requests/${CASE_ID}/consents`]: () => jsonResponse({ items: [consent(withdrawn ? '2026-12-01T08:00:00.000Z' : null)], nextCursor: null }),
        [`POST /api/v1/me/requests/${CASE_ID}/consents/60000000-0000-4000-8000-000000000001/withdraw`]: () => {
          withdrawn = true;
          return jsonResponse(consent('2026-12-01T08:00:00.000Z'));
        },
      },
      person,
    );
    await renderAtPath(<MyRequestDetail caseId={CASE_ID} />, `/my-requests/${CASE_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Request GLC-7K3M-9QXD-2WPA' })).toBeInTheDocument();
    const progress = screen.getByRole('region', { name: 'Progress of your project' });
    const current = within(progress).getAllByRole('listitem').filter((item) => item.getAttribute('aria-current') === 'step');
    expect(current.map((item) => item.textContent)).toEqual(['Creation (now)']);
    expect(screen.getByText(/Your business is being created/)).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Withdraw: Guichet Bruxelles will no longer see my file' }));
    expect(await screen.findByText(/Withdrawn on/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Withdraw:/ })).not.toBeInTheDocument();
  });
});

describe('erasure decisions', { timeout: 20_000 }, () => {
  it('asks the reason when records are kept, then sends the decision', async () => {
    const bodies: unknown[] = [];
    const pending = ErasureRequestView.parse({
      id: 'a0000000-0000-4000-8000-000000000001', status: 'pending', requestedAt: '2026-11-30T10:00:00.000Z', decidedAt: null, retainedReason: null,
      personId: 'b0000000-0000-4000-8000-000000000001', personLabel: 'Khadija Mbengue', caseReferences: ['GLC-7K3M-9QXD-2WPA'], deskNames: ['CAIM Diourbel'], retained: [],
    });
    fakeStaffApi(
      {
        'GET /api/v1/erasure-requests': () => jsonResponse({ items: [pending], nextCursor: null }),
        [`POST /api/v1/erasure-requests/${pending.id}/decision`]: ({ body }) => {
          bodies.push(JSON.parse(body!));
          return jsonResponse({ ...pending, status: 'partially_completed', decidedAt: '2026-12-01T10:00:00.000Z', retained: ['consent_records'], retainedReason: 'Proof' });
        },
      },
      staffMe([{ organisationId: null, organisationName: null, role: 'dpo' }]),
    );
    await renderAtPath(<ErasureDecisions />, '/erasure-requests');
    const item = await screen.findByRole('listitem', { name: /Khadija Mbengue, asked on/ });
    fireEvent.click(within(item).getByRole('checkbox', { name: 'Keep the consent records (proof)' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Record the decision' }));
    const reason = within(item).getByRole('textbox', { name: 'Reason (legal basis)' });
    await waitFor(() => expect(reason).toHaveAccessibleDescription(/Say why: the person will read it\./));
    expect(bodies).toEqual([]);
    fireEvent.change(reason, { target: { value: 'Proof of consent, GDPR art. 7(1)' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Record the decision' }));
    await waitFor(() => expect(bodies).toEqual([{ decision: 'erase', retain: ['consent_records'], retainedReason: 'Proof of consent, GDPR art. 7(1)' }]));
  });
});

describe('my requests in Arabic', { timeout: 20_000 }, () => {
  it('reads right to left, in Arabic', async () => {
    fakeStaffApi({ 'GET /api/v1/me/requests': () => jsonResponse({ items: [], nextCursor: null }) }, { ...person, locale: 'ar' });
    await renderAtPath(<MyRequestsOverview />, '/my-requests', { locale: 'ar' });
    expect(await screen.findByRole('heading', { level: 1, name: 'طلباتي' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'المرجع' })).toBeInTheDocument();
    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'rtl'));
  });
});
