import { ServiceUpdateBody } from '@glocal/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderApp, renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe, type SentRequest } from '../../../testing/staff-api';
import { COST_ID, DOCUMENT_ID, FIN, FIN_CRD, ORG_ID, SERVICE_ID, TERRITORY_ID, serviceFixture, taxonomyFixture } from '../testing/directory.fixtures';
import { ServiceEdit } from './service-edit';

const SERVICE_URL = `/api/v1/directory/services/${SERVICE_ID}`;
const MBACKE_ID = '66666666-6666-4666-8666-666666666666';
const partner = staffMe([{ organisationId: ORG_ID, organisationName: 'Mutuelle du Baol', role: 'partner_staff' }], { email: 'mfi.diourbel@glocal.test' });
const patches = (sent: SentRequest[]) => sent.filter((request) => request.method === 'PATCH').map((request) => ServiceUpdateBody.parse(JSON.parse(request.body!)));

/** The API of an editable service: the French texts differ from the English ones; a PATCH answers the service changed. */
function editableService(onPatch?: (body: ServiceUpdateBody) => Response) {
  return fakeStaffApi(
    {
      [`GET ${SERVICE_URL}`]: ({ url }) =>
        jsonResponse(
          url.searchParams.get('locale') === 'fr'
            ? serviceFixture({ canEdit: true, name: 'Microcrédit retour', description: 'Crédit pour les migrants de retour.' })
            : serviceFixture({ canEdit: true, description: 'Loans for returnees.' }),
        ),
      'GET /api/v1/directory/taxonomy-terms': () => jsonResponse(taxonomyFixture()),
      'GET /api/v1/territories': () =>
        jsonResponse({
          items: [
            { id: TERRITORY_ID, code: 'SN-DB', level: 'region', parentId: null, countryCode: 'SN', name: 'Diourbel', nameLocale: 'en', names: { en: 'Diourbel' } },
            { id: MBACKE_ID, code: 'SN-DB-MBA', level: 'department', parentId: TERRITORY_ID, countryCode: 'SN', name: 'Mbacké', nameLocale: 'en', names: { en: 'Mbacké' } },
          ],
          nextCursor: null,
        }),
      [`PATCH ${SERVICE_URL}`]: (request) => {
        const body = ServiceUpdateBody.parse(JSON.parse(request.body!));
        return onPatch?.(body) ?? jsonResponse(serviceFixture({ canEdit: true, description: body.description ?? 'Loans for returnees.' }));
      },
    },
    partner,
  );
}

const renderEdit = () =>
  renderAtPath(<ServiceEdit serviceId={SERVICE_ID} notFound={<h1>Nothing here</h1>} />, `/directory/services/${SERVICE_ID}/edit`);

