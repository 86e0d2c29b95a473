import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderApp, renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe } from '../../../testing/staff-api';
import { LATER_ID, PAIR_ID, duplicateListFixture, duplicatePairFixture } from '../testing/duplicates.fixtures';
import { DuplicatePairs } from './duplicate-pairs';

const DESK_ID = '10000000-0000-4000-8000-000000000001';
const manager = staffMe([{ organisationId: DESK_ID, organisationName: 'CAIM Diourbel', role: 'desk_manager' }]);
const coach = staffMe([{ organisationId: DESK_ID, organisationName: 'CAIM Diourbel', role: 'coach' }]);
// The first answer may take a while on a busy machine (catalogue, session, list).
const FIRST_ANSWER = { timeout: 5_000 };
const PAIR_TITLE = 'Mariama Exemple Doublon and Mariama Exemple-Doublon';

/** The list answers the pair until a decision is sent, then an empty list (as the server would). */
function pairsUntilDecided(decision: (request: { body: string | undefined }) => Response) {
  let decided = false;
  return fakeStaffApi(
    {
      'GET /api/v1/people/duplicates': () => jsonResponse(duplicateListFixture(decided ? [] : [duplicatePairFixture()])),
      [`POST /api/v1/people/duplicates/${PAIR_ID}/merge`]: (request) => {
        decided = true;
        return decision(request);
      },
      [`POST /api/v1/people/duplicates/${PAIR_ID}/dismiss`]: (request) => {
        decided = true;
        return decision(request);
      },
    },
    manager,
  );
}

describe('possible duplicates', { timeout: 20_000 }, () => {
  it('shows the two records side by side, what matched, and each person’s cases', async () => {
    fakeStaffApi({ 'GET /api/v1/people/duplicates': () => jsonResponse(duplicateListFixture([duplicatePairFixture()])) }, manager);
    await renderAtPath(<DuplicatePairs />, '/people/duplicates');

    expect(await screen.findByRole('heading', { level: 2, name: PAIR_TITLE }, FIRST_ANSWER)).toBeInTheDocument();
    expect(screen.getByText('Same name, and the same phone.')).toBeInTheDocument();
    expect(screen.getByText('1 possible duplicate')).toBeInTheDocument();

    const later = screen.getByRole('region', { name: 'Recorded later' });
    expect(within(later).getByText('mariama.doublon@example.org')).toBeInTheDocument();
    expect(within(later).getByText('00221779000101').parentElement).toHaveTextContent('00221779000101same');
    expect(within(later).getByText('Not given')).toBeInTheDocument();
    expect(within(later).getByRole('link', { name: 'GLC-DEM0-D0VB-0002' })).toHaveAttribute('href', '/cases?q=GLC-DEM0-D0VB-0002&status=all');

    const earlier = screen.getByRole('region', { name: 'Recorded first' });
    expect(within(earlier).getByText('+221 77 900 01 01').parentElement).toHaveTextContent('same');
    // The birth date did not match: it is shown, not marked.
    expect(within(earlier).getByText('1988-04-12').parentElement).not.toHaveTextContent('same');
    expect(within(earlier).getByRole('link', { name: 'GLC-DEM0-D0VB-0001' })).toBeInTheDocument();
  });

  it('merges only once confirmed, keeping the record chosen, and the pair leaves the list', async () => {
    const { sent } = pairsUntilDecided(() => jsonResponse(duplicatePairFixture({ status: 'merged' })));
    await renderAtPath(<DuplicatePairs />, '/people/duplicates');

    fireEvent.click(await screen.findByRole('button', { name: 'Merge…' }, FIRST_ANSWER));
    expect(sent.some((request) => request.method === 'POST')).toBe(false);
    expect(screen.getByText(/Merging keeps both histories/)).toHaveTextContent(/Nothing is deleted/);
    // The earlier record is kept unless the manager chooses otherwise.
    const keepEarlier = screen.getByRole('radio', { name: /^Mariama Exemple-Doublon, recorded on/ });
    expect(keepEarlier).toBeChecked();
    expect(keepEarlier).toHaveFocus();
    fireEvent.click(screen.getByRole('radio', { name: /^Mariama Exemple Doublon, recorded on/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Merge the two records' }));

    await waitFor(
      () => expect(screen.getByRole('status')).toHaveTextContent('Merged: the cases of Mariama Exemple-Doublon now belong to Mariama Exemple Doublon; both histories are kept.'),
      FIRST_ANSWER,
    );
    const merge = sent.find((request) => request.method === 'POST')!;
    expect(merge.url.pathname).toBe(`/api/v1/people/duplicates/${PAIR_ID}/merge`);
    expect(JSON.parse(merge.body!)).toEqual({ keepPersonId: LATER_ID });
    expect(screen.queryByRole('heading', { level: 2, name: PAIR_TITLE })).not.toBeInTheDocument();
    expect(await screen.findByText('No possible duplicate is waiting for a decision.', {}, FIRST_ANSWER)).toBeInTheDocument();
  });

  it('cancelling the merge sends nothing; "not the same person" dismisses the pair', async () => {
    const { sent } = pairsUntilDecided(() => jsonResponse(duplicatePairFixture({ status: 'dismissed' })));
    await renderAtPath(<DuplicatePairs />, '/people/duplicates');

    fireEvent.click(await screen.findByRole('button', { name: 'Merge…' }, FIRST_ANSWER));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Not the same person' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Recorded: Mariama Exemple Doublon and Mariama Exemple-Doublon are not the same person.'), FIRST_ANSWER);
    expect(sent.filter((request) => request.method === 'POST').map((request) => request.url.pathname)).toEqual([`/api/v1/people/duplicates/${PAIR_ID}/dismiss`]);
    await waitFor(() => expect(screen.queryByRole('heading', { level: 2, name: PAIR_TITLE })).not.toBeInTheDocument());
  });

  it('when someone else decided first, says so and drops the pair', async () => {
    pairsUntilDecided(() => problemResponse(409, { code: 'person_duplicate.already_decided' }));
    await renderAtPath(<DuplicatePairs />, '/people/duplicates');

    fireEvent.click(await screen.findByRole('button', { name: 'Not the same person' }, FIRST_ANSWER));
    expect(await screen.findByRole('alert', {}, FIRST_ANSWER)).toHaveTextContent('Someone has already merged or dismissed this possible duplicate.');
    expect(screen.queryByRole('heading', { level: 2, name: PAIR_TITLE })).not.toBeInTheDocument();
    expect(screen.queryByText(/^Recorded:/)).not.toBeInTheDocument();
  });

  it('is in the header for desk managers, and turned away for coaches, who may not merge', async () => {
    fakeStaffApi({ 'GET /api/v1/people/duplicates': () => jsonResponse(duplicateListFixture([duplicatePairFixture()])) }, manager);
    const { unmount } = await renderApp('/people/duplicates');
    const navigation = await screen.findByRole('navigation', { name: 'Main' }, FIRST_ANSWER);
    expect(await within(navigation).findByRole('link', { name: 'Possible duplicates' }, FIRST_ANSWER)).toHaveAttribute('href', '/people/duplicates');
    expect(await screen.findByRole('heading', { level: 1, name: 'Possible duplicates' }, FIRST_ANSWER)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: PAIR_TITLE }, FIRST_ANSWER)).toBeInTheDocument();
    unmount();

    const { sent } = fakeStaffApi({}, coach);
    await renderApp('/people/duplicates');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not available to you' }, FIRST_ANSWER)).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Possible duplicates' })).not.toBeInTheDocument();
    expect(sent.some((request) => request.url.pathname === '/api/v1/people/duplicates')).toBe(false);
  });
});

