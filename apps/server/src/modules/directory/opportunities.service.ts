import type { Locale, OpportunityCreateBody, OpportunityDetailView, OpportunityKind, OpportunityQuery, OpportunityTexts, OpportunityUpdateBody, ProblemFieldError } from '@glocal/contracts';
import { sql } from 'kysely';
import type { Access } from '../../platform/access/access.js';
import type { ResourceScope } from '../../platform/access/policies/index.js';
import type { Actor } from '../../platform/auth/actor.js';
import { changedFields, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { BadRequestError, NotFoundError } from '../../platform/errors/app-error.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { directoryRepository } from './directory.repository.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail };
export type OpportunitiesService = ReturnType<typeof createOpportunitiesService>;

const SUBJECT = 'directory_opportunity';
/** An empty optional text is no text. */
const orNull = (value: string | null | undefined) => (value === undefined ? undefined : value === null || value.trim() === '' ? null : value);
const fieldError = (pointer: string, code: string): ProblemFieldError => ({ pointer, in: 'body', code });

/**
 * Economic opportunities of a territory (ISIC Rev.4 sectors): listed, searched and read by
 * everyone; created, changed and deleted under `directory:edit`, like services: desk staff and territory
 * officers in their territories, partner staff for their own organisation's opportunities. Their
 * search reads the opportunity rows themselves (no search rows to refresh), so a change is found at once.
 */