describe('editing a directory service', { timeout: 20_000 }, () => {
  it('sends only what changed, in the language of the texts, and says it is saved with a link to the page', async () => {
    const { sent } = editableService();
    await renderEdit();
    const description = await screen.findByRole('textbox', { name: 'What it is' });
    expect(screen.getByRole('heading', { level: 1, name: 'Edit: Returnee micro-credit' })).toBeInTheDocument();
    expect(description).toHaveValue('Loans for returnees.');
    expect(screen.getByRole('textbox', { name: 'Name of the service' })).toHaveValue('Returnee micro-credit');

    fireEvent.change(description, { target: { value: 'Loans of up to 5 million CFA francs for returnees.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Saved.');
    expect(within(status).getByRole('link', { name: 'See the service page' })).toHaveAttribute('href', `/directory/services/${SERVICE_ID}`);
    expect(patches(sent)).toEqual([{ locale: 'en', description: 'Loans of up to 5 million CFA francs for returnees.' }]);
  });

  it('edits another language’s texts: loads them, and writes them in that language', async () => {
    const { sent } = editableService();
    await renderEdit();
    fireEvent.change(await screen.findByRole('combobox', { name: 'Language of the texts' }), { target: { value: 'fr' } });
    const description = await screen.findByRole('textbox', { name: 'What it is' });
    expect(description).toHaveValue('Crédit pour les migrants de retour.');
    expect(description).toHaveAttribute('lang', 'fr');
    expect(screen.getByRole('group', { name: 'Texts in French' })).toBeInTheDocument();
    expect(sent.some((request) => request.method === 'GET' && request.url.searchParams.get('locale') === 'fr')).toBe(true);

    fireEvent.change(description, { target: { value: 'Crédit de 250 000 à 5 000 000 FCFA.' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'temporarily closed' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'I checked this entry with the service today' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(patches(sent)).toEqual([{ locale: 'fr', description: 'Crédit de 250 000 à 5 000 000 FCFA.', status: 'temporarily closed', verified: true }]);
  });

  it('moves the service to another territory, or to none, sending only its territory', async () => {
    const { sent } = editableService();
    await renderEdit();
    const territory = await screen.findByRole('combobox', { name: 'Territory' });
    await screen.findByRole('option', { name: /Mbacké/ });
    expect(territory).toHaveValue(TERRITORY_ID);
    expect(territory).toHaveAccessibleDescription('Where the service is offered: a search by this territory, or by one it belongs to, finds it.');

    fireEvent.change(territory, { target: { value: MBACKE_ID } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Territory' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    await screen.findByText('Saved.');
    expect(patches(sent)).toEqual([{ locale: 'en', territoryId: MBACKE_ID }, { locale: 'en', territoryId: null }]);
  });

  it('shows field errors next to their fields: checked in the browser first, then the server’s', async () => {
    const { sent } = editableService(() =>
      problemResponse(400, { code: 'validation_failed', errors: [{ pointer: '/email', code: 'invalid_format', params: {} }] }),
    );
    await renderEdit();
    const name = await screen.findByRole('textbox', { name: 'Name of the service' });
    fireEvent.change(name, { target: { value: '  ' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Languages spoken by the staff' }), { target: { value: 'french, wo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));

    expect(await screen.findByText('2 fields need your attention: see the messages next to them.')).toBeInTheDocument();
    expect(name).toHaveAccessibleDescription('Please fill this in.');
    expect(screen.getByRole('textbox', { name: 'Languages spoken by the staff' })).toHaveAccessibleDescription(
      'Two-letter codes separated by commas, for example: fr, wo, en. Use two-letter language codes, for example: fr, wo.',
    );
    expect(patches(sent)).toEqual([]);

    fireEvent.change(name, { target: { value: 'Returnee micro-credit' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Languages spoken by the staff' }), { target: { value: 'fr' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'E-mail address' }), { target: { value: 'contact@mec-baol.sn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByText('One field needs your attention: see the message next to it.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'E-mail address' })).toHaveAccessibleDescription('This is not in the expected format.');
    expect(patches(sent)).toEqual([{ locale: 'en', email: 'contact@mec-baol.sn' }]);
  });

  it('edits the loan terms: amounts and currency as typed, a range the server finds inverted shown at its end', async () => {
    const { sent } = editableService((body) =>
      body.loanMax === '100000'
        ? problemResponse(400, { code: 'validation_failed', errors: [{ pointer: '/loanMax', code: 'too_small', params: {} }] })
        : jsonResponse(serviceFixture({ canEdit: true })),
    );
    await renderEdit();
    const largest = await screen.findByRole('textbox', { name: 'Largest loan' });
    expect(largest).toHaveValue('5000000');
    expect(screen.getByRole('combobox', { name: 'Guarantee required' })).toHaveValue('yes');
    fireEvent.change(largest, { target: { value: '100000' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Currency of the loans' }), { target: { value: 'eur' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Guarantee required' }), { target: { value: 'unknown' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));

    expect(await screen.findByText('One field needs your attention: see the message next to it.')).toBeInTheDocument();
    expect(largest).toHaveAccessibleDescription('This is too short or too small.');
    expect(patches(sent)).toEqual([{ locale: 'en', loanMax: '100000', loanCurrency: 'EUR', collateralRequired: null }]);

    fireEvent.change(largest, { target: { value: '7500000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(patches(sent).at(-1)).toEqual({ locale: 'en', loanMax: '7500000', loanCurrency: 'EUR', collateralRequired: null });
  });

  it('ticks the kinds of service it is found under, each under its top-level kind', async () => {
    const { sent } = editableService();
    await renderEdit();
    const kinds = await screen.findByRole('group', { name: 'Kinds of service' });
    const credit = await within(kinds).findByRole('checkbox', { name: 'Credit and micro-credit' });
    expect(credit).toBeChecked();
    fireEvent.click(within(kinds).getByRole('checkbox', { name: 'Finance' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(patches(sent)).toEqual([{ locale: 'en', taxonomyTermIds: [FIN_CRD, FIN] }]);
  });

  it('edits the documents to bring, the costs and the languages as lists: a kept document unchanged goes by its id alone', async () => {
    const { sent } = editableService();
    await renderEdit();
    const documents = within(await screen.findByRole('group', { name: 'Documents to bring' }));
    expect(documents.getByRole('textbox', { name: 'Document 1' })).toHaveValue('Identity card or passport');
    fireEvent.click(documents.getByRole('button', { name: 'Add a document' }));
    fireEvent.change(documents.getByRole('textbox', { name: 'Document 2' }), { target: { value: 'Business plan' } });

    const costs = within(screen.getByRole('group', { name: 'Cost' }));
    expect(costs.getByRole('textbox', { name: 'Cost 1: what you pay for' })).toHaveValue('Free');
    fireEvent.click(costs.getByRole('button', { name: 'Remove cost 1' }));
    fireEvent.click(costs.getByRole('button', { name: 'Add a cost' }));
    fireEvent.change(costs.getByRole('textbox', { name: 'Cost 1: what you pay for' }), { target: { value: 'Application fee' } });
    fireEvent.change(costs.getByRole('textbox', { name: /^Amount/ }), { target: { value: '2500' } });

    const offeredIn = screen.getByRole('textbox', { name: 'Languages the service is offered in' });
    expect(offeredIn).toHaveValue('wo');
    fireEvent.change(offeredIn, { target: { value: 'wo, fr' } });

    // An amount without its currency is refused in the browser, next to the currency.
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(costs.getByRole('textbox', { name: /^Currency/ })).toHaveAccessibleDescription(expect.stringContaining('Give the currency of this amount'));
    expect(patches(sent)).toEqual([]);

    fireEvent.change(costs.getByRole('textbox', { name: /^Currency/ }), { target: { value: 'xof' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved.');
    expect(patches(sent)).toEqual([
      {
        locale: 'en',
        requiredDocuments: [{ id: DOCUMENT_ID }, { document: 'Business plan' }],
        costs: [{ option: 'Application fee', amount: '2500', currency: 'XOF' }],
        languages: ['wo', 'fr'],
      },
    ]);
    expect(JSON.stringify(patches(sent))).not.toContain(COST_ID);
  });

  it('says so when nothing changed, without sending anything', async () => {
    const { sent } = editableService();
    await renderEdit();
    fireEvent.click(await screen.findByRole('button', { name: 'Save the changes' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Nothing was changed.');
    expect(patches(sent)).toEqual([]);
  });

  it('is no page at all for a reader the API does not let edit the service, nor for a service that does not exist', async () => {
    fakeStaffApi({ [`GET ${SERVICE_URL}`]: () => jsonResponse(serviceFixture({ canEdit: false })) }, partner);
    const { unmount } = await renderEdit();
    expect(await screen.findByRole('heading', { name: 'Nothing here' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save the changes' })).not.toBeInTheDocument();
    unmount();

    fakeStaffApi({ [`GET ${SERVICE_URL}`]: () => problemResponse(404, { code: 'directory.service_not_found' }) }, partner);
    await renderEdit();
    expect(await screen.findByRole('heading', { name: 'Nothing here' })).toBeInTheDocument();
  });

  it('in the app: the service page links its editors to the edit page; others get the not-found page there', async () => {
    fakeStaffApi({ [`GET ${SERVICE_URL}`]: () => jsonResponse(serviceFixture({ canEdit: true })) }, partner);
    const { unmount } = await renderApp(`/directory/services/${SERVICE_ID}`);
    expect(await screen.findByRole('link', { name: 'Edit this entry' })).toHaveAttribute('href', `/directory/services/${SERVICE_ID}/edit`);
    unmount();

    fakeStaffApi({ [`GET ${SERVICE_URL}`]: () => jsonResponse(serviceFixture({ canEdit: false })) }, partner);
    await renderApp(`/directory/services/${SERVICE_ID}/edit`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
