import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, staffMe } from '../../../testing/staff-api';
import { OFFICER_ID, auditEvent, auditPage, verification } from '../testing/audit.fixtures';
import { AuditTrail } from './audit-trail';
import { AuditVerificationStatus } from './audit-verification-status';

const dpo = staffMe([{ organisationId: null, organisationName: null, role: 'dpo' }], { email: 'dpo@glocal.test' });
const EVENTS = '/api/v1/audit-events';
const searches = (sent: ReturnType<typeof fakeStaffApi>['sent']) =>
  sent.filter((request) => request.url.pathname === EVENTS).map((request) => Object.fromEntries(request.url.searchParams));

// The first render loads catalogues and route code: slow on a busy machine.
describe('the audit trail', { timeout: 20_000 }, () => {
  it('builds the query from the filters, keeps them in the address and in the CSV link', async () => {
    const { sent } = fakeStaffApi(
      {
        [`GET ${EVENTS}`]: ({ url }) =>
          jsonResponse(
            auditPage(
              url.searchParams.get('action') === 'organisation.updated'
                ? [auditEvent({ action: 'organisation.updated', subjectType: 'organisation', subjectId: 'org-1' })]
                : [auditEvent(), auditEvent({ action: 'access.denied', outcome: 'denied' })],
            ),
          ),
      },
      dpo,
    );
    const { router } = await renderAtPath(<AuditTrail />, '/audit');
    expect(await screen.findByText('2 entries')).toBeInTheDocument();
    expect(searches(sent)).toEqual([{ limit: '50' }]);

    fireEvent.change(screen.getByRole('combobox', { name: 'Action' }), { target: { value: 'organisation.updated' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Person (user id)' }), { target: { value: OFFICER_ID } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Subject type' }), { target: { value: 'organisation' } });
    fireEvent.change(screen.getByLabelText('From (day included)'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To (day included)'), { target: { value: '2026-11-24' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));

    expect(await screen.findByText('1 entry')).toBeInTheDocument();
    const expected = {
      actorUserId: OFFICER_ID,
      subjectType: 'organisation',
      action: 'organisation.updated',
      from: new Date(2026, 10, 1).toISOString(),
      to: new Date(2026, 10, 25).toISOString(),
    };
    expect(searches(sent).at(-1)).toEqual({ ...expected, limit: '50' });
    expect(router.state.location.search).toBe(
      `?actorUserId=${OFFICER_ID}&subjectType=organisation&action=organisation.updated&from=2026-11-01&to=2026-11-24`,
    );
    const link = screen.getByRole('link', { name: 'Download these entries (CSV)' });
    expect(Object.fromEntries(new URL(link.getAttribute('href')!, 'http://localhost').searchParams)).toEqual(expected);

    fireEvent.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(await screen.findByText('2 entries')).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
  });

  it('shows time, person, action, outcome and subject, and loads older entries on request', async () => {
    const { sent } = fakeStaffApi(
      {
        [`GET ${EVENTS}`]: ({ url }) =>
          url.searchParams.get('cursor')
            ? jsonResponse(auditPage([auditEvent({ action: 'auth.sign_in_failed', outcome: 'failure', actorUserId: null, actorLabel: 'anonymous' })]))
            : jsonResponse(auditPage([auditEvent({ action: 'member.list_read', subjectType: 'organisation', subjectId: 'org-7' })], 'older')),
      },
      dpo,
    );
    await renderAtPath(<AuditTrail />, '/audit');

    const table = await screen.findByRole('table');
    const firstRow = within(table).getAllByRole('row')[1]!;
    expect(within(firstRow).getByRole('link', { name: 'officer.diourbel@glocal.test (show only these entries)' })).toHaveAttribute(
      'href',
      `/audit?actorUserId=${OFFICER_ID}`,
    );
    expect(within(firstRow).getByRole('link', { name: 'member.list_read (show only these entries)' })).toBeInTheDocument();
    expect(within(firstRow).getByText('Done')).toBeInTheDocument();
    expect(within(firstRow).getByText('organisation org-7')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));

    expect(await within(table).findByText('Failed')).toBeInTheDocument();
    expect(within(table).getByText('anonymous')).toBeInTheDocument();
    expect(searches(sent).at(-1)).toEqual({ limit: '50', cursor: 'older' });
  });
});

// The first render loads catalogues and route code: slow on a busy machine.
describe('the chain verification', { timeout: 20_000 }, () => {
  it('says the chain is intact, with the number of entries', async () => {
    fakeStaffApi({ [`GET ${EVENTS}/verification`]: () => jsonResponse(verification({ entries: 42 })) }, dpo);

    await renderAtPath(<AuditVerificationStatus />, '/audit');

    expect(await screen.findByText('Chain intact: 42 entries, none altered or missing.')).toBeInTheDocument();
  });

  it('names the first entry that breaks the chain', async () => {
    fakeStaffApi(
      { [`GET ${EVENTS}/verification`]: () => jsonResponse(verification({ ok: false, entries: 42, firstBadSeq: 17, reason: 'altered' })) },
      dpo,
    );

    await renderAtPath(<AuditVerificationStatus />, '/audit');

    expect(await screen.findByRole('alert')).toHaveTextContent('Chain broken: entry 17 was altered after it was written (42 entries checked).');
    expect(screen.getByRole('button', { name: 'Check again' })).toBeInTheDocument();
  });
});