export function createOpportunitiesService({ db, access, audit }: Deps) {
  /** Who may act on an opportunity in this territory, offered by this HSDS organization (if any). */
  async function scopeOf(executor: Executor, territoryId: string, organizationId: string | null, id?: string): Promise<ResourceScope> {
    const owner = organizationId
      ? (await sql<{ organisationId: string | null }>`select organisation_id from hsds_organization where id = ${organizationId}`.execute(executor)).rows[0]?.organisationId ?? null
      : null;
    return {
      organisationId: owner,
      organisationIds: await directoryRepository(executor).organisationsReaching(territoryId),
      ...(id ? { subject: { type: SUBJECT, id } } : {}),
    };
  }

  async function stored(executor: Executor, id: string) {
    const { rows } = await sql<{ territoryId: string; organizationId: string | null; sourceLocale: Locale }>`
      select territory_id, organization_id, source_locale from directory_opportunity where id = ${id}`.execute(executor);
    if (!rows[0]) throw new NotFoundError('directory.opportunity_not_found', { id });
    return rows[0];
  }

  /** The territory and organization named by a body exist (400 on the field otherwise). */
  async function checkReferences(executor: Executor, input: { territoryId?: string | undefined; organizationId?: string | null | undefined }) {
    const errors: ProblemFieldError[] = [];
    if (input.territoryId && (await sql`select 1 from territory where id = ${input.territoryId}`.execute(executor)).rows.length === 0) {
      errors.push(fieldError('/territoryId', 'unknown_territory'));
    }
    if (input.organizationId && (await sql`select 1 from hsds_organization where id = ${input.organizationId}`.execute(executor)).rows.length === 0) {
      errors.push(fieldError('/organizationId', 'unknown_organization'));
    }
    if (errors.length > 0) throw new BadRequestError('validation_failed', {}, errors);
  }

  /** The audited shape of an opportunity: its row and its translations. */
  async function snapshot(executor: Executor, id: string) {
    const { rows } = await sql<Record<string, unknown>>`
      select op.territory_id, op.kind, op.isic_code, op.title, op.description, op.contact_name, op.contact_email, op.contact_phone,
        op.organization_id, op.source_locale,
        coalesce((select jsonb_object_agg(t.locale, jsonb_strip_nulls(to_jsonb(t) - 'opportunity_id' - 'locale'))
          from directory_opportunity_translation t where t.opportunity_id = op.id), '{}'::jsonb) as translations
      from directory_opportunity op where op.id = ${id}`.execute(executor);
    return rows[0]!;
  }

  /** Writes (or, with null, removes) the texts of other languages than the source's. */
  async function writeTranslations(executor: Executor, id: string, sourceLocale: Locale, translations: Partial<Record<Locale, OpportunityTexts | null>>) {
    const entries = Object.entries(translations) as [Locale, OpportunityTexts | null][];
    const own = entries.find(([locale]) => locale === sourceLocale);
    if (own) throw new BadRequestError('validation_failed', {}, [fieldError(`/translations/${sourceLocale}`, 'custom')]);
    for (const [locale, texts] of entries) {
      if (texts === null) {
        await sql`delete from directory_opportunity_translation where opportunity_id = ${id} and locale = ${locale}`.execute(executor);
      } else {
        await sql`
          insert into directory_opportunity_translation (opportunity_id, locale, title, description) values (${id}, ${locale}, ${texts.title}, ${texts.description})
          on conflict (opportunity_id, locale) do update set title = excluded.title, description = excluded.description`.execute(executor);
      }
    }
  }

  async function detail(actor: Actor | null, id: string, locale: Locale): Promise<OpportunityDetailView> {
    const { rows } = await sql<{
      id: string; kind: OpportunityKind; isicCode: string; title: string; description: string; territoryId: string; territoryName: string | null;
      contactName: string | null; contactEmail: string | null; contactPhone: string | null; organizationId: string | null; sourceLocale: Locale;
      texts: Partial<Record<Locale, { title: string | null; description: string | null }>>;
    }>`
      select op.id, op.kind, op.isic_code, coalesce(tr.title, op.title) as title, coalesce(tr.description, op.description) as description,
        op.territory_id, tn.name as territory_name, op.contact_name, op.contact_email, op.contact_phone, op.organization_id, op.source_locale,
        jsonb_build_object(op.source_locale, jsonb_build_object('title', op.title, 'description', op.description)) ||
          coalesce((select jsonb_object_agg(t.locale, jsonb_build_object('title', t.title, 'description', t.description))
            from directory_opportunity_translation t where t.opportunity_id = op.id and t.locale <> op.source_locale), '{}'::jsonb) as texts
      from directory_opportunity op
      left join directory_opportunity_translation tr on tr.opportunity_id = op.id and tr.locale = ${locale}
      left join territory_name tn on tn.territory_id = op.territory_id and tn.locale = ${locale}
      where op.id = ${id}`.execute(db);
    const row = rows[0];
    if (!row) throw new NotFoundError('directory.opportunity_not_found', { id });
    const canEdit = Boolean(actor && access.can(actor, 'directory:edit', await scopeOf(db, row.territoryId, row.organizationId)));
    return { ...row, canEdit };
  }

  return {
    get: (actor: Actor | null, id: string, locale: Locale) => detail(actor, id, locale),

    /** The opportunities a search finds (text, territory with its sub-territories, kind, ISIC), each saying whether the reader may edit it. */
    async list(actor: Actor | null, query: OpportunityQuery, locale: Locale) {
      const after = query.cursor ? (decodeCursor(query.cursor, 2).map(String) as [string, string]) : undefined;
      const rows = await directoryRepository(db).opportunities({ ...query, locale }, after, query.limit + 1);
      // Scopes are looked up only for a reader who may edit at all, once per territory and organization of the page.
      const editor = actor && access.can(actor, 'directory:edit') ? actor : null;
      const scopes = new Map<string, Promise<ResourceScope>>();
      const editable = new Map<string, boolean>();
      for (const row of rows.slice(0, query.limit)) {
        if (!editor) break;
        const key = `${row.territoryId} ${row.organizationId ?? ''}`;
        if (!scopes.has(key)) scopes.set(key, scopeOf(db, row.territoryId, row.organizationId));
        editable.set(row.id, access.can(editor, 'directory:edit', await scopes.get(key)!));
      }
      return toPage(rows, query.limit, (row) => [row.sortKey, row.id], ({ sortKey: _sortKey, organizationId: _organizationId, ...row }) => ({
        ...row,
        kind: row.kind as OpportunityKind,
        canEdit: editable.get(row.id) ?? false,
      }));
    },

    async create(actor: Actor | null, input: OpportunityCreateBody, request: Request) {
      await checkReferences(db, input);
      const scope = await scopeOf(db, input.territoryId, input.organizationId ?? null);
      const editor = await access.require(actor, 'directory:edit', scope, { whenDenied: 'not_found', request });
      const id = await db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ id: string }>`
          insert into directory_opportunity (territory_id, kind, isic_code, title, description, contact_name, contact_email, contact_phone, organization_id, source_locale)
          values (${input.territoryId}, ${input.kind}, ${input.isicCode}, ${input.title}, ${input.description}, ${orNull(input.contactName) ?? null},
            ${orNull(input.contactEmail) ?? null}, ${orNull(input.contactPhone) ?? null}, ${input.organizationId ?? null}, ${input.locale})
          returning id`.execute(trx);
        const created = rows[0]!.id;
        await writeTranslations(trx, created, input.locale, input.translations ?? {});
        await audit.record(trx, {
          actor: editor,
          action: 'directory.opportunity_created',
          subject: { type: SUBJECT, id: created },
          organisationId: scope.organisationId ?? null,
          details: { changes: changedFields(undefined, await snapshot(trx, created)) },
          request,
        });
        return created;
      });
      return detail(editor, id, input.locale);
    },

    async update(actor: Actor | null, id: string, input: OpportunityUpdateBody, request: Request) {
      const found = await stored(db, id);
      const scope = await scopeOf(db, found.territoryId, found.organizationId, id);
      const editor = await access.require(actor, 'directory:edit', scope, { whenDenied: 'not_found', request });
      await checkReferences(db, input);
      if ((input.territoryId && input.territoryId !== found.territoryId) || (input.organizationId !== undefined && input.organizationId !== found.organizationId)) {
        // Moved or handed to another organization: the editor must reach it where it goes too.
        const target = await scopeOf(db, input.territoryId ?? found.territoryId, input.organizationId === undefined ? found.organizationId : input.organizationId, id);
        await access.require(editor, 'directory:edit', target, { request });
      }
      await db.transaction().execute(async (trx) => {
        const before = await snapshot(trx, id);
        const { locale, title, description, translations, ...fields } = input;
        const columns: [string, unknown][] = [
          ['territory_id', fields.territoryId],
          ['kind', fields.kind],
          ['isic_code', fields.isicCode],
          ['contact_name', orNull(fields.contactName)],
          ['contact_email', orNull(fields.contactEmail)],
          ['contact_phone', orNull(fields.contactPhone)],
          ['organization_id', fields.organizationId],
          ...(locale === found.sourceLocale ? ([['title', title], ['description', description]] as [string, unknown][]) : []),
        ];
        const sets = columns.filter(([, value]) => value !== undefined).map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
        await sql`update directory_opportunity set ${sql.join([...sets, sql`updated_at = now()`])} where id = ${id}`.execute(trx);
        if (locale !== found.sourceLocale && (title !== undefined || description !== undefined)) {
          if (translations?.[locale] !== undefined) throw new BadRequestError('validation_failed', {}, [fieldError(`/translations/${locale}`, 'custom')]);
          // A language's texts given by `locale`: written as its translation (a new one needs both).
          const { rows } = await sql<{ n: number }>`
            select count(*)::int as n from directory_opportunity_translation where opportunity_id = ${id} and locale = ${locale}`.execute(trx);
          if (rows[0]!.n === 0 && (title === undefined || description === undefined)) {
            throw new BadRequestError('validation_failed', {}, [fieldError(title === undefined ? '/title' : '/description', 'invalid_type')]);
          }
          await sql`
            insert into directory_opportunity_translation (opportunity_id, locale, title, description) values (${id}, ${locale}, ${title ?? null}, ${description ?? null})
            on conflict (opportunity_id, locale) do update set
              title = coalesce(excluded.title, directory_opportunity_translation.title),
              description = coalesce(excluded.description, directory_opportunity_translation.description)`.execute(trx);
        }
        if (translations) await writeTranslations(trx, id, found.sourceLocale, translations);
        const after = await snapshot(trx, id);
        await audit.record(trx, {
          actor: editor,
          action: 'directory.opportunity_updated',
          subject: { type: SUBJECT, id },
          organisationId: scope.organisationId ?? null,
          details: { changes: changedFields(before, after) },
          request,
        });
      });
      return detail(editor, id, input.locale);
    },

    /** Deletes an opportunity and its translations; the audit trail keeps what it held, and its open flags are closed. */
    async remove(actor: Actor | null, id: string, request: Request) {
      const found = await stored(db, id);
      const scope = await scopeOf(db, found.territoryId, found.organizationId, id);
      const editor = await access.require(actor, 'directory:edit', scope, { whenDenied: 'not_found', request });
      await db.transaction().execute(async (trx) => {
        const before = await snapshot(trx, id);
        await sql`delete from directory_opportunity where id = ${id}`.execute(trx);
        await sql`update directory_flag set resolved_at = now(), resolved_by = ${editor.userId} where entity_type = 'opportunity' and entity_id = ${id} and resolved_at is null`.execute(trx);
        await audit.record(trx, {
          actor: editor,
          action: 'directory.opportunity_deleted',
          subject: { type: SUBJECT, id },
          organisationId: scope.organisationId ?? null,
          details: { changes: Object.fromEntries(Object.entries(before).map(([field, value]) => [field, { before: value, after: null }])) },
          request,
        });
      });
    },
  };
}
