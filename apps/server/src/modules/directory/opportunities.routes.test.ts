import { OpportunityDetailView, OpportunityList } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { demoId } from './directory.demo.js';

const GROUNDNUT = demoId('opportunity:groundnut'); // Diourbel
const FOOD = demoId('opportunity:food'); // Brussels
const COWPEA = demoId('opportunity:cowpea'); // Bambey, served by the Diourbel desk

describe('economic opportunities: create, edit, delete', () => {
  let t: TestApp;
  let coachDiourbel: Session;
  let coachBrussels: Session;
  let officer: Session;
  let mfi: Session;
  let dpo: Session;
  const territories: Record<string, string> = {};
  let mutualOrganizationId: string;

  const lastAudit = async () =>
    (await sql<{ action: string; details: any; subjectType: string; subjectId: string }>`
      select action, details, subject_type, subject_id from audit_event order by seq desc limit 1`.execute(t.db)).rows[0]!;
  const search = async (query: string) => {
    const response = await t.inject({ method: 'GET', url: `/api/v1/directory/opportunities?limit=100&${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return OpportunityList.parse(response.json()).items;
  };
  const valid = () => ({
    territoryId: territories['SN-DB-BAM']!,
    kind: 'income_generating',
    isicCode: '0141',
    locale: 'fr',
    title: 'Embouche bovine à Mbacké',
    description: 'Engraissement de bovins pour les fêtes religieuses, avec un accès au marché de Touba.',
    contactName: 'ARD Diourbel',
    contactEmail: 'contact@ard-diourbel.example',
    contactPhone: '+221 33 971 00 00',
    translations: { en: { title: 'Cattle fattening in Mbacké', description: 'Fattening cattle for the religious festivals, with access to the Touba market.' } },
  });
  const create = (session: Session, payload: unknown) => t.inject({ method: 'POST', url: '/api/v1/directory/opportunities', headers: session.headers, payload: payload as object });

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    [coachDiourbel, coachBrussels, officer, mfi, dpo] = await Promise.all([
      signIn(t, 'coach.diourbel@glocal.test'),
      signIn(t, 'coach.brussels@glocal.test'),
      signIn(t, 'officer.diourbel@glocal.test'),
      signIn(t, 'mfi.diourbel@glocal.test'),
      signIn(t, 'dpo@glocal.test'),
    ]);
    for (const row of (await sql<{ id: string; code: string }>`select id, code from territory`.execute(t.db)).rows) territories[row.code] = row.id;
    mutualOrganizationId = (await sql<{ id: string }>`select id from hsds_organization where name like 'Mutuelle%' order by name limit 1`.execute(t.db)).rows[0]!.id;
  });
  afterAll(() => t.close());

  it('a coach creates an opportunity in their territory, in two languages; it is audited and found by search at once', async () => {
    const response = await create(coachDiourbel, valid());
    expect(response.statusCode, response.body).toBe(201);
    const created = OpportunityDetailView.parse(response.json());
    expect(created).toMatchObject({ kind: 'income_generating', isicCode: '0141', title: 'Embouche bovine à Mbacké', sourceLocale: 'fr', canEdit: true, territoryId: territories['SN-DB-BAM'] });
    expect(created.texts.en).toEqual({ title: 'Cattle fattening in Mbacké', description: 'Fattening cattle for the religious festivals, with access to the Touba market.' });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'directory.opportunity_created', subjectType: 'directory_opportunity', subjectId: created.id });
    expect(audit.details.changes.isicCode).toEqual({ before: undefined, after: '0141' });
    expect(audit.details.changes.translations.after.en.title).toBe('Cattle fattening in Mbacké');

    expect((await search('q=embouche&locale=fr')).map((item) => item.id)).toContain(created.id);
    expect((await search('q=cattle%20fattening&locale=en')).map((item) => item.id)).toContain(created.id);
    expect((await search(`isic=A&territoryId=${territories['SN-DB']}`)).map((item) => item.id)).toContain(created.id);
    const english = OpportunityDetailView.parse((await t.inject({ method: 'GET', url: `/api/v1/directory/opportunities/${created.id}?locale=en` })).json());
    expect([english.title, english.canEdit]).toEqual(['Cattle fattening in Mbacké', false]);
  });

  it('answers 400 on each field: ISIC code, territory, kind, texts, contact e-mail and phone, translations', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ isicCode: '0' }, '/isicCode'],
      [{ isicCode: '0400' }, '/isicCode'], // no division 04 in ISIC Rev.4
      [{ isicCode: 'Z' }, '/isicCode'],
      [{ territoryId: '00000000-0000-4000-8000-000000000000' }, '/territoryId'],
      [{ territoryId: 'Diourbel' }, '/territoryId'],
      [{ kind: 'charity' }, '/kind'],
      [{ title: '  ' }, '/title'],
      [{ title: 'x'.repeat(201) }, '/title'],
      [{ description: '' }, '/description'],
      [{ locale: 'de' }, '/locale'],
      [{ contactEmail: 'not an address' }, '/contactEmail'],
      [{ contactPhone: 'call me' }, '/contactPhone'],
      [{ contactName: 'x'.repeat(201) }, '/contactName'],
      [{ organizationId: '00000000-0000-4000-8000-000000000000' }, '/organizationId'],
      [{ translations: { de: { title: 'Rindermast', description: 'Mast' } } }, '/translations'], // not one of the five languages
      [{ translations: { en: { title: '', description: 'x' } } }, '/translations/en/title'],
      [{ translations: { fr: { title: 'Doublon', description: 'x' } } }, '/translations/fr'],
      [{ unexpected: true }, ''], // unknown fields are refused
    ];
    const before = (await sql<{ n: number }>`select count(*)::int as n from directory_opportunity`.execute(t.db)).rows[0]!.n;
    for (const [change, pointer] of cases) {
      const response = await create(coachDiourbel, { ...valid(), ...change });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      const pointers = response.json().errors.map((error: { pointer: string }) => error.pointer);
      expect(pointers, JSON.stringify(change)).toContain(pointer);
    }
    const { territoryId: _territoryId, ...withoutTerritory } = valid();
    expect((await create(coachDiourbel, withoutTerritory)).json().errors[0].pointer).toBe('/territoryId');
    expect((await sql<{ n: number }>`select count(*)::int as n from directory_opportunity`.execute(t.db)).rows[0]!.n).toBe(before);
  });

  it('outside the editor’s territories, creating, changing and deleting answer 404 and write nothing', async () => {
    const brussels = await create(coachDiourbel, { ...valid(), territoryId: territories['BE-BRU'] });
    expect(brussels.statusCode).toBe(404);
    expect(brussels.headers['content-type']).toMatch(/problem\+json/);
    const patch = await t.inject({ method: 'PATCH', url: `/api/v1/directory/opportunities/${GROUNDNUT}`, headers: coachBrussels.headers, payload: { locale: 'fr', title: 'Pris' } });
    expect(patch.statusCode).toBe(404);
    const remove = await t.inject({ method: 'DELETE', url: `/api/v1/directory/opportunities/${GROUNDNUT}`, headers: coachBrussels.headers });
    expect(remove.statusCode).toBe(404);
    expect((await lastAudit()).action).toBe('access.denied');
    // Moving one's own opportunity to a territory one does not serve is refused too (403: it can be seen).
    const move = await t.inject({ method: 'PATCH', url: `/api/v1/directory/opportunities/${COWPEA}`, headers: coachDiourbel.headers, payload: { locale: 'fr', territoryId: territories['BE-BRU'] } });
    expect(move.statusCode).toBe(403);
    expect((await sql<{ territoryId: string }>`select territory_id from directory_opportunity where id = ${COWPEA}`.execute(t.db)).rows[0]!.territoryId).toBe(territories['SN-DB-BAM']);
    const { rows } = await sql<{ title: string; territoryId: string }>`select title, territory_id from directory_opportunity where id = ${GROUNDNUT}`.execute(t.db);
    expect(rows[0]).toEqual({ title: 'Transformation de l’arachide en huile et pâte', territoryId: territories['SN-DB'] });
    const missing = await t.inject({ method: 'PATCH', url: '/api/v1/directory/opportunities/00000000-0000-4000-8000-000000000000', headers: officer.headers, payload: { locale: 'fr', title: 'x' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('directory.opportunity_not_found');
    const dpoCreate = await create(dpo, valid());
    expect(dpoCreate.statusCode).toBe(403);
    const anonymous = await t.inject({ method: 'POST', url: '/api/v1/directory/opportunities', payload: valid() });
    expect(anonymous.statusCode).toBe(401);
  });

  it('an officer edits an opportunity (sector, contact, a translation), audited with before and after; search follows', async () => {
    const response = await t.inject({
      method: 'PATCH',
      url: `/api/v1/directory/opportunities/${GROUNDNUT}`,
      headers: officer.headers,
      payload: { locale: 'en', title: 'Groundnut oil and paste processing units', isicCode: '1079', contactEmail: 'filieres@ard-diourbel.example', translations: { es: { title: 'Procesamiento del cacahuete', description: 'Unidades de transformación en Diourbel.' } } },
    });
    expect(response.statusCode, response.body).toBe(200);
    const changed = OpportunityDetailView.parse(response.json());
    expect([changed.title, changed.isicCode, changed.contactEmail]).toEqual(['Groundnut oil and paste processing units', '1079', 'filieres@ard-diourbel.example']);
    expect(changed.texts.fr!.title).toBe('Transformation de l’arachide en huile et pâte');
    expect(Object.keys(changed.texts).sort()).toEqual(['en', 'es', 'fr']);
    const audit = await lastAudit();
    expect(audit.action).toBe('directory.opportunity_updated');
    expect(audit.details.changes.isicCode).toEqual({ before: '1040', after: '1079' });
    expect(audit.details.changes.contactEmail).toEqual({ before: null, after: 'filieres@ard-diourbel.example' });
    expect(audit.details.changes.translations.before.en.title).toBe('Processing groundnuts into oil and paste');
    expect(audit.details.changes.translations.after.en.title).toBe('Groundnut oil and paste processing units');
    expect((await search('q=units&locale=en')).map((item) => item.id)).toContain(GROUNDNUT);
    expect((await search('q=cacahuete&locale=es')).map((item) => item.id)).toContain(GROUNDNUT);
    expect((await search('isic=10')).map((item) => item.id)).toContain(GROUNDNUT);
    // A translation removed with null; a PATCH with a bad field changes nothing.
    const removed = await t.inject({ method: 'PATCH', url: `/api/v1/directory/opportunities/${GROUNDNUT}`, headers: officer.headers, payload: { locale: 'fr', translations: { es: null } } });
    expect(Object.keys(OpportunityDetailView.parse(removed.json()).texts).sort()).toEqual(['en', 'fr']);
    const bad = await t.inject({ method: 'PATCH', url: `/api/v1/directory/opportunities/${GROUNDNUT}`, headers: officer.headers, payload: { locale: 'fr', isicCode: '0450', title: 'Autre' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { pointer: string }) => error.pointer)).toEqual(['/isicCode']);
    // A new language's texts through `locale` need both a title and a description.
    const half = await t.inject({ method: 'PATCH', url: `/api/v1/directory/opportunities/${GROUNDNUT}`, headers: officer.headers, payload: { locale: 'ar', title: 'تحويل الفول السوداني' } });
    expect(half.statusCode).toBe(400);
    expect(half.json().errors[0].pointer).toBe('/description');
  });

  it('the list says which opportunities the reader may edit: those of their territories or organization', async () => {
    const editable = async (session: Session | null) => {
      const response = await t.inject({ method: 'GET', url: '/api/v1/directory/opportunities?limit=100', headers: session?.headers ?? {} });
      expect(response.statusCode, response.body).toBe(200);
      return new Map(OpportunityList.parse(response.json()).items.map((item) => [item.id, item.canEdit]));
    };
    const byOfficer = await editable(officer);
    expect([byOfficer.get(GROUNDNUT), byOfficer.get(COWPEA), byOfficer.get(FOOD)]).toEqual([true, true, false]);
    const byCoach = await editable(coachDiourbel);
    expect([byCoach.get(GROUNDNUT), byCoach.get(COWPEA)]).toEqual([false, true]);
    expect([...(await editable(null)).values()].every((canEdit) => !canEdit)).toBe(true);
    expect([...(await editable(dpo)).values()].every((canEdit) => !canEdit)).toBe(true);
  });

  it('partner staff edit the opportunities their organisation offers, not others (404)', async () => {
    const offered = await create(officer, { ...valid(), title: 'Crédit pour l’embouche', organizationId: mutualOrganizationId, translations: {} });
    expect(offered.statusCode, offered.body).toBe(201);
    const id = OpportunityDetailView.parse(offered.json()).id;
    const own = await t.inject({ method: 'PATCH', url: `/api/v1/directory/opportunities/${id}`, headers: mfi.headers, payload: { locale: 'fr', contactPhone: '+221 33 976 11 11' } });
    expect(own.statusCode, own.body).toBe(200);
    expect(OpportunityDetailView.parse(own.json())).toMatchObject({ contactPhone: '+221 33 976 11 11', canEdit: true, organizationId: mutualOrganizationId });
    const listed = OpportunityList.parse((await t.inject({ method: 'GET', url: '/api/v1/directory/opportunities?limit=100', headers: mfi.headers })).json()).items;
    expect(listed.filter((item) => item.canEdit).map((item) => item.id)).toEqual([id]);
    const other = await t.inject({ method: 'PATCH', url: `/api/v1/directory/opportunities/${GROUNDNUT}`, headers: mfi.headers, payload: { locale: 'fr', contactPhone: '+221 33 976 11 11' } });
    expect(other.statusCode).toBe(404);
  });

  it('deletes an opportunity with its translations, audited with what it held; it is no longer found', async () => {
    const response = await t.inject({ method: 'DELETE', url: `/api/v1/directory/opportunities/${FOOD}`, headers: coachBrussels.headers });
    expect(response.statusCode, response.body).toBe(204);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'directory.opportunity_deleted', subjectId: FOOD });
    expect(audit.details.changes.title).toEqual({ before: 'Restauration et traiteur africain à Bruxelles', after: null });
    expect((await sql`select 1 from directory_opportunity_translation where opportunity_id = ${FOOD}`.execute(t.db)).rows).toHaveLength(0);
    expect((await search('q=traiteur&locale=fr')).map((item) => item.id)).not.toContain(FOOD);
    const again = await t.inject({ method: 'GET', url: `/api/v1/directory/opportunities/${FOOD}` });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('directory.opportunity_not_found');
  });
});
