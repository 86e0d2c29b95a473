import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseDetailFixture, CASE_ID, DESK_ID, emptyTasks } from '../../features/cases/testing/case.fixtures';
import { jsonResponse } from '../../testing/mock-fetch';
import { renderApp } from '../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe } from '../../testing/staff-api';

const coach = staffMe([{ organisationId: DESK_ID, organisationName: 'CAIM Diourbel', role: 'coach' }]);

describe('the case page', { timeout: 30_000 }, () => {
  it('is reached from "Cases" in the header and composes its panels, each listed at the top', async () => {
    fakeStaffApi(
      {
        [`GET /api/v1/cases/${CASE_ID}`]: () => jsonResponse(caseDetailFixture()),
        [`GET /api/v1/cases/${CASE_ID}/tasks`]: () => jsonResponse(emptyTasks),
        [`GET /api/v1/cases/${CASE_ID}/notes`]: () => jsonResponse({ items: [], nextCursor: null }),
        'GET /api/v1/territories': () => jsonResponse({ items: [], nextCursor: null }),
        'GET /api/v1/organisations': () => jsonResponse({ items: [], nextCursor: null }),
      },
      coach,
    );
    await renderApp(`/cases/${CASE_ID}`);

    // The route's code is loaded on demand: allow for a busy machine.
    expect(await screen.findByRole('heading', { level: 1, name: 'Awa Diop · GLC-7K3M-9QXD-2WPA' }, { timeout: 10_000 })).toBeInTheDocument();
    const header = screen.getByRole('navigation', { name: 'Main' });
    expect(within(header).getByRole('link', { name: 'Cases' })).toHaveAttribute('href', '/cases');
    const parts = screen.getByRole('navigation', { name: 'Parts of this case' });
    const anchors = within(parts).getAllByRole('link').map((link) => link.getAttribute('href'));
    expect(anchors.slice(0, 6)).toEqual(['#case-summary', '#case-pipeline', '#case-history', '#case-tasks', '#case-notes', '#case-outcome']);
    for (const name of ['Summary', 'Business project', 'History of the stages', 'Tasks', 'Notes', 'Outcome']) {
      expect(screen.getByRole('region', { name })).toBeInTheDocument();
    }
    expect(within(screen.getByRole('region', { name: 'Summary' })).getByText('awa@example.test')).toBeInTheDocument();
  });

  it('says so when the case cannot be seen (another desk’s case answers 404)', async () => {
    fakeStaffApi({ [`GET /api/v1/cases/${CASE_ID}`]: () => problemResponse(404, { code: 'case.not_found' }) }, coach);
    await renderApp(`/cases/${CASE_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Case unavailable' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('This case does not exist, or your desk cannot see it.');
  });
});
