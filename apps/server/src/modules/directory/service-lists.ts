import type { CostOptionBody, Locale, ServiceUpdateBody } from '@glocal/contracts';
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { BadRequestError } from '../../platform/errors/app-error.js';

type ServiceLists = Pick<ServiceUpdateBody, 'requiredDocuments' | 'costs' | 'languages'>;

/**
 * A service's documents to bring, cost options and languages, each replaced by the list given (a
 * list left out stays as it is). Items keep their row when they name its id, so that a text rewritten
 * in one language keeps its translations in the others: the source row is rewritten when `locale` is
 * the row's own language, else the translation row. The caller refreshes the search rows and audits.
 */
export async function writeServiceLists(executor: Executor, serviceId: string, locale: Locale, lists: ServiceLists): Promise<void> {
  const { requiredDocuments, costs, languages } = lists;
  if (requiredDocuments) {
    await replaceRows(executor, serviceId, locale, {
      table: 'hsds_required_document', translations: 'hsds_required_document_translation', key: 'required_document_id', pointer: '/requiredDocuments',
      items: requiredDocuments.map(({ id, document }) => ({ id, texts: { document }, values: {} })),
    });
  }
  if (costs) {
    await replaceRows(executor, serviceId, locale, {
      table: 'hsds_cost_option', translations: 'hsds_cost_option_translation', key: 'cost_option_id', pointer: '/costs',
      items: costs.map((cost: CostOptionBody) => ({ id: cost.id, texts: { option: cost.option }, values: { amount: cost.amount, currency: cost.currency } })),
    });
  }
  if (languages) {
    await sql`delete from hsds_language where service_id = ${serviceId}`.execute(executor);
    for (const code of [...new Set(languages)]) await sql`insert into hsds_language (service_id, code) values (${serviceId}, ${code})`.execute(executor);
  }
}

/** The lists as the audit trail records them: source rows, with their translations. */
export const serviceListsSnapshot = (serviceId: RawBuilder<unknown>) => sql`
  coalesce((select jsonb_agg(jsonb_build_object('id', d.id, 'document', d.document, 'translations',
      (select jsonb_object_agg(t.locale, t.document) from hsds_required_document_translation t where t.required_document_id = d.id)) order by d.created_at, d.id)
    from hsds_required_document d where d.service_id = ${serviceId}), '[]'::jsonb) as required_documents,
  coalesce((select jsonb_agg(jsonb_build_object('id', c.id, 'option', c.option, 'amount', c.amount::text, 'currency', c.currency, 'translations',
      (select jsonb_object_agg(t.locale, t.option) from hsds_cost_option_translation t where t.cost_option_id = c.id)) order by c.id)
    from hsds_cost_option c where c.service_id = ${serviceId}), '[]'::jsonb) as costs,
  array(select lg.code from hsds_language lg where lg.service_id = ${serviceId} and lg.code is not null order by 1) as languages`;

interface ListRows {
  table: 'hsds_required_document' | 'hsds_cost_option';
  translations: 'hsds_required_document_translation' | 'hsds_cost_option_translation';
  key: 'required_document_id' | 'cost_option_id';
  /** Where the list sits in the request body, for the errors. */
  pointer: string;
  items: { id: string | undefined; texts: Record<string, string | null | undefined>; values: Record<string, string | null | undefined> }[];
}

async function replaceRows(executor: Executor, serviceId: string, locale: Locale, { table, translations, key, pointer, items }: ListRows): Promise<void> {
  const { rows: held } = await sql<{ id: string; sourceLocale: string }>`select id, source_locale from ${sql.table(table)} where service_id = ${serviceId}`.execute(executor);
  const sourceOf = new Map(held.map((row) => [row.id, row.sourceLocale]));
  const unknown = items.flatMap((item, index) =>
    item.id !== undefined && !sourceOf.has(item.id.toLowerCase()) ? [{ pointer: `${pointer}/${index}/id`, in: 'body' as const, code: 'not_found', params: { value: item.id } }] : [],
  );
  if (unknown.length > 0) throw new BadRequestError('validation_failed', {}, unknown);
  const kept = new Set(items.flatMap((item) => (item.id ? [item.id.toLowerCase()] : [])));
  const dropped = held.filter((row) => !kept.has(row.id)).map((row) => row.id);
  if (dropped.length > 0) await sql`delete from ${sql.table(table)} where id = any(${dropped}::uuid[])`.execute(executor);
  for (const { id, texts, values } of items) {
    // A field left out of an item is left as it is.
    const plain = Object.entries(values).filter(([, value]) => value !== undefined);
    const textual = Object.entries(texts).filter(([, value]) => value !== undefined);
    if (id === undefined) {
      // One at a time, stamped with the clock: the lists read back in the order given.
      const columns = [...textual, ...plain];
      await sql`
        insert into ${sql.table(table)} (service_id, source_locale, created_at, ${sql.join(columns.map(([column]) => sql.ref(column)))})
        values (${serviceId}, ${locale}, clock_timestamp(), ${sql.join(columns.map(([, value]) => sql`${value}`))})`.execute(executor);
      continue;
    }
    const rowId = id.toLowerCase();
    const own = sourceOf.get(rowId) === locale;
    const sets = [...(own ? textual : []), ...plain];
    await sql`update ${sql.table(table)} set ${sql.join([...sets.map(([column, value]) => sql`${sql.ref(column)} = ${value}`), sql`updated_at = now()`])} where id = ${rowId}`.execute(executor);
    if (!own && textual.length > 0) {
      await sql`
        insert into ${sql.table(translations)} (${sql.ref(key)}, locale, ${sql.join(textual.map(([column]) => sql.ref(column)))})
        values (${rowId}, ${locale}, ${sql.join(textual.map(([, value]) => sql`${value}`))})
        on conflict (${sql.ref(key)}, locale) do update set ${sql.join(textual.map(([column]) => sql`${sql.ref(column)} = excluded.${sql.ref(column)}`))}`.execute(executor);
    }
  }
}
