import { CaseNoteList, CaseNoteView, CaseTaskView } from '@glocal/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, staffMe } from '../../../testing/staff-api';
import { CASE_ID, COACH_ID, DESK_ID, caseListFixture, caseSummaryFixture, emptyTasks } from '../testing/case.fixtures';
import { CaseList } from './case-list';
import { CaseNotes } from './case-notes';
import { CaseTasks } from './case-tasks';

const coach = staffMe([{ organisationId: DESK_ID, organisationName: 'CAIM Diourbel', role: 'coach' }]);

describe('my cases', { timeout: 20_000 }, () => {
  it('lists the cases with their facts, sends the filters in the address, and loads more on request', async () => {
    const second = caseSummaryFixture({ id: '30000000-0000-4000-8000-000000000002', reference: 'GLC-AAAA-BBBB-CCCC', personName: 'Moussa Ba', status: 'waiting', priority: 'urgent', assignedCoach: null, access: 'shared', deskName: 'Guichet Bruxelles' });
    const { sent } = fakeStaffApi(
      {
        'GET /api/v1/cases': (request) =>
          request.url.searchParams.get('cursor') === 'next'
            ? jsonResponse(caseListFixture([second]))
            : jsonResponse(caseListFixture([caseSummaryFixture()], 'next')),
      },
      coach,
    );
    await renderAtPath(<CaseList />, '/cases?stage=idea&q=diop');

    const first = await screen.findByRole('link', { name: 'Awa Diop · GLC-7K3M-9QXD-2WPA' });
    expect(first).toHaveAttribute('href', `/cases/${CASE_ID}`);
    expect(screen.getByText('Active · Business project · Idea · Coach: Mamadou Fall · CAIM Diourbel · #returnee')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1 case shown, more to load');
    const query = sent.find((request) => request.url.pathname === '/api/v1/cases')!.url.searchParams;
    expect(query.get('stage')).toBe('idea');
    expect(query.get('q')).toBe('diop');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('diop');

    fireEvent.click(screen.getByRole('button', { name: /more/i }));
    expect(await screen.findByRole('link', { name: 'Moussa Ba · GLC-AAAA-BBBB-CCCC' })).toBeInTheDocument();
    expect(screen.getByText(/Waiting · Business project · Idea · Urgent · Not assigned · Shared by Guichet Bruxelles \(read only\)/)).toBeInTheDocument();
  });

  it('filters by priority and scope through the form', async () => {
    const { sent } = fakeStaffApi({ 'GET /api/v1/cases': () => jsonResponse(caseListFixture([])) }, coach);
    await renderAtPath(<CaseList />, '/cases');
    expect(await screen.findByText('No case matches these filters.')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('combobox', { name: 'Priority' }), { target: { value: 'urgent' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Whose cases' }), { target: { value: 'mine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show cases' }));
    await waitFor(() => {
      const last = sent.filter((request) => request.url.pathname === '/api/v1/cases').at(-1)!.url.searchParams;
      expect(last.get('priority')).toBe('urgent');
      expect(last.get('scope')).toBe('mine');
    });
  });
});

describe('tasks and notes on a case', { timeout: 20_000 }, () => {
  it('adds a task with its due date and a sensitive note', async () => {
    const task = CaseTaskView.parse({
      id: '70000000-0000-4000-8000-000000000001', caseId: CASE_ID, caseReference: 'GLC-7K3M-9QXD-2WPA', title: 'Call the mutual', dueOn: '2026-12-10',
      assignee: { id: COACH_ID, displayName: 'Mamadou Fall' }, createdBy: { id: COACH_ID, displayName: 'Mamadou Fall' }, done: false, doneAt: null, overdue: false, createdAt: '2026-12-01T09:00:00.000Z',
    });
    let tasks = emptyTasks;
    let notes = CaseNoteList.parse({ items: [], nextCursor: null });
    const { sent } = fakeStaffApi(
      {
        [`GET /api/v1/cases/${CASE_ID}/tasks`]: () => jsonResponse(tasks),
        [`POST /api/v1/cases/${CASE_ID}/tasks`]: () => {
          tasks = { items: [task], nextCursor: null };
          return jsonResponse(task, { status: 201 });
        },
        [`GET /api/v1/cases/${CASE_ID}/notes`]: () => jsonResponse(notes),
        [`POST /api/v1/cases/${CASE_ID}/notes`]: (request) => {
          const note = CaseNoteView.parse({ id: '80000000-0000-4000-8000-000000000001', deskId: DESK_ID, author: { id: COACH_ID, displayName: 'Mamadou Fall' }, body: JSON.parse(request.body!).body, sensitive: true, createdAt: '2026-12-01T10:00:00.000Z' });
          notes = { items: [note], nextCursor: null };
          return jsonResponse(note, { status: 201 });
        },
      },
      coach,
    );
    await renderAtPath(
      <>
        <CaseTasks caseId={CASE_ID} editable />
        <CaseNotes caseId={CASE_ID} canWrite />
      </>,
      `/cases/${CASE_ID}`,
    );
    expect(await screen.findByText('No task.')).toBeInTheDocument();
    fireEvent.change(screen.getByRole('textbox', { name: 'What to do' }), { target: { value: 'Call the mutual' } });
    fireEvent.change(screen.getByLabelText('Due on'), { target: { value: '2026-12-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the task' }));
    const added = await screen.findByRole('checkbox', { name: /Call the mutual/ });
    expect(added).not.toBeChecked();
    expect(added.closest('li')).toHaveTextContent(/due .*2026/);
    expect(JSON.parse(sent.find((request) => request.method === 'POST' && request.url.pathname.endsWith('/tasks'))!.body!)).toEqual({ title: 'Call the mutual', dueOn: '2026-12-10' });

    fireEvent.change(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'Diabetic: plan visits early' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Sensitive/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Add the note' }));
    const written = await screen.findByText('Diabetic: plan visits early', { selector: 'p' });
    expect(written.closest('li')).toHaveTextContent(/Mamadou Fall, .*sensitive/);
    expect(JSON.parse(sent.find((request) => request.method === 'POST' && request.url.pathname.endsWith('/notes'))!.body!)).toEqual({ body: 'Diabetic: plan visits early', sensitive: true });
  });
});
