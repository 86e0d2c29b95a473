import type { HsdsImportProblem } from '@glocal/contracts';
import { describe, expect, it } from 'vitest';
import { flattenJson, parseCsvFiles, validateTables } from './hsds-validate.js';

const ORG = '0d5c8a3e-1f2b-4c3d-8e4f-5a6b7c8d9e0f';
const GOOD = '1e6d9b4f-2a3c-4d5e-9f60-6b7c8d9e0f1a';
const BAD = '1e6d9b4f-2a3c-4d5e-9f60-6b7c8d9e0f1b';
const LOCATION = '2f7e0c5a-3b4d-4e6f-a071-7c8d9e0f1a2b';
const AT_GOOD = '3a8f1d6b-4c5e-4f70-b182-8d9e0f1a2b3c';
const AT_BAD = '3a8f1d6b-4c5e-4f70-b182-8d9e0f1a2b3d';
const STORED = '4b9a2e7c-5d6f-4a81-9c93-9e0f1a2b3c4d';
const LOCATION_IN_DATABASE = '6d1c4a9e-7f8b-4ca3-9eb5-1a2b3c4d5e6f';
const AT_STORED = '3a8f1d6b-4c5e-4f70-b182-8d9e0f1a2b3e';

describe('validateTables', () => {
  it('rejects rows that point at rejected rows, to a fixpoint, and accepts keys found in the database', async () => {
    const problems: HsdsImportProblem[] = [];
    const tables = parseCsvFiles(
      {
        'organizations.csv': `id,name,description\n${ORG},Kaay,Coopérative\n`,
        // The second service has a status HSDS does not know: it is rejected, and so is everything that hangs from it.
        'services.csv': `id,organization_id,name,status\n${GOOD},${ORG},Crédit,active\n${BAD},${ORG},Épargne,bogus\n${STORED},${ORG},Tontine,active\n`,
        'locations.csv': `id,location_type,name,latitude,longitude\n${LOCATION},physical,Siège,14.79,-16.93\n`,
        // Phones first: the rows they point at are rejected later in the first pass, so only a second pass rejects them.
        'phones.csv': `id,service_at_location_id,number\n5c0b3f8d-6e7a-4b92-8da4-0f1a2b3c4d5e,${AT_GOOD},+221 33 000 00 00\n5c0b3f8d-6e7a-4b92-8da4-0f1a2b3c4d5f,${AT_BAD},+221 33 000 00 01\n`,
        'service_at_location.csv': `id,service_id,location_id\n${AT_GOOD},${GOOD},${LOCATION}\n${AT_BAD},${BAD},${LOCATION}\n${AT_STORED},${STORED},${LOCATION_IN_DATABASE}\n`,
      },
      problems,
    );
    expect(problems).toEqual([]);
    const asked: string[] = [];
    const valid = await validateTables(tables, async (resource, ids) => (asked.push(`${resource} ${ids}`), new Set(ids.filter((id) => id === LOCATION_IN_DATABASE))), problems);
    expect(problems.map(({ table, row, field, reason }) => `${table} ${row} ${field} ${reason}`).sort()).toEqual([
      'phone 2 service_at_location_id references_rejected_row',
      'service 2 status not_in_enum',
      'service_at_location 2 service_id references_rejected_row',
    ]);
    expect(valid.get('service')!.rows.map((row) => row.id)).toEqual([GOOD, STORED]);
    expect(valid.get('service_at_location')!.rows.map((row) => row.id)).toEqual([AT_GOOD, AT_STORED]);
    expect(valid.get('phone')!.rows).toHaveLength(1);
    // The database is asked only about the keys that name no row of the import.
    expect(asked).toEqual([`location ${LOCATION_IN_DATABASE}`]);
  });

  it('rejects a location with one coordinate but not the other, naming the missing one', async () => {
    const problems: HsdsImportProblem[] = [];
    const tables = parseCsvFiles(
      { 'locations.csv': `id,location_type,name,latitude,longitude\n${LOCATION},physical,Siège,14.79,\n${LOCATION_IN_DATABASE},physical,Annexe,,-16.93\n${STORED},physical,Both,14.79,-16.93\n` },
      problems,
    );
    const valid = await validateTables(tables, async () => new Set(), problems);
    expect(problems).toEqual([
      { table: 'location', row: 1, field: 'longitude', reason: 'coordinates_incomplete' },
      { table: 'location', row: 2, field: 'latitude', reason: 'coordinates_incomplete' },
    ]);
    expect(valid.get('location')!.rows.map((row) => row.id)).toEqual([STORED]);
  });

  it('refuses a file that is not UTF-8 as a whole, naming the first cell where it shows', () => {
    const problems: HsdsImportProblem[] = [];
    // What a Latin-1 "Coopérative" becomes once decoded as UTF-8.
    const tables = parseCsvFiles({ 'organizations.csv': `id,name,description\n${ORG},Kaay,Fine\n${GOOD},Coop\uFFFDrative,Thi\uFFFDs\n` }, problems);
    expect(problems).toEqual([{ table: 'organization', row: 2, field: 'name', reason: 'invalid_encoding' }]);
    expect(tables.has('organization')).toBe(false);
  });

  it('reports nested JSON that is not an object (a number, null, a list of lists) instead of failing', () => {
    const problems: HsdsImportProblem[] = [];
    const tables = flattenJson(
      [
        { id: GOOD, organization_id: ORG, name: 'Crédit', status: 'active', phones: [42], service_at_locations: 7, attributes: [null], languages: [[{ id: LOCATION }]] },
        null,
        'service',
      ],
      problems,
    );
    expect(problems.map(({ table, row, field, reason }) => `${table} ${row} ${field} ${reason}`)).toEqual([
      'service 1 phones not_an_object',
      'service 1 service_at_locations not_an_object',
      'service 1 attributes not_an_object',
      'service 1 languages not_an_object',
      'service 2 null not_an_object',
      'service 3 null not_an_object',
    ]);
    expect(tables.get('service')!.rows.map((row) => row.id)).toEqual([GOOD]);
  });
});
