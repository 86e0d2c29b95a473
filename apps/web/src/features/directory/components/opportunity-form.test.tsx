import {
  OpportunityCreateBody,
  OpportunityDetailView,
  OpportunityList as OpportunityListView,
  OpportunityUpdateBody,
  type OpportunityView,
} from '@glocal/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe } from '../../../testing/staff-api';
import { TERRITORY_ID } from '../testing/directory.fixtures';
import { OpportunityList } from './opportunity-list';

const OPPORTUNITY_ID = '70000000-0000-4000-8000-000000000001';
const territories = [{ id: TERRITORY_ID, name: 'Diourbel', code: 'SN-DB' }];
const officer = staffMe([{ organisationId: '44444444-4444-4444-8444-444444444444', organisationName: 'ARD Diourbel', role: 'lra_officer' }]);
const groundnut: OpportunityView = {
  id: OPPORTUNITY_ID,
  kind: 'value_chain',
  isicCode: '1040',
  title: 'Processing groundnuts into oil and paste',
  description: 'The Diourbel groundnut basin needs small and medium processing units.',
  territoryId: TERRITORY_ID,
  territoryName: 'Diourbel',
  contactName: 'ARD Diourbel',
  contactEmail: null,
  contactPhone: null,
  canEdit: true,
};
const detail = (overrides: Partial<OpportunityDetailView> = {}) =>
  OpportunityDetailView.parse({
    ...groundnut,
    organizationId: null,
    sourceLocale: 'fr',
    texts: {
      fr: { title: 'Transformation de l’arachide', description: 'Le bassin arachidier cherche des unités de transformation.' },
      en: { title: groundnut.title, description: groundnut.description },
    },
    canEdit: true,
    ...overrides,
  });
const list = (items: OpportunityView[]) => jsonResponse(OpportunityListView.parse({ items, nextCursor: null }));
const field = (name: string) => screen.getByRole('textbox', { name });
/** The first field of that name: the source text's (the translations' fields come after, each in its language's group). */
const first = (scope: HTMLElement, name: string) => within(scope).getAllByRole('textbox', { name })[0]!;

