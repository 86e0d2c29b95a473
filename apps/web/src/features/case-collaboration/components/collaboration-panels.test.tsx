import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe } from '../../../testing/staff-api';
import { BRUSSELS_ID, CASE_ID, DIOURBEL_ID, desk, document, incoming, message, referralConsent } from '../testing/collaboration.fixtures';
import { ConsentReferralPanel } from './consent-referral-panel';
import { DocumentsPanel } from './documents-panel';
import { IncomingReferrals } from './incoming-referrals';
import { MessagesPanel } from './messages-panel';

const coach = staffMe([{ organisationId: BRUSSELS_ID, organisationName: 'Guichet Bruxelles', role: 'coach' }], { email: 'coach.brussels@glocal.test' });
const empty = { items: [], nextCursor: null };
const desks = { items: [desk(BRUSSELS_ID, 'Guichet Bruxelles'), desk(DIOURBEL_ID, 'CAIM Diourbel')], nextCursor: null };

describe('consent and referral panel', { timeout: 20_000 }, () => {
  it('a refused referral lists what the consent lacks, next to the desk field', async () => {
    fakeStaffApi(
      {
        'GET /api/v1/organisations': () => jsonResponse(desks),
        [`GET /api/v1/cases/${CASE_ID}/consents`]: () => jsonResponse(empty),
        [`GET /api/v1/cases/${CASE_ID}/referrals`]: () => jsonResponse(empty),
        [`GET /api/v1/cases/${CASE_ID}/documents`]: () => jsonResponse(empty),
        [`POST /api/v1/cases/${CASE_ID}/referrals`]: () =>
          problemResponse(409, { code: 'referral.consent_missing', params: { missing: ['data_category.contact', 'validity'], toDeskId: DIOURBEL_ID } }),
      },
      coach,
    );
    await renderAtPath(<ConsentReferralPanel caseId={CASE_ID} leadDeskId={BRUSSELS_ID} canRefer />, '/cases/x');
    const form = screen.getByRole('form', { name: 'Refer the case to a partner desk' });
    const deskField = within(form).getByRole('combobox', { name: 'Partner desk' });
    await waitFor(() => expect(within(deskField).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose…', 'CAIM Diourbel']));
    fireEvent.change(deskField, { target: { value: DIOURBEL_ID } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'What the partner desk should do' }), { target: { value: 'Create the business' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Refer the case' }));

    await waitFor(() => expect(deskField).toHaveAccessibleDescription(/No standing consent of the person covers this referral/));
    const missing = within(form).getByRole('list', { name: 'What the consent lacks' });
    expect(within(missing).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'The consent does not cover: Contact details.',
      'The consent has expired: record a new one.',
    ]);
  });

  it('records a consent with what, to whom, until when, how and why; lists it with its receipt', async () => {
    const bodies: unknown[] = [];
    let consents = empty as { items: unknown[]; nextCursor: null };
    fakeStaffApi(
      {
        'GET /api/v1/organisations': () => jsonResponse(desks),
        [`GET /api/v1/cases/${CASE_ID}/consents`]: () => jsonResponse(consents),
        [`GET /api/v1/cases/${CASE_ID}/referrals`]: () => jsonResponse(empty),
        [`GET /api/v1/cases/${CASE_ID}/documents`]: () => jsonResponse(empty),
        [`POST /api/v1/cases/${CASE_ID}/consents`]: ({ body }) => {
          bodies.push(JSON.parse(body!));
          consents = { items: [referralConsent()], nextCursor: null };
          return jsonResponse(referralConsent(), { status: 201 });
        },
      },
      coach,
    );
    await renderAtPath(<ConsentReferralPanel caseId={CASE_ID} leadDeskId={BRUSSELS_ID} canRefer />, '/cases/x');
    const form = screen.getByRole('form', { name: 'Record the person’s consent to a referral' });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the consent' }));
    // Nothing chosen: said next to each field, nothing sent.
    await waitFor(() => expect(within(form).getByRole('combobox', { name: 'Desk that may receive the data' })).toHaveAttribute('aria-invalid', 'true'));
    expect(bodies).toEqual([]);

    await waitFor(() => expect(within(form).getAllByRole('option', { name: 'CAIM Diourbel' })).toHaveLength(1));
    fireEvent.change(within(form).getByRole('combobox', { name: 'Desk that may receive the data' }), { target: { value: DIOURBEL_ID } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Business project' }));
    fireEvent.change(within(form).getByRole('textbox', { name: 'Purpose, as explained to the person' }), { target: { value: 'Create the workshop in Diourbel' } });
    fireEvent.change(within(form).getByLabelText('Valid until'), { target: { value: '2030-12-31' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the consent' }));

    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      recipientDeskId: DIOURBEL_ID, dataCategories: ['identity', 'contact', 'request', 'business_project'], purpose: 'Create the workshop in Diourbel',
      validUntil: '2030-12-31', method: 'in_person', legalBasis: 'consent',
    });
    expect(await screen.findByRole('link', { name: 'Printable receipt' })).toHaveAttribute('href', `/api/v1/cases/${CASE_ID}/consents/${referralConsent().id}/receipt`);
    expect(screen.getByRole('button', { name: 'Withdraw (for CAIM Diourbel)' })).toBeInTheDocument();
  });
});

describe('incoming referrals', { timeout: 20_000 }, () => {
  it('shows the summary, accepts, and declines only with a reason', async () => {
    const decisions: { path: string; body: string | undefined }[] = [];
    fakeStaffApi(
      {
        'GET /api/v1/referrals': () => jsonResponse({ items: [incoming(), incoming({ id: '90000000-0000-4000-8000-000000000002', personGivenName: 'Moussa', caseReference: 'GLC-AAAA-BBBB-CCCC' })], nextCursor: null }),
        'POST /api/v1/referrals/90000000-0000-4000-8000-000000000001/accept': ({ url, body }) => {
          decisions.push({ path: url.pathname, body });
          return jsonResponse({ ...incoming(), status: 'accepted' });
        },
        'POST /api/v1/referrals/90000000-0000-4000-8000-000000000002/decline': ({ url, body }) => {
          decisions.push({ path: url.pathname, body });
          return body && JSON.parse(body).reason
            ? jsonResponse({ ...incoming(), status: 'declined', declineReason: 'x' })
            : problemResponse(400, { code: 'validation_failed', errors: [{ pointer: '/reason', code: 'too_small', params: { minimum: 1, origin: 'string' } }] });
        },
      },
      staffMe([{ organisationId: DIOURBEL_ID, organisationName: 'CAIM Diourbel', role: 'coach' }]),
    );
    await renderAtPath(<IncomingReferrals />, '/referrals');
    const fatou = await screen.findByRole('listitem', { name: 'Fatou, case GLC-7K3M-9QXD-2WPA, from Guichet Bruxelles' });
    expect(within(fatou).getByText('Sewing workshop')).toBeInTheDocument();
    expect(within(fatou).getByText('Elaboration')).toBeInTheDocument();
    fireEvent.click(within(fatou).getByRole('button', { name: 'Accept and lead the case' }));
    expect(await within(fatou).findByRole('link', { name: 'Open the case' })).toHaveAttribute('href', `/cases/${CASE_ID}`);

    const moussa = screen.getByRole('listitem', { name: /Moussa/ });
    fireEvent.click(within(moussa).getByRole('button', { name: 'Decline' }));
    fireEvent.click(within(moussa).getByRole('button', { name: 'Decline the referral' }));
    const reason = within(moussa).getByRole('textbox', { name: 'Reason for declining' });
    await waitFor(() => expect(reason).toHaveAccessibleDescription('Please fill this in.'));
    expect(decisions.map((d) => d.path)).toEqual(['/api/v1/referrals/90000000-0000-4000-8000-000000000001/accept']);
    fireEvent.change(reason, { target: { value: 'No coach for this sector' } });
    fireEvent.click(within(moussa).getByRole('button', { name: 'Decline the referral' }));
    await waitFor(() => expect(decisions).toHaveLength(2));
    expect(JSON.parse(decisions[1]!.body!)).toEqual({ reason: 'No coach for this sector' });
  });
});

/** A stand-in for the browser's XMLHttpRequest: reports progress, then answers `response`. */
function fakeUploads(response: { status: number; body: unknown }) {
  const sent: FormData[] = [];
  class FakeXhr {
    status = 0;
    responseText = '';
    upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    withCredentials = false;
    headers: Record<string, string> = {};
    open() {}
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    send(form: FormData) {
      sent.push(form);
      setTimeout(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 });
        this.status = response.status;
        this.responseText = JSON.stringify(response.body);
        this.onload?.();
      }, 0);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

describe('documents panel', { timeout: 20_000 }, () => {
  it('puts a refused file’s error next to the file field, and lists and links the documents', async () => {
    fakeStaffApi({ [`GET /api/v1/cases/${CASE_ID}/documents`]: () => jsonResponse({ items: [document()], nextCursor: null }) }, coach);
    const sent = fakeUploads({ status: 415, body: { type: 'about:blank', title: 'x', status: 415, code: 'document.type_not_allowed', params: { detected: 'application/x-msdownload' } } });
    await renderAtPath(<DocumentsPanel base={`/api/v1/cases/${CASE_ID}`} canUpload />, '/cases/x');

    expect(await screen.findByRole('link', { name: 'plan.pdf' })).toHaveAttribute('href', `/api/v1/cases/${CASE_ID}/documents/${document().id}/content`);
    fireEvent.click(screen.getByRole('button', { name: 'Send the document' }));
    const file = screen.getByLabelText('File');
    await waitFor(() => expect(file).toHaveAccessibleDescription(/Choose a file to send\./));
    expect(sent).toHaveLength(0);

    fireEvent.change(file, { target: { files: [new File(['MZ'], 'business-plan.pdf', { type: 'application/pdf' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the document' }));
    await waitFor(() => expect(file).toHaveAccessibleDescription(/This file is not a PDF, PNG, JPEG or WebP, whatever its name says\./));
    expect(sent).toHaveLength(1);
    expect((sent[0]!.get('file') as File).name).toBe('business-plan.pdf');
  });
});

describe('messages panel', { timeout: 20_000 }, () => {
  it('shows the thread and sends an answer', async () => {
    const bodies: unknown[] = [];
    fakeStaffApi(
      {
        [`GET /api/v1/me/requests/${CASE_ID}/messages`]: () => jsonResponse({ items: [message()], nextCursor: null }),
        [`POST /api/v1/me/requests/${CASE_ID}/messages`]: ({ body }) => {
          bodies.push(JSON.parse(body!));
          return jsonResponse(message({ id: '80000000-0000-4000-8000-000000000002', sender: 'person', authorName: null, body: 'See you Thursday' }), { status: 201 });
        },
      },
      staffMe([], { kind: 'migrant' }),
    );
    await renderAtPath(<MessagesPanel base={`/api/v1/me/requests/${CASE_ID}`} reader="person" canWrite />, '/my-requests/x');
    const thread = await screen.findByRole('list', { name: 'Messages, oldest first' });
    expect(within(thread).getByText('Bring your cash-flow plan on Thursday')).toBeInTheDocument();
    expect(within(thread).getByText(/^Claire Dubois,/)).toBeInTheDocument();
    const box = screen.getByRole('textbox', { name: 'Your message' });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(box).toHaveAttribute('aria-invalid', 'true'));
    fireEvent.change(box, { target: { value: 'See you Thursday' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(bodies).toEqual([{ body: 'See you Thursday' }]));
    await waitFor(() => expect(box).toHaveValue(''));
  });
});
