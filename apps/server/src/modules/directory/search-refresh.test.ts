import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-database.js';
import { seedDemo } from '../../demo/seed-demo.js';
import type { Database } from '../../platform/db/database.js';
import { refreshSearchInBulk } from './directory.repository.js';

describe('search documents rebuilt in bulk, each language\'s partition swapped in whole', () => {
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
    await seedDemo(db);
  });
  afterAll(() => drop());

  it('gives every service its five documents and the vocabulary its words, as one refresh does', async () => {
    const documents = async () =>
      (await sql<{ serviceId: string; locale: string; document: string; keywords: string }>`
        select service_id, locale, document::text as document, keywords from directory_service_search order by service_id, locale`.execute(db)).rows;
    const words = async () => (await sql<{ word: string }>`select word from directory_search_word order by word`.execute(db)).rows.map((row) => row.word);
    const before = await documents();
    const vocabulary = await words();
    const { rows } = await sql<{ id: string }>`select id from hsds_service order by id`.execute(db);
    expect(before).toHaveLength(rows.length * 5);

    await sql`delete from directory_service_search`.execute(db);
    await sql`delete from directory_search_word`.execute(db);
    // On PostgreSQL two languages are built at once, on connections of their own.
    await refreshSearchInBulk(db, rows.map((row) => row.id), { from: 2 });
    expect(await documents()).toEqual(before);
    expect(await words()).toEqual(vocabulary);
    // A rebuild for part of the directory keeps the other services' rows as they were, and the
    // partitions keep their indexes and names; a staging table left by a rebuild that died is dropped.
    await sql`create unlogged table directory_search_staging_leftover (like directory_service_search)`.execute(db);
    await sql`delete from directory_service_search where service_id = any(${rows.slice(0, rows.length / 2).map((row) => row.id)}::uuid[])`.execute(db);
    await refreshSearchInBulk(db, rows.slice(0, rows.length / 2).map((row) => row.id), { from: 2 });
    expect(await documents()).toEqual(before);
    const { rows: indexes } = await sql<{ name: string }>`
      select c.relname as name from pg_inherits h join pg_index i on i.indrelid = h.inhrelid join pg_class c on c.oid = i.indexrelid
      where h.inhparent = 'directory_service_search'::regclass and h.inhrelid = 'directory_service_search_fr'::regclass order by 1`.execute(db);
    const { rows: leftovers } = await sql`select 1 from pg_class where relname like 'directory_search_staging%'`.execute(db);
    expect(leftovers).toEqual([]);
    expect(indexes.map((index) => index.name)).toEqual([
      'directory_service_search_fr_cell_idx', 'directory_service_search_fr_document_idx', 'directory_service_search_fr_pkey',
      'directory_service_search_fr_term_ids_idx', 'directory_service_search_fr_territory_id_idx',
    ]);
    // The vocabulary is exactly the words of the search rows' keywords (it is read from their texts).
    const { rows: keywordWords } = await sql<{ word: string }>`
      select distinct word from directory_service_search, unnest(tsvector_to_array(to_tsvector('simple', keywords))) as word
      where length(word) >= 3 and word !~ '^[0-9]+$' order by word`.execute(db);
    expect(vocabulary.length).toBeGreaterThan(100);
    expect(vocabulary).toEqual(keywordWords.map((row) => row.word));
  });
});
