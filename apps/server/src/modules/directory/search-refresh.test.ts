import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-database.js';
import { seedDemo } from '../../demo/seed-demo.js';
import type { Database } from '../../platform/db/database.js';
import { refreshSearchInHalves } from './directory.repository.js';

describe('search documents rebuilt in two halves at once', () => {
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
    // On PostgreSQL the halves run on two connections at once, their words written in one order.
    await refreshSearchInHalves(db, rows.map((row) => row.id), { from: 2 });
    expect(await documents()).toEqual(before);
    expect(await words()).toEqual(vocabulary);
    // The vocabulary is exactly the words of the search rows' keywords (it is read from their texts).
    const { rows: keywordWords } = await sql<{ word: string }>`
      select distinct word from directory_service_search, unnest(tsvector_to_array(to_tsvector('simple', keywords))) as word
      where length(word) >= 3 and word !~ '^[0-9]+$' order by word`.execute(db);
    expect(vocabulary.length).toBeGreaterThan(100);
    expect(vocabulary).toEqual(keywordWords.map((row) => row.word));
  });
});
