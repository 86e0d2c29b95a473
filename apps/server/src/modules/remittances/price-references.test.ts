import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-database.js';
import type { Database } from '../../platform/db/database.js';

// The price table's references and codes are checked per statement (migrations 202612011300 and
// 202612021000), not by foreign keys and CHECK constraints.
describe('a price names a product and an import that exist', () => {
  let db: Database;
  let drop: () => Promise<void>;
  let productId: string;
  let importId: string;
  const insertPrice = (product: string, importRef: string | null, key: string, codes = { from: 'IT', to: 'SN', currency: 'EUR', period: '2026-Q4' }) => sql`
    insert into remittance_price (product_id, sending_country, receiving_country, sending_currency, receiving_currency, fee_schedule,
      interbank_rate, observed_on, period, source, import_id, natural_key)
    values (${product}, ${codes.from}, ${codes.to}, ${codes.currency}, 'XOF', '{"tiers":[{"fixed":"3"}]}', 655.957, '2026-10-01', ${codes.period}, 'import', ${importRef}, md5(${key})::uuid)`.execute(db);

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase());
    const provider = (await sql<{ id: string }>`insert into remittance_provider (name, type) values ('References test', 'bank') returning id`.execute(db)).rows[0]!.id;
    productId = (await sql<{ id: string }>`insert into remittance_product (provider_id, name, pay_in, pickup, speed) values (${provider}, 'Account', 'cash', 'cash_pickup', 'same_day') returning id`.execute(db)).rows[0]!.id;
    importId = (await sql<{ id: string }>`
      insert into remittance_import (format, file_sha256, rows_total, rows_imported, rows_unchanged, rows_rejected)
      values ('rpw', ${'a'.repeat(64)}, 1, 1, 0, 0) returning id`.execute(db)).rows[0]!.id;
  });
  afterAll(() => drop());

  it('refuses a price of an unknown product or import as a foreign key would, and stores nothing of the statement', async () => {
    await expect(insertPrice('00000000-0000-4000-8000-000000000000', null, 'unknown product')).rejects.toMatchObject({ code: '23503' });
    await expect(insertPrice(productId, '00000000-0000-4000-8000-000000000000', 'unknown import')).rejects.toMatchObject({ code: '23503' });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from remittance_price`.execute(db);
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses a malformed country, currency or period code as the CHECK constraints did', async () => {
    const good = { from: 'IT', to: 'SN', currency: 'EUR', period: '2026-Q4' };
    for (const codes of [{ ...good, from: 'it' }, { ...good, to: 'SEN' }, { ...good, currency: 'EU' }, { ...good, period: '2026-Q5' }]) {
      await expect(insertPrice(productId, null, `bad ${JSON.stringify(codes)}`, codes), JSON.stringify(codes)).rejects.toMatchObject({ code: '23514' });
    }
    await insertPrice(productId, null, 'good codes', good);
    await expect(sql`update remittance_price set sending_country = 'Italy'`.execute(db)).rejects.toMatchObject({ code: '23514' });
    await sql`delete from remittance_price`.execute(db);
  });

  it('deleting an import keeps its prices; deleting a product deletes its prices', async () => {
    await insertPrice(productId, importId, 'kept');
    await sql`delete from remittance_import where id = ${importId}`.execute(db);
    const kept = await sql<{ importId: string | null }>`select import_id from remittance_price`.execute(db);
    expect(kept.rows).toEqual([{ importId: null }]);
    await sql`delete from remittance_product where id = ${productId}`.execute(db);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from remittance_price`.execute(db);
    expect(rows[0]!.n).toBe(0);
  });
});