describe('creating and editing an economic opportunity', { timeout: 20_000 }, () => {
  it('checks the fields before sending, shows the server’s field errors next to their fields, then saves a new opportunity', async () => {
    const posted: unknown[] = [];
    const { sent } = fakeStaffApi(
      {
        'GET /api/v1/directory/opportunities': () => list([groundnut]),
        'POST /api/v1/directory/opportunities': ({ body }) => {
          const parsed = JSON.parse(body!);
          posted.push(parsed);
          if (posted.length === 1) return problemResponse(400, { code: 'validation_failed', errors: [{ pointer: '/territoryId', in: 'body', code: 'unknown_territory' }] });
          return jsonResponse(detail({ id: '70000000-0000-4000-8000-000000000009', title: parsed.title, isicCode: parsed.isicCode, sourceLocale: 'en', texts: { en: { title: parsed.title, description: parsed.description } } }), { status: 201 });
        },
      },
      officer,
    );
    await renderAtPath(<OpportunityList territories={territories} canEdit />, '/directory/opportunities');
    fireEvent.click(await screen.findByRole('button', { name: 'Add an opportunity' }));
    const form = screen.getByRole('region', { name: 'New economic opportunity' });
    expect(within(form).getByRole('heading', { level: 2 })).toHaveFocus();
    fireEvent.change(first(form, 'Title'), { target: { value: 'Cattle fattening in Mbacké' } });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Kind of opportunity' }), { target: { value: 'income_generating' } });
    fireEvent.change(field('Sector code (ISIC Rev.4)'), { target: { value: '0400' } });
    fireEvent.change(field('Contact e-mail'), { target: { value: 'not an address' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the opportunity' }));

    // Checked in the browser: nothing sent, each error next to its field.
    expect(await screen.findByRole('alert')).toHaveTextContent(/4 fields/);
    expect(field('Sector code (ISIC Rev.4)')).toHaveAccessibleDescription(/Not an ISIC Rev.4 code/);
    expect(field('Contact e-mail')).toHaveAttribute('aria-invalid', 'true');
    expect(first(form, 'Description')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('combobox', { name: 'Territory of the opportunity' })).toHaveAttribute('aria-invalid', 'true');
    expect(posted).toHaveLength(0);

    fireEvent.change(field('Sector code (ISIC Rev.4)'), { target: { value: '0141' } });
    fireEvent.change(field('Contact e-mail'), { target: { value: 'contact@ard-diourbel.example' } });
    fireEvent.change(first(form, 'Description'), { target: { value: 'Fattening cattle for the religious festivals.' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Territory of the opportunity' }), { target: { value: TERRITORY_ID } });
    const french = screen.getByRole('group', { name: 'Français' });
    fireEvent.change(within(french).getByRole('textbox', { name: 'Title' }), { target: { value: 'Embouche bovine à Mbacké' } });
    fireEvent.change(within(french).getByRole('textbox', { name: 'Description' }), { target: { value: 'Engraissement de bovins pour les fêtes religieuses.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add the opportunity' }));

    // The server's answer: its field error shows next to the territory.
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Territory of the opportunity' })).toHaveAttribute('aria-invalid', 'true'));
    expect(posted).toHaveLength(1);
    expect(OpportunityCreateBody.parse(posted[0])).toMatchObject({
      locale: 'en',
      kind: 'income_generating',
      isicCode: '0141',
      territoryId: TERRITORY_ID,
      contactEmail: 'contact@ard-diourbel.example',
      contactName: null,
      translations: { fr: { title: 'Embouche bovine à Mbacké', description: 'Engraissement de bovins pour les fêtes religieuses.' } },
    });

    fireEvent.click(screen.getByRole('button', { name: 'Add the opportunity' }));
    expect(await screen.findByText('The opportunity is saved.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'New economic opportunity' })).not.toBeInTheDocument();
    expect(sent.filter((request) => request.method === 'GET' && request.url.pathname === '/api/v1/directory/opportunities').length).toBeGreaterThan(1);
  });

  it('edits an opportunity in its own language with its translations, and deletes it after a confirmation', async () => {
    const patched: unknown[] = [];
    let deleted = false;
    fakeStaffApi(
      {
        'GET /api/v1/directory/opportunities': () => list(deleted ? [] : [groundnut]),
        [`GET /api/v1/directory/opportunities/${OPPORTUNITY_ID}`]: () => jsonResponse(detail()),
        [`PATCH /api/v1/directory/opportunities/${OPPORTUNITY_ID}`]: ({ body }) => {
          patched.push(JSON.parse(body!));
          return jsonResponse(detail());
        },
        [`DELETE /api/v1/directory/opportunities/${OPPORTUNITY_ID}`]: () => {
          deleted = true;
          return new Response(null, { status: 204 });
        },
      },
      officer,
    );
    await renderAtPath(<OpportunityList territories={territories} canEdit />, '/directory/opportunities');
    fireEvent.click(await screen.findByRole('button', { name: `Edit “${groundnut.title}”` }));
    const form = await screen.findByRole('region', { name: `Edit “${groundnut.title}”` });
    // The source text (French) at the top, the English translation below; no language choice when editing.
    expect(first(form, 'Title')).toHaveValue('Transformation de l’arachide');
    expect(within(form).queryByRole('combobox', { name: 'Language of the title and description' })).not.toBeInTheDocument();
    const english = within(form).getByRole('group', { name: 'English' });
    expect(within(english).getByRole('textbox', { name: 'Title' })).toHaveValue(groundnut.title);
    expect(field('Sector code (ISIC Rev.4)')).toHaveValue('1040');

    fireEvent.change(first(form, 'Title'), { target: { value: 'Transformation de l’arachide en huile' } });
    fireEvent.change(within(english).getByRole('textbox', { name: 'Title' }), { target: { value: '' } });
    fireEvent.change(within(english).getByRole('textbox', { name: 'Description' }), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('The opportunity is saved.')).toBeInTheDocument();
    // The English translation emptied is removed (null); the French text is the source row's.
    expect(OpportunityUpdateBody.parse(patched[0])).toMatchObject({ locale: 'fr', title: 'Transformation de l’arachide en huile', isicCode: '1040', translations: { en: null } });

    fireEvent.click(await screen.findByRole('button', { name: `Edit “${groundnut.title}”` }));
    await screen.findByRole('region', { name: `Edit “${groundnut.title}”` });
    fireEvent.click(screen.getByRole('button', { name: 'Delete this opportunity' }));
    fireEvent.click(screen.getByRole('button', { name: `Yes, delete “${groundnut.title}”` }));
    expect(await screen.findByText('The opportunity is deleted.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('heading', { level: 3, name: groundnut.title })).not.toBeInTheDocument());
  });

  it('offers Edit only on the opportunities the server lets the reader edit, says so if that changed meanwhile, and shows no controls to readers who cannot edit', async () => {
    const solar = { ...groundnut, id: '70000000-0000-4000-8000-000000000002', title: 'Solar mini-grids for villages', canEdit: false };
    fakeStaffApi(
      {
        'GET /api/v1/directory/opportunities': () => list([groundnut, solar]),
        [`GET /api/v1/directory/opportunities/${OPPORTUNITY_ID}`]: () => jsonResponse(detail({ canEdit: false })),
      },
      officer,
    );
    const { unmount } = await renderAtPath(<OpportunityList territories={territories} canEdit />, '/directory/opportunities');
    await screen.findByRole('heading', { level: 3, name: solar.title });
    expect(screen.queryByRole('button', { name: `Edit “${solar.title}”` })).not.toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: `Edit “${groundnut.title}”` }));
    expect(await screen.findByText(/You cannot change this opportunity/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
    unmount();

    fakeStaffApi({ 'GET /api/v1/directory/opportunities': () => list([groundnut]) }, null);
    await renderAtPath(<OpportunityList territories={territories} />, '/directory/opportunities');
    await screen.findByRole('heading', { level: 3, name: groundnut.title });
    expect(screen.queryByRole('button', { name: 'Add an opportunity' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Edit/ })).not.toBeInTheDocument();
  });
});
