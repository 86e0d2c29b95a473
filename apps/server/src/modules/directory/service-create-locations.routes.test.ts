import { EditableOrganizationList, LocationView, ServiceDetailView, ServiceSearchResult } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { DEMO_LOCATION_IDS, DEMO_SERVICE_IDS } from './directory.demo.js';

describe('directory: creating services and editing their locations', () => {
  let t: TestApp;
  let mfi: Session;
  let coachDiourbel: Session;
  let coachBrussels: Session;
  let officer: Session;
  let mutualId: string;
  let microstartId: string;
  const terms: Record<string, string> = {};
  const territories: Record<string, string> = {};

  const lastAudit = async () =>
    (await sql<{ action: string; details: any; subjectId: string }>`select action, details, subject_id from audit_event order by seq desc limit 1`.execute(t.db)).rows[0]!;
  const editable = async (session: Session) => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/directory/editable-organizations?locale=fr', headers: session.headers });
    expect(response.statusCode, response.body).toBe(200);
    return EditableOrganizationList.parse(response.json()).items;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    [mfi, coachDiourbel, coachBrussels, officer] = await Promise.all([
      signIn(t, 'mfi.diourbel@glocal.test'),
      signIn(t, 'coach.diourbel@glocal.test'),
      signIn(t, 'coach.brussels@glocal.test'),
      signIn(t, 'officer.diourbel@glocal.test'),
    ]);
    for (const row of (await sql<{ id: string; code: string }>`select id, code from hsds_taxonomy_term`.execute(t.db)).rows) terms[row.code] = row.id;
    for (const row of (await sql<{ id: string; code: string }>`select id, code from territory`.execute(t.db)).rows) territories[row.code] = row.id;
    const organizationOf = async (serviceId: string) =>
      (await sql<{ organizationId: string }>`select organization_id from hsds_service where id = ${serviceId}`.execute(t.db)).rows[0]!.organizationId;
    mutualId = await organizationOf(DEMO_SERVICE_IDS.mutualReturneeCredit);
    microstartId = await organizationOf(DEMO_SERVICE_IDS.microstartLoan);
  });
  afterAll(() => t.close());

  it('lists the organizations each reader may add services to: partner staff their own, desk staff those of their territories', async () => {
    expect((await editable(mfi)).map((item) => item.id)).toEqual([mutualId]);
    // Desk staff add services in their territories, for any organization: the default territory is one they reach.
    const diourbel = await editable(coachDiourbel);
    const mutual = diourbel.find((item) => item.id === mutualId)!;
    const caimHome = (await sql<{ id: string }>`select home_territory_id as id from organisation where name like 'CAIM Diourbel%'`.execute(t.db)).rows[0]!.id;
    expect(mutual.territoryId).toBe(caimHome);
    expect(diourbel.find((item) => item.id === microstartId)?.territoryId).not.toBe(territories['BE-BRU']);
    const brussels = await editable(coachBrussels);
    expect(brussels.find((item) => item.id === microstartId)?.territoryId).toBe(territories['BE-BRU']);
    expect(brussels.every((item) => item.territoryId === territories['BE-BRU'])).toBe(true);
    // What the list offers, creation accepts.
    const made = await t.inject({ method: 'POST', url: '/api/v1/directory/services', headers: coachDiourbel.headers, payload: { organizationId: mutualId, locale: 'fr', name: 'Permanence CAIM', territoryId: mutual.territoryId } });
    expect(made.statusCode, made.body).toBe(201);
    expect((await t.inject({ method: 'GET', url: '/api/v1/directory/editable-organizations' })).statusCode).toBe(401);
  });

  it('creates a service with its texts, profile, languages and terms in one step: audited with the whole after, found by search', async () => {
    const response = await t.inject({
      method: 'POST',
      url: '/api/v1/directory/services',
      headers: mfi.headers,
      payload: {
        organizationId: mutualId,
        locale: 'fr',
        name: 'Crédit d’équipement agricole',
        description: 'Prêts pour motopompes et semences.',
        eligibilityDescription: 'Membres de la mutuelle depuis six mois.',
        feesDescription: 'Frais de dossier de 1 %.',
        taxonomyTermIds: [terms['FIN-CRD']],
        staffLanguages: ['fr', 'wo'],
        diasporaEligible: true,
        targetGroups: ['farmers', 'women'],
        loanMin: '100000',
        loanMax: '2000000',
        loanCurrency: 'XOF',
        collateralRequired: false,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = ServiceDetailView.parse(response.json());
    expect(created).toMatchObject({ name: 'Crédit d’équipement agricole', eligibility: 'Membres de la mutuelle depuis six mois.', feesDescription: 'Frais de dossier de 1 %.', canEdit: true });
    expect(created.profile).toMatchObject({ staffLanguages: ['fr', 'wo'], diasporaEligible: true, targetGroups: ['farmers', 'women'], loanMin: '100000', loanMax: '2000000', loanCurrency: 'XOF', collateralRequired: false });
    const audit = await lastAudit();
    expect(audit.action).toBe('directory.service_created');
    expect(audit.subjectId).toBe(created.id);
    expect(audit.details.changes.loan_max ?? audit.details.changes.loanMax).toEqual({ after: '2000000' });
    const found = ServiceSearchResult.parse((await t.inject({ method: 'GET', url: '/api/v1/directory/services?q=motopompes&locale=fr&language=wo&targetGroup=farmers' })).json());
    expect(found.items.map((item) => item.id)).toEqual([created.id]);
  });

  it('refuses a new service whose loan range is inverted (400 on /loanMax), writing nothing', async () => {
    const before = (await sql<{ n: number }>`select count(*)::int as n from hsds_service`.execute(t.db)).rows[0]!.n;
    const response = await t.inject({
      method: 'POST',
      url: '/api/v1/directory/services',
      headers: mfi.headers,
      payload: { organizationId: mutualId, locale: 'fr', name: 'Prêt inversé', loanMin: '500', loanMax: '100' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'validation_failed', errors: [{ pointer: '/loanMax' }] });
    expect((await sql<{ n: number }>`select count(*)::int as n from hsds_service`.execute(t.db)).rows[0]!.n).toBe(before);
  });

  it('partner staff cannot create for another organization (404); desk staff cannot place a service outside their territories (404)', async () => {
    const other = await t.inject({ method: 'POST', url: '/api/v1/directory/services', headers: mfi.headers, payload: { organizationId: microstartId, locale: 'fr', name: 'Pris' } });
    expect(other.statusCode).toBe(404);
    const elsewhere = await t.inject({
      method: 'POST',
      url: '/api/v1/directory/services',
      headers: coachDiourbel.headers,
      payload: { organizationId: microstartId, locale: 'fr', name: 'Ailleurs', territoryId: territories['BE-BRU'] },
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('adds a location with address and coordinates to a service: audited, the service found near it', async () => {
    const response = await t.inject({
      method: 'POST',
      url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}/locations`,
      headers: officer.headers,
      payload: { locale: 'fr', name: 'Guichet de Touba', latitude: 14.8667, longitude: -15.8833, address: { address1: 'Route de Mbacké', city: 'Touba', country: 'sn' } },
    });
    expect(response.statusCode, response.body).toBe(201);
    const location = LocationView.parse(response.json());
    expect(location).toMatchObject({ name: 'Guichet de Touba', latitude: 14.8667, longitude: -15.8833, address: 'Route de Mbacké, Touba, SN' });
    expect(location.postalAddress).toEqual({ address1: 'Route de Mbacké', address2: null, city: 'Touba', stateProvince: '', postalCode: '', country: 'SN' });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'directory.location_created', subjectId: location.id });
    expect(audit.details.changes.latitude).toEqual({ after: 14.8667 });
    const service = ServiceDetailView.parse((await t.inject({ method: 'GET', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}?locale=fr` })).json());
    expect(service.locations.map((item) => item.id)).toContain(location.id);
    const near = ServiceSearchResult.parse((await t.inject({ method: 'GET', url: '/api/v1/directory/services?lat=14.8667&lon=-15.8833&radiusKm=1&limit=100' })).json());
    expect(near.items.map((item) => item.id)).toContain(DEMO_SERVICE_IDS.mutualReturneeCredit);
  });

  it('changes a location’s address, with the before and after audited', async () => {
    const address = { address1: 'Avenue Léopold Sédar Senghor 12', postalCode: '26000', city: 'Diourbel', country: 'SN' };
    const response = await t.inject({ method: 'PATCH', url: `/api/v1/directory/locations/${DEMO_LOCATION_IDS.mutualDiourbel}`, headers: mfi.headers, payload: { locale: 'fr', address } });
    expect(response.statusCode, response.body).toBe(200);
    expect(LocationView.parse(response.json()).postalAddress).toMatchObject(address);
    const audit = await lastAudit();
    expect(audit.action).toBe('directory.location_updated');
    expect(audit.details.changes.address.after).toMatchObject({ address1: 'Avenue Léopold Sédar Senghor 12', postalCode: '26000' });
    const removed = await t.inject({ method: 'PATCH', url: `/api/v1/directory/locations/${DEMO_LOCATION_IDS.mutualDiourbel}`, headers: mfi.headers, payload: { locale: 'fr', address: null } });
    expect(LocationView.parse(removed.json())).toMatchObject({ address: null, postalAddress: null });
  });

  it('refuses coordinates out of range or one without the other (400 with pointers), and an address without a city', async () => {
    const url = `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}/locations`;
    const outOfRange = await t.inject({ method: 'POST', url, headers: mfi.headers, payload: { locale: 'fr', latitude: 91, longitude: -181 } });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual(['/latitude', '/longitude']);
    const alone = await t.inject({ method: 'POST', url, headers: mfi.headers, payload: { locale: 'fr', latitude: 14 } });
    expect(alone.statusCode).toBe(400);
    expect(alone.json().errors).toEqual([expect.objectContaining({ pointer: '/longitude' })]);
    const halfNull = await t.inject({ method: 'PATCH', url: `/api/v1/directory/locations/${DEMO_LOCATION_IDS.mutualDiourbel}`, headers: mfi.headers, payload: { locale: 'fr', latitude: 14, longitude: null } });
    expect(halfNull.statusCode).toBe(400);
    const noCity = await t.inject({ method: 'POST', url, headers: mfi.headers, payload: { locale: 'fr', address: { address1: 'Rue 1', city: '', country: 'SN' } } });
    expect(noCity.statusCode).toBe(400);
    expect(noCity.json().errors).toEqual([expect.objectContaining({ pointer: '/address/city' })]);
  });

  it('another organization’s partner or a desk elsewhere cannot add a location (404); nobody signed in gets 401', async () => {
    const before = (await sql<{ n: number }>`select count(*)::int as n from hsds_location`.execute(t.db)).rows[0]!.n;
    const url = `/api/v1/directory/services/${DEMO_SERVICE_IDS.microstartLoan}/locations`;
    expect((await t.inject({ method: 'POST', url, headers: mfi.headers, payload: { locale: 'fr', name: 'x' } })).statusCode).toBe(404);
    expect((await t.inject({ method: 'POST', url, headers: coachDiourbel.headers, payload: { locale: 'fr', name: 'x' } })).statusCode).toBe(404);
    expect((await t.inject({ method: 'POST', url, payload: { locale: 'fr', name: 'x' } })).statusCode).toBe(401);
    expect((await t.inject({ method: 'POST', url: '/api/v1/directory/services/00000000-0000-4000-8000-000000000000/locations', headers: mfi.headers, payload: { locale: 'fr' } })).statusCode).toBe(404);
    expect((await sql<{ n: number }>`select count(*)::int as n from hsds_location`.execute(t.db)).rows[0]!.n).toBe(before);
  });

  it('removes a place with its address and links: the service no longer lists it or is found near it, flags on it resolved, the audit keeps what it held', async () => {
    const created = await t.inject({
      method: 'POST',
      url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}/locations`,
      headers: mfi.headers,
      payload: { locale: 'fr', name: 'Antenne de Ndindy', latitude: 14.6, longitude: -16.05, address: { address1: 'Place du marché', city: 'Ndindy', country: 'SN' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = LocationView.parse(created.json());
    const flagged = await t.inject({ method: 'POST', url: '/api/v1/directory/flags', headers: coachDiourbel.headers, payload: { entityType: 'location', entityId: id, reason: 'Fermée depuis septembre' } });
    expect(flagged.statusCode, flagged.body).toBe(201);
    const nearNdindy = async () =>
      ServiceSearchResult.parse((await t.inject({ method: 'GET', url: '/api/v1/directory/services?lat=14.6&lon=-16.05&radiusKm=1&limit=100' })).json()).items.map((item) => item.id);
    expect(await nearNdindy()).toContain(DEMO_SERVICE_IDS.mutualReturneeCredit);

    // Another organization's partner learns nothing of it; nobody signed in is asked to sign in; nothing is removed.
    expect((await t.inject({ method: 'DELETE', url: `/api/v1/directory/locations/${id}`, headers: coachBrussels.headers })).statusCode).toBe(404);
    expect((await t.inject({ method: 'DELETE', url: `/api/v1/directory/locations/${id}` })).statusCode).toBe(401);
    expect((await t.inject({ method: 'DELETE', url: '/api/v1/directory/locations/not-a-uuid', headers: mfi.headers })).statusCode).toBe(400);

    const removed = await t.inject({ method: 'DELETE', url: `/api/v1/directory/locations/${id}`, headers: mfi.headers });
    expect(removed.statusCode, removed.body).toBe(204);
    const service = ServiceDetailView.parse((await t.inject({ method: 'GET', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}?locale=fr` })).json());
    expect(service.locations.map((item) => item.id)).not.toContain(id);
    expect(await nearNdindy()).not.toContain(DEMO_SERVICE_IDS.mutualReturneeCredit);
    const left = await sql<{ n: number }>`
      select (select count(*) from hsds_address where location_id = ${id}) + (select count(*) from hsds_service_at_location where location_id = ${id})
        + (select count(*) from directory_flag where entity_id = ${id} and resolved_at is null) as n`.execute(t.db);
    expect(Number(left.rows[0]!.n)).toBe(0);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'directory.location_deleted', subjectId: id });
    expect(audit.details.services).toEqual([DEMO_SERVICE_IDS.mutualReturneeCredit]);
    expect(audit.details.changes.name).toEqual({ before: 'Antenne de Ndindy', after: null });
    expect(audit.details.changes.address.before).toMatchObject({ city: 'Ndindy' });
    expect((await t.inject({ method: 'DELETE', url: `/api/v1/directory/locations/${id}`, headers: mfi.headers })).statusCode).toBe(404);
  });
});

