import { LocationCreateBody, LocationUpdateBody, LocationView } from '@glocal/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderAtPath } from '../../../testing/render-app';
import { fakeStaffApi, problemResponse, staffMe, type SentRequest } from '../../../testing/staff-api';
import { ORG_ID, SERVICE_ID, TERRITORY_ID, serviceFixture, taxonomyFixture } from '../testing/directory.fixtures';
import { ServiceEdit } from './service-edit';

const SERVICE_URL = `/api/v1/directory/services/${SERVICE_ID}`;
const LOCATION_URL = `/api/v1/directory/locations/${TERRITORY_ID}`;
const NEW_LOCATION_ID = '99999999-9999-4999-8999-999999999999';
const partner = staffMe([{ organisationId: ORG_ID, organisationName: 'Mutuelle du Baol', role: 'partner_staff' }], { email: 'mfi.diourbel@glocal.test' });
const bodies = (sent: SentRequest[], method: string) => sent.filter((request) => request.method === method && request.url.pathname.includes('location')).map((request) => JSON.parse(request.body!) as unknown);

function api(onSave?: (body: unknown) => Response | undefined) {
  const saved = (body: LocationCreateBody, id: string) =>
    LocationView.parse({
      id,
      name: body.name ?? 'Diourbel branch',
      latitude: body.latitude ?? 14.65,
      longitude: body.longitude ?? -16.23,
      address: null,
      postalAddress: body.address ? { address2: null, ...body.address } : null,
      transportation: null,
    });
  return fakeStaffApi(
    {
      [`GET ${SERVICE_URL}`]: () => jsonResponse(serviceFixture({ canEdit: true })),
      'GET /api/v1/directory/taxonomy-terms': () => jsonResponse(taxonomyFixture()),
      'GET /api/v1/territories': () => jsonResponse({ items: [], nextCursor: null }),
      [`PATCH ${LOCATION_URL}`]: (request) => {
        const body = LocationUpdateBody.parse(JSON.parse(request.body!));
        return onSave?.(body) ?? jsonResponse(saved(body, TERRITORY_ID));
      },
      [`POST ${SERVICE_URL}/locations`]: (request) => {
        const body = LocationCreateBody.parse(JSON.parse(request.body!));
        return onSave?.(body) ?? jsonResponse(saved(body, NEW_LOCATION_ID), { status: 201 });
      },
    },
    partner,
  );
}

const renderEdit = () => renderAtPath(<ServiceEdit serviceId={SERVICE_ID} notFound={<h1>Nothing here</h1>} />, `/directory/services/${SERVICE_ID}/edit`);
const place = async (name: string) => within(await screen.findByRole('form', { name }));

