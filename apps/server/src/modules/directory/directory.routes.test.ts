import { ServiceDetailView, ServiceSearchResult, TaxonomyTermList, ReviewList, MapPointsView, OpportunityList } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { unzipText } from '../../../test/unzip.js';
import { DEMO_LOCATION_IDS, DEMO_SERVICE_IDS } from './directory.demo.js';

describe('services directory (own API)', () => {
  let t: TestApp;
  let mfi: Session;
  let coachDiourbel: Session;
  let coachBrussels: Session;
  let officer: Session;
  const territories: Record<string, string> = {};
  const terms: Record<string, string> = {};

  const search = async (query: string, headers: Record<string, string> = {}) => {
    const response = await t.inject({ method: 'GET', url: `/api/v1/directory/services?${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return ServiceSearchResult.parse(response.json());
  };
  const lastAudit = async () =>
    (await sql<{ action: string; details: any; subjectId: string }>`select action, details, subject_id from audit_event order by seq desc limit 1`.execute(t.db)).rows[0]!;

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    [mfi, coachDiourbel, coachBrussels, officer] = await Promise.all([
      signIn(t, 'mfi.diourbel@glocal.test'),
      signIn(t, 'coach.diourbel@glocal.test'),
      signIn(t, 'coach.brussels@glocal.test'),
      signIn(t, 'officer.diourbel@glocal.test'),
    ]);
    for (const row of (await sql<{ id: string; code: string }>`select id, code from territory`.execute(t.db)).rows) territories[row.code] = row.id;
    for (const row of (await sql<{ id: string; code: string }>`select id, code from hsds_taxonomy_term`.execute(t.db)).rows) terms[row.code] = row.id;
  });
  afterAll(() => t.close());

  it('the demo directory holds about 150 services, each with a search document per reading language', async () => {
    const { rows } = await sql<{ services: number; documents: number }>`
      select (select count(*) from hsds_service)::int as services, (select count(*) from directory_service_search)::int as documents`.execute(t.db);
    expect(rows[0]!.services).toBeGreaterThanOrEqual(140);
    expect(rows[0]!.documents).toBe(rows[0]!.services * 5);
  });

  it('searches French text with stemming, without accents and with a typo', async () => {
    const stemmed = await search('q=microcrédits&locale=fr');
    expect(stemmed.items.length).toBeGreaterThan(0);
    expect(stemmed.items[0]!.name.toLowerCase()).toContain('microcrédit');
    const unaccented = await search('q=epargne%20diaspora&locale=fr');
    expect(unaccented.items.map((item) => item.name)).toContain('Épargne diaspora – Diourbel');
    const typo = await search('q=microcredti&locale=fr');
    expect(typo.items.some((item) => item.name.toLowerCase().includes('microcrédit'))).toBe(true);
  });

  it('searches in the reader’s language: English names, and Arabic through the taxonomy terms', async () => {
    const english = await search('q=returnee%20loan&locale=en');
    expect(english.items[0]!.name).toMatch(/^Returnee micro-credit/);
    const arabic = await search(`q=${encodeURIComponent('تحويل الأموال')}&locale=ar`);
    expect(arabic.items.length).toBeGreaterThan(0);
    expect(arabic.items.every((item) => item.terms.some((term) => term.code === 'FIN-MTR'))).toBe(true);
    expect(arabic.items[0]!.terms.find((term) => term.code === 'FIN-MTR')!.name).toBe('تحويل الأموال');
  });

  it('treats SQL and HTML in the search box as text', async () => {
    for (const q of ["'; drop table hsds_service; --", '<script>alert(1)</script>', 'a & | ! ( ) :* "', '\\', '%_%']) {
      const response = await t.inject({ method: 'GET', url: `/api/v1/directory/services?q=${encodeURIComponent(q)}` });
      expect(response.statusCode, q).toBe(200);
    }
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from hsds_service`.execute(t.db);
    expect(rows[0]!.n).toBeGreaterThan(100);
  });

  it('filters by taxonomy term (a parent includes its children) and by territory (with sub-territories)', async () => {
    const finance = await search(`taxonomyTermId=${terms.FIN}&limit=100`);
    expect(finance.items.length).toBeGreaterThan(10);
    expect(finance.items.every((item) => item.terms.some((term) => term.code?.startsWith('FIN')))).toBe(true);
    const credit = await search(`taxonomyTermId=${terms['FIN-CRD']}&limit=100`);
    expect(credit.items.length).toBeLessThan(finance.items.length);
    const diourbelRegion = await search(`territoryId=${territories['SN-DB']}&limit=100`);
    const mbacke = await search(`territoryId=${territories['SN-DB-MBA']}&limit=100`);
    expect(mbacke.items.length).toBeGreaterThan(0);
    const regionIds = new Set(diourbelRegion.items.map((item) => item.id));
    expect(mbacke.items.every((item) => regionIds.has(item.id))).toBe(true);
    const brussels = await search(`territoryId=${territories['BE-BRU']}&limit=100`);
    expect(brussels.items.some((item) => regionIds.has(item.id))).toBe(false);
  });

  it('filters by language, cost, eligibility and target group', async () => {
    const wolof = await search('language=wo&limit=100');
    expect(wolof.items.length).toBeGreaterThan(0);
    const free = await search(`cost=free&territoryId=${territories['BE-BRU']}&limit=100`);
    const paid = await search(`cost=paid&territoryId=${territories['BE-BRU']}&limit=100`);
    expect(free.items.length).toBeGreaterThan(0);
    expect(paid.items.length).toBeGreaterThan(0);
    expect(free.items.filter((item) => paid.items.some((p) => p.id === item.id))).toEqual([]);
    const returnees = await search('eligibility=returnee&limit=100');
    expect(returnees.items.map((item) => item.id)).toContain(DEMO_SERVICE_IDS.mutualReturneeCredit);
    const women = await search('targetGroup=women&limit=100');
    expect(women.items.length).toBeGreaterThan(0);
    const bad = await t.inject({ method: 'GET', url: '/api/v1/directory/services?targetGroup=aliens&lat=100' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
  });

  it('sorts by distance from the reader and keeps only what is within the radius', async () => {
    const near = await search('lat=14.79&lon=-15.91&sort=distance&limit=10');
    expect(near.items[0]!.location!.city).toBe('Mbacké');
    const distances = near.items.map((item) => item.distanceKm!);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    const within = await search('lat=50.85&lon=4.35&radiusKm=20&limit=100');
    expect(within.items.length).toBeGreaterThan(0);
    expect(within.items.every((item) => item.distanceKm! <= 20)).toBe(true);
    expect(within.items.every((item) => item.location!.latitude > 50)).toBe(true);
  });

  it('pages with cursors through every result exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ServiceSearchResult = await search(`q=credit&locale=en&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = await search('q=credit&locale=en&limit=100');
    expect(seen).toEqual(all.items.map((item) => item.id));
    expect(new Set(seen).size).toBe(seen.length);
    const tampered = await t.inject({ method: 'GET', url: '/api/v1/directory/services?cursor=bm9wZQ' });
    expect(tampered.statusCode).toBe(400);
  });

  it('answers a service page with what, for whom, how, documents, hours, languages, cost, where and contact', async () => {
    const response = await t.inject({ method: 'GET', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}?locale=en` });
    expect(response.statusCode).toBe(200);
    const service = ServiceDetailView.parse(response.json());
    expect(service.name).toBe('Returnee micro-credit – Diourbel');
    expect(service.requiredDocuments.map((item) => item.document)).toContain('Identity card or passport');
    expect(service.schedules[0]).toMatchObject({ byday: 'MO,TU,WE,TH,FR', opensAt: '09:00', closesAt: '17:00' });
    expect(service.languages.map((l) => l.code)).toContain('wo');
    expect(service.profile).toMatchObject({ loanMin: '250000', loanMax: '5000000', loanCurrency: 'XOF', collateralRequired: true, returneeEligible: true });
    expect(service.locations[0]!.address).toContain('Diourbel');
    expect(service.canEdit).toBe(false);
    const missing = await t.inject({ method: 'GET', url: '/api/v1/directory/services/00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('directory.service_not_found');
  });

  it('never shows a phone marked private', async () => {
    await sql`insert into hsds_phone (service_id, number, is_private) values (${DEMO_SERVICE_IDS.mutualReturneeCredit}, '+221 77 000 00 00', true)`.execute(t.db);
    const service = ServiceDetailView.parse((await t.inject({ method: 'GET', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}` })).json());
    expect(service.contacts.map((contact) => contact.value)).not.toContain('+221 77 000 00 00');
  });

  it('partner staff edit their own organisation’s service; the change is audited with before and after', async () => {
    const response = await t.inject({
      method: 'PATCH',
      url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}`,
      headers: mfi.headers,
      payload: { locale: 'en', name: 'Returnee micro-credit (Diourbel branch)', loanMax: '6000000', verified: true },
    });
    expect(response.statusCode, response.body).toBe(200);
    const service = ServiceDetailView.parse(response.json());
    expect(service.name).toBe('Returnee micro-credit (Diourbel branch)');
    expect(service.profile.loanMax).toBe('6000000');
    expect(service.canEdit).toBe(true);
    const audit = await lastAudit();
    expect(audit.action).toBe('directory.service_updated');
    expect(audit.details.changes.loan_max ?? audit.details.changes.loanMax).toEqual({ before: '5000000', after: '6000000' });
    // French readers still see the French source text; search finds the new English name.
    const french = ServiceDetailView.parse((await t.inject({ method: 'GET', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}?locale=fr` })).json());
    expect(french.name).toBe('Microcrédit retour – Diourbel');
    const found = await search('q=branch&locale=en');
    expect(found.items.map((item) => item.id)).toContain(DEMO_SERVICE_IDS.mutualReturneeCredit);
  });

  it('partner staff cannot edit another organisation’s service or location (404), nor write an empty name (400)', async () => {
    const other = await t.inject({ method: 'PATCH', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.microstartLoan}`, headers: mfi.headers, payload: { locale: 'fr', name: 'Pris' } });
    expect(other.statusCode).toBe(404);
    const empty = await t.inject({ method: 'PATCH', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}`, headers: mfi.headers, payload: { locale: 'fr', name: '' } });
    expect(empty.statusCode).toBe(400);
    // One end of a range changed alone may not invert it: the largest loan below the stored smallest.
    const before = ServiceDetailView.parse((await t.inject({ method: 'GET', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}?locale=fr`, headers: mfi.headers })).json());
    expect(Number(before.profile.loanMin)).toBeGreaterThan(1);
    const inverted = await t.inject({ method: 'PATCH', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}`, headers: mfi.headers, payload: { locale: 'fr', loanMax: '1', alert: 'Nouveau guichet' } });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json()).toMatchObject({ code: 'validation_failed', errors: [{ pointer: '/loanMax', code: 'too_small' }] });
    const after = ServiceDetailView.parse((await t.inject({ method: 'GET', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}?locale=fr`, headers: mfi.headers })).json());
    expect([after.profile.loanMax, after.alert]).toEqual([before.profile.loanMax, before.alert]);
    const location = await t.inject({ method: 'PATCH', url: `/api/v1/directory/locations/${DEMO_LOCATION_IDS.mutualDiourbel}`, headers: coachBrussels.headers, payload: { locale: 'fr', latitude: 14.66, longitude: -16.23 } });
    expect(location.statusCode).toBe(404);
  });

  it('desk staff edit services in their territories only; anyone on a desk may flag any entry', async () => {
    const own = await t.inject({ method: 'PATCH', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.mutualReturneeCredit}`, headers: coachDiourbel.headers, payload: { locale: 'fr', alert: 'Guichet fermé le 4 avril' } });
    expect(own.statusCode, own.body).toBe(200);
    const elsewhere = await t.inject({ method: 'PATCH', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.microstartLoan}`, headers: coachDiourbel.headers, payload: { locale: 'fr', alert: 'x' } });
    expect(elsewhere.statusCode).toBe(404);
    const location = await t.inject({ method: 'PATCH', url: `/api/v1/directory/locations/${DEMO_LOCATION_IDS.mutualDiourbel}`, headers: officer.headers, payload: { locale: 'fr', latitude: 14.66, longitude: -16.23 } });
    expect(location.statusCode, location.body).toBe(200);
    expect((await lastAudit()).action).toBe('directory.location_updated');
    // The search rows follow the location: its services are found where it now is.
    const moved = await search('lat=14.66&lon=-16.23&radiusKm=1&limit=100');
    expect(moved.items.some((item) => item.distanceKm! < 0.01)).toBe(true);
    const flag = await t.inject({ method: 'POST', url: '/api/v1/directory/flags', headers: coachDiourbel.headers, payload: { entityType: 'service', entityId: DEMO_SERVICE_IDS.microstartLoan, reason: 'Le numéro ne répond plus' } });
    expect(flag.statusCode, flag.body).toBe(201);
    expect((await lastAudit()).action).toBe('directory.entry_flagged');
    const partnerFlag = await t.inject({ method: 'POST', url: '/api/v1/directory/flags', headers: mfi.headers, payload: { entityType: 'service', entityId: DEMO_SERVICE_IDS.microstartLoan, reason: 'x' } });
    expect(partnerFlag.statusCode).toBe(403);
    const anonymous = await t.inject({ method: 'PATCH', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.microstartLoan}`, payload: { locale: 'fr' } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lists what needs checking: stale or flagged services, within the reader’s reach', async () => {
    const brussels = ReviewList.parse((await t.inject({ method: 'GET', url: '/api/v1/directory/review?limit=200', headers: coachBrussels.headers })).json());
    expect(brussels.items.map((item) => item.id)).toContain(DEMO_SERVICE_IDS.microstartLoan);
    expect(brussels.items.every((item) => item.stale || item.openFlags > 0)).toBe(true);
    const partner = ReviewList.parse((await t.inject({ method: 'GET', url: '/api/v1/directory/review?limit=200', headers: mfi.headers })).json());
    expect(partner.items.every((item) => item.organizationName.startsWith('Mutuelle'))).toBe(true);
    expect(partner.items.map((item) => item.id)).not.toContain(DEMO_SERVICE_IDS.microstartLoan);
  });

  it('answers each listed service’s open flag reasons; marking it verified resolves them and takes it off the list, audited', async () => {
    const list = async () => ReviewList.parse((await t.inject({ method: 'GET', url: '/api/v1/directory/review?limit=200', headers: coachBrussels.headers })).json()).items;
    const flagged = (await list()).find((item) => item.id === DEMO_SERVICE_IDS.microstartLoan)!;
    expect(flagged.openFlags).toBe(flagged.flagReasons.length);
    expect(flagged.flagReasons).toContain('Le numéro ne répond plus');
    expect((await list()).filter((item) => item.openFlags === 0).every((item) => item.stale && item.flagReasons.length === 0)).toBe(true);
    const verified = await t.inject({ method: 'PATCH', url: `/api/v1/directory/services/${DEMO_SERVICE_IDS.microstartLoan}`, headers: coachBrussels.headers, payload: { locale: 'en', verified: true } });
    expect(verified.statusCode, verified.body).toBe(200);
    expect((await lastAudit()).action).toBe('directory.service_verified');
    expect((await list()).map((item) => item.id)).not.toContain(DEMO_SERVICE_IDS.microstartLoan);
  });

  it('creates a service for one’s own organization, with taxonomy terms checked', async () => {
    const { rows } = await sql<{ id: string }>`select id from hsds_organization where name like 'Mutuelle%'`.execute(t.db);
    const unknownTerm = await t.inject({ method: 'POST', url: '/api/v1/directory/services', headers: mfi.headers, payload: { organizationId: rows[0]!.id, locale: 'fr', name: 'Crédit habitat', taxonomyTermIds: ['00000000-0000-4000-8000-000000000000'] } });
    expect(unknownTerm.statusCode).toBe(400);
    expect(unknownTerm.json().code).toBe('directory.taxonomy_term_unknown');
    const created = await t.inject({ method: 'POST', url: '/api/v1/directory/services', headers: mfi.headers, payload: { organizationId: rows[0]!.id, locale: 'fr', name: 'Crédit habitat', taxonomyTermIds: [terms['FIN-CRD']] } });
    expect(created.statusCode, created.body).toBe(201);
    expect(ServiceDetailView.parse(created.json()).terms.map((term) => term.code)).toEqual(['FIN-CRD']);
    expect((await lastAudit()).action).toBe('directory.service_created');
  });

  it('answers the taxonomy, map points and opportunities', async () => {
    const taxonomy = TaxonomyTermList.parse((await t.inject({ method: 'GET', url: '/api/v1/directory/taxonomy-terms?locale=ar' })).json());
    expect(taxonomy.items.find((term) => term.code === 'FIN')!.name).toBe('التمويل');
    expect(taxonomy.items).toHaveLength(31);
    const points = MapPointsView.parse((await t.inject({ method: 'GET', url: `/api/v1/directory/map-points?territoryId=${territories['IT-34']}` })).json());
    expect(points.points.length).toBeGreaterThan(10);
    expect(points.points.every(([, lat]) => lat > 44 && lat < 47)).toBe(true);
    const opportunities = OpportunityList.parse((await t.inject({ method: 'GET', url: `/api/v1/directory/opportunities?territoryId=${territories['SN-DB']}&locale=en` })).json());
    expect(opportunities.items.map((item) => item.isicCode)).toContain('1040');
    const found = OpportunityList.parse((await t.inject({ method: 'GET', url: '/api/v1/directory/opportunities?q=arachide&locale=fr' })).json());
    expect(found.items[0]!.title).toMatch(/arachide/);
  });

  it('filters opportunities by ISIC Rev.4 section (its divisions), division or class, and by kind', async () => {
    const codes = async (query: string) => {
      const response = await t.inject({ method: 'GET', url: `/api/v1/directory/opportunities?limit=100&${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return OpportunityList.parse(response.json()).items.map((item) => `${item.kind}:${item.isicCode}`).sort();
    };
    expect(await codes('isic=C')).toEqual(['value_chain:1040', 'value_chain:1061', 'value_chain:1512']);
    expect(await codes('isic=A')).toEqual(['income_generating:0146', 'value_chain:0113']);
    expect(await codes('isic=10')).toEqual(['value_chain:1040', 'value_chain:1061']);
    expect(await codes('isic=1512')).toEqual(['value_chain:1512']);
    expect(await codes('kind=investment')).toEqual(['investment:3510', 'investment:4690']);
    expect(await codes('isic=C&kind=investment')).toEqual([]);
    const bad = await t.inject({ method: 'GET', url: '/api/v1/directory/opportunities?isic=ZZ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].pointer).toBe('/isic');
  });

  it('exports the HSDS datapackage as one zip for officers, the same files as the JSON export, audited; desk staff get 403', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/directory/exports/datapackage.zip', headers: officer.headers });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe('attachment; filename="hsds-datapackage.zip"');
    expect((await lastAudit()).action).toBe('directory.hsds_exported');
    const files = unzipText(response.rawPayload);
    expect(files).toEqual((await t.inject({ method: 'GET', url: '/api/v1/directory/exports', headers: officer.headers })).json().files);
    expect(Object.keys(files)).toContain('datapackage.json');
    expect(files['services.csv']!.split('\n').length).toBeGreaterThan(140);
    const coach = await t.inject({ method: 'GET', url: '/api/v1/directory/exports/datapackage.zip', headers: coachDiourbel.headers });
    expect(coach.statusCode).toBe(403);
    expect(coach.headers['content-type']).toMatch(/problem\+json/);
  });
});