describe('editing where a directory service is offered', { timeout: 20_000 }, () => {
  it('shows each place with its address and coordinates, and saves only what changed', async () => {
    const { sent } = api();
    await renderEdit();
    const branch = await place('Diourbel branch');
    expect(branch.getByRole('textbox', { name: 'Street and number' })).toHaveValue('Avenue Senghor');
    expect(branch.getByRole('textbox', { name: 'Town or city' })).toHaveValue('Diourbel');
    expect(branch.getByRole('textbox', { name: 'Latitude' })).toHaveValue('14.65');
    expect(branch.getByRole('textbox', { name: 'Longitude' })).toHaveValue('-16.23');

    fireEvent.change(branch.getByRole('textbox', { name: 'Postal code' }), { target: { value: '26000' } });
    fireEvent.change(branch.getByRole('textbox', { name: 'Latitude' }), { target: { value: '14,6612' } });
    fireEvent.click(branch.getByRole('button', { name: 'Save this place' }));
    expect(await branch.findByRole('status')).toHaveTextContent('The place is saved.');
    expect(bodies(sent, 'PATCH')).toEqual([
      { locale: 'en', address: { address1: 'Avenue Senghor', address2: null, city: 'Diourbel', stateProvince: '', postalCode: '26000', country: 'SN' }, latitude: 14.6612, longitude: -16.23 },
    ]);
  });

  it('checks coordinates before sending: in range, numbers, both or neither, each error next to its field', async () => {
    const { sent } = api();
    await renderEdit();
    const branch = await place('Diourbel branch');
    const latitude = branch.getByRole('textbox', { name: 'Latitude' });
    const longitude = branch.getByRole('textbox', { name: 'Longitude' });
    fireEvent.change(latitude, { target: { value: '91' } });
    fireEvent.change(longitude, { target: { value: 'west' } });
    fireEvent.click(branch.getByRole('button', { name: 'Save this place' }));
    expect(await branch.findByText('2 fields need your attention: see the messages next to them.')).toBeInTheDocument();
    expect(latitude).toHaveAccessibleDescription('From -90 to 90, for example 14.65. Write a number from -90 to 90.');
    expect(longitude).toHaveAccessibleDescription('From -180 to 180, for example -16.23. Write a number from -180 to 180.');

    fireEvent.change(latitude, { target: { value: '14.7' } });
    fireEvent.change(longitude, { target: { value: '' } });
    fireEvent.click(branch.getByRole('button', { name: 'Save this place' }));
    expect(await branch.findByText('Give both the latitude and the longitude, or neither.')).toBeInTheDocument();
    expect(longitude).toHaveAccessibleDescription('From -180 to 180, for example -16.23. Give both the latitude and the longitude, or neither.');
    expect(latitude).not.toHaveAccessibleDescription(/Write a number/);
    expect(bodies(sent, 'PATCH')).toEqual([]);
  });

  it('adds a new place with its address and point; a server error is shown next to its field', async () => {
    const { sent } = api((body) =>
      (body as LocationCreateBody).address?.country === 'XX' ? problemResponse(400, { code: 'validation_failed', errors: [{ pointer: '/address/country', code: 'invalid_format', params: {} }] }) : undefined,
    );
    await renderEdit();
    fireEvent.click(await screen.findByRole('button', { name: 'Add a place' }));
    const added = await place('New place');
    fireEvent.change(added.getByRole('textbox', { name: 'Name of the place' }), { target: { value: 'Touba counter' } });
    fireEvent.change(added.getByRole('textbox', { name: 'Street and number' }), { target: { value: 'Route de Mbacké' } });
    fireEvent.change(added.getByRole('textbox', { name: 'Town or city' }), { target: { value: 'Touba' } });
    fireEvent.change(added.getByRole('textbox', { name: 'Country' }), { target: { value: 'xx' } });
    fireEvent.change(added.getByRole('textbox', { name: 'Latitude' }), { target: { value: '14.8667' } });
    fireEvent.change(added.getByRole('textbox', { name: 'Longitude' }), { target: { value: '-15.8833' } });
    fireEvent.click(added.getByRole('button', { name: 'Add this place' }));
    expect(await added.findByText('This is not in the expected format.')).toBeInTheDocument();
    expect(added.getByRole('textbox', { name: 'Country' })).toHaveAccessibleDescription('Two-letter code, such as SN, BE or IT. This is not in the expected format.');

    fireEvent.change(added.getByRole('textbox', { name: 'Country' }), { target: { value: 'sn' } });
    fireEvent.click(added.getByRole('button', { name: 'Add this place' }));
    await screen.findByRole('button', { name: 'Add a place' });
    expect(bodies(sent, 'POST').at(-1)).toEqual({
      locale: 'en',
      name: 'Touba counter',
      address: { address1: 'Route de Mbacké', address2: null, city: 'Touba', stateProvince: '', postalCode: '', country: 'SN' },
      latitude: 14.8667,
      longitude: -15.8833,
    });
  });

  it('says so when nothing changed, without sending anything', async () => {
    const { sent } = api();
    await renderEdit();
    const branch = await place('Diourbel branch');
    fireEvent.click(branch.getByRole('button', { name: 'Save this place' }));
    expect(await branch.findByRole('status')).toHaveTextContent('Nothing was changed.');
    expect(bodies(sent, 'PATCH')).toEqual([]);
  });

  it('removes a place only once confirmed, then says so and shows the service without it', async () => {
    let removed = false;
    const { sent } = fakeStaffApi(
      {
        [`GET ${SERVICE_URL}`]: () => jsonResponse(removed ? { ...serviceFixture({ canEdit: true }), locations: [] } : serviceFixture({ canEdit: true })),
        'GET /api/v1/directory/taxonomy-terms': () => jsonResponse(taxonomyFixture()),
        'GET /api/v1/territories': () => jsonResponse({ items: [], nextCursor: null }),
        [`DELETE ${LOCATION_URL}`]: () => {
          removed = true;
          return new Response(null, { status: 204 });
        },
      },
      partner,
    );
    await renderEdit();
    const branch = await place('Diourbel branch');
    fireEvent.click(branch.getByRole('button', { name: 'Remove this place' }));
    expect(sent.filter((request) => request.method === 'DELETE')).toEqual([]);
    fireEvent.click(branch.getByRole('button', { name: 'Yes, remove “Diourbel branch” with its address and hours' }));

    expect(await screen.findByText('“Diourbel branch” is removed from the directory.')).toBeInTheDocument();
    expect(await screen.findByText('No place is recorded yet.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Diourbel branch' })).toBeNull();
    const deletes = sent.filter((request) => request.method === 'DELETE');
    expect(deletes.map((request) => request.url.pathname)).toEqual([LOCATION_URL]);
    expect(deletes[0]!.headers.get('x-csrf-token')).toBe(partner.csrfToken);
  });
});

