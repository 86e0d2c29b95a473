import {
  BUSINESS_STAGES,
  type CaseAssignBody,
  type CaseBoardView,
  type CaseCloseBody,
  type CaseCreateBody,
  type CaseDetailView,
  type CaseListQuery,
  type CaseUpdateBody,
  type Locale,
  type ProblemFieldError,
} from '@glocal/contracts';
import { sql } from 'kysely';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { changedFields, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { AppError, BadRequestError, ConflictError, NotFoundError } from '../../platform/errors/app-error.js';
import { decodeTimeCursor, toPage } from '../../platform/http/cursor.js';
import { caseLeadScope, type CaseScope } from './case-access.js';
import { createCaseGuard, desksOf } from './cases.guard.js';
import { toBusinessProjectView, toCaseSummaryView, toOutcomeView, toStageTransitionView } from './cases.mapper.js';
import { casesRepository, type CaseListFilter } from './cases.repository.js';
import { newReference } from './intake.service.js';
import type { PeopleProtection } from './people.service.js';
import { peopleRepository } from './people.repository.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail; people: PeopleProtection };

export type CasesService = ReturnType<typeof createCasesService>;

/** Which status a coach may move an open case to from each status (closing has its own command). */
const STATUS_MOVES: Record<string, readonly string[]> = { new: ['active', 'waiting'], active: ['waiting'], waiting: ['active'] };

/** Who a case may be assigned to: the lead desk's coaches. */
const COACH_ROLES = ['coach'] as const;

export function createCasesService({ db, access, audit, people }: Deps) {
  const guard = createCaseGuard(access);

  /** The desks whose cases the actor lists: all theirs, or the one asked for (404 if not theirs). */
  function listDesks(actor: Actor, deskId: string | undefined): string[] {
    const desks = desksOf(actor, 'cases:read');
    if (!deskId) return desks;
    if (!desks.includes(deskId)) throw new NotFoundError('case.desk_not_found', { deskId });
    return [deskId];
  }

  /** The case as its reader may see it; contact details only for the lead desk. Caller audits. */
  async function detail(trx: Executor, actor: Actor, scope: CaseScope): Promise<{ view: CaseDetailView; revealed: string[] }> {
    const repo = casesRepository(trx);
    const row = (await repo.findCase(scope.caseId))!;
    const person = (await peopleRepository(trx).findById(row.personId))!;
    const [project, transitions, outcome, financing, deskName, coachName] = await Promise.all([
      repo.findProject(row.id),
      repo.transitions(row.id),
      repo.findOutcome(row.id),
      repo.financing(row.id),
      repo.deskName(row.deskId),
      repo.userName(row.assignedCoachId),
    ]);
    const isLead = guard.isLead(actor, scope);
    const contact = isLead && !person.erasedAt ? people.reveal(person) : null;
    const revealed = contact ? (['email', 'phone', 'birthDate'] as const).filter((field) => contact[field] !== null) : [];
    const actorDesks = desksOf(actor, 'cases:read');
    const view: CaseDetailView = {
      ...toCaseSummaryView(
        {
          ...row,
          givenName: person.givenName,
          familyName: person.familyName,
          deskName,
          coachName,
          stage: project?.stage ?? null,
          activityKey: '',
        },
        actorDesks,
      ),
      leadDeskId: row.deskId,
      sharedWithDeskIds: scope.sharedWithDeskIds,
      source: row.source,
      intakeLocale: row.intakeLocale as Locale,
      need: row.needEncrypted && isLead ? people.decryptNeed(row.id, row.needEncrypted) : null,
      person: {
        id: person.id,
        givenName: person.givenName,
        familyName: person.familyName,
        gender: person.gender,
        languages: person.languages,
        preferredLocale: person.preferredLocale as Locale,
        residenceTerritoryId: person.residenceTerritoryId,
        originTerritoryId: person.originTerritoryId,
        email: contact?.email ?? null,
        phone: contact?.phone ?? null,
        birthDate: contact?.birthDate ?? null,
        contactWithheld: !contact,
      },
      businessProject: project ? toBusinessProjectView(project) : null,
      stageHistory: transitions.map(toStageTransitionView),
      outcome: toOutcomeView(row, outcome, financing),
      closedAt: row.closedAt?.toISOString() ?? null,
      can: {
        update: access.can(actor, 'cases:update', caseLeadScope(scope)),
        assign: access.can(actor, 'cases:assign', caseLeadScope(scope)),
        close: access.can(actor, 'cases:close', caseLeadScope(scope)),
      },
    };
    return { view, revealed: [...revealed, ...(view.need ? ['need'] : [])] };
  }

  async function checkCoach(trx: Executor, coachId: string, deskId: string) {
    if (!(await casesRepository(trx).holdsRoleAt(coachId, deskId, COACH_ROLES))) {
      throw new AppError('case.assignee_not_coach', 422, { coachId, deskId }, [{ pointer: '/coachId', code: 'not_a_coach_of_the_lead_desk' }]);
    }
  }

  async function recordListRead(reader: Actor, caseIds: string[], request: Request) {
    if (caseIds.length === 0) return;
    await db.transaction().execute((trx) => audit.record(trx, { actor: reader, action: 'case.list_read', details: { caseIds }, request }));
  }

  return {
    detail,

    /** A page of cases; the names it shows are personal data, so which cases were listed is audited. */
    async list(actor: Actor | null, query: CaseListQuery, request: Request) {
      const reader = await access.require(actor, 'cases:read');
      const desks = listDesks(reader, query.deskId);
      const { cursor, limit, scope, deskId: _desk, ...filters } = query;
      const filter: CaseListFilter = { ...filters, after: cursor ? decodeTimeCursor(cursor) : undefined };
      const repo = casesRepository(db);
      const rows =
        scope === 'mine' ? await repo.listAssigned(reader.userId, desks, filter, limit + 1) : await repo.listForDesks(desks, filter, limit + 1);
      const actorDesks = desksOf(reader, 'cases:read');
      const page = toPage(rows, limit, (row) => [row.activityKey, row.id], (row) => toCaseSummaryView(row, actorDesks));
      await recordListRead(reader, page.items.map((item) => item.id), request);
      return page;
    },

    /** Open business projects by stage: complete counts, the newest cards of each column. */
    async board(actor: Actor | null, query: { deskId?: string | undefined; scope: 'desk' | 'mine'; perColumn: number }, request: Request): Promise<CaseBoardView> {
      const reader = await access.require(actor, 'cases:read');
      const desks = listDesks(reader, query.deskId);
      const repo = casesRepository(db);
      const coachId = query.scope === 'mine' ? reader.userId : undefined;
      const counts = await repo.stageCounts(desks, coachId);
      const actorDesks = desksOf(reader, 'cases:read');
      const columns = await Promise.all(
        BUSINESS_STAGES.map(async (stage) => {
          const count = counts.get(stage) ?? 0;
          const filter: CaseListFilter = { status: 'open', stage };
          const rows =
            count === 0
              ? []
              : coachId
                ? await repo.listAssigned(coachId, desks, filter, query.perColumn)
                : await repo.listForDesks(desks, filter, query.perColumn);
          return { stage, count, items: rows.map((row) => toCaseSummaryView(row, actorDesks)) };
        }),
      );
      await recordListRead(reader, columns.flatMap((column) => column.items.map((item) => item.id)), request);
      return { columns };
    },

    /** One case, its person, project, history and outcome. The read is audited, with what was decrypted. */
    async get(actor: Actor | null, caseId: string, request: Request) {
      const { scope, actor: reader } = await guard.read(db, actor, caseId, request);
      return db.transaction().execute(async (trx) => {
        const { view, revealed } = await detail(trx, reader, scope);
        await audit.record(trx, {
          actor: reader,
          action: 'case.read',
          subject: { type: 'case', id: caseId },
          organisationId: scope.leadDeskId,
          details: { personId: scope.personId, decrypted: revealed },
          request,
        });
        return view;
      });
    },

    /** A case opened at the desk for a person who walked in (or one the desk already knows). */
    async create(actor: Actor | null, input: CaseCreateBody, request: Request) {
      const creator = await access.require(actor, 'cases:create', { organisationId: input.deskId }, { request });
      return db.transaction().execute(async (trx) => {
        const repo = casesRepository(trx);
        const desk = await trx.selectFrom('organisation').select(['id', 'type']).where('id', '=', input.deskId).executeTakeFirst();
        if (!desk || desk.type !== 'help_desk') throw new BadRequestError('case.desk_not_found', { deskId: input.deskId });
        if (input.person && !(await repo.territoriesExist([input.person.residenceTerritoryId, input.person.originTerritoryId].filter((id): id is string => !!id)))) {
          throw new AppError('case.territory_not_found', 422, {}, [{ pointer: '/person/residenceTerritoryId', code: 'unknown_territory' }]);
        }
        if (input.assignedCoachId) await checkCoach(trx, input.assignedCoachId, input.deskId);
        let personId: string;
        if (input.personId) {
          const known = await peopleRepository(trx).findById(input.personId);
          if (!known || known.erasedAt || !(await repo.personKnownTo(input.personId, desksOf(creator, 'cases:read')))) {
            throw new NotFoundError('case.person_not_found', { personId: input.personId });
          }
          personId = known.mergedIntoPersonId ?? known.id;
        } else {
          personId = (await people.create(trx, input.person!)).id;
        }
        // 60 random bits: a clash is astronomically rare, and the unique index has the last word.
        const reference = newReference();
        const caseId = (await sql<{ id: string }>`select gen_random_uuid() as id`.execute(trx)).rows[0]!.id;
        await trx
          .insertInto('supportCase')
          .values({
            id: caseId,
            reference,
            personId,
            deskId: input.deskId,
            requestKind: input.requestKind,
            needEncrypted: input.need ? people.encryptNeed(caseId, input.need) : null,
            source: 'staff',
            priority: input.priority,
            tags: input.tags,
            assignedCoachId: input.assignedCoachId ?? null,
            status: input.assignedCoachId ? 'active' : 'new',
          })
          .execute();
        await trx
          .insertInto('consent')
          .values({
            personId,
            caseId,
            kind: 'processing',
            purpose: 'support_request',
            dataCategories: ['identity', 'contact', 'request'],
            legalBasis: 'consent',
            method: input.processingConsent.method,
            policyVersion: input.processingConsent.policyVersion,
            recordedBy: creator.userId,
          })
          .execute();
        if (input.requestKind === 'business_project') {
          await trx.insertInto('businessProject').values({ caseId, idea: input.idea! }).execute();
          await trx.insertInto('businessStageTransition').values({ caseId, fromStage: null, toStage: 'idea', movedBy: creator.userId, reason: null }).execute();
        }
        const scope: CaseScope = { caseId, personId, leadDeskId: input.deskId, sharedWithDeskIds: [] };
        const { view } = await detail(trx, creator, scope);
        await audit.record(trx, {
          actor: creator,
          action: 'case.created',
          subject: { type: 'case', id: caseId },
          organisationId: input.deskId,
          details: { personId, newPerson: !input.personId, requestKind: input.requestKind, consentMethod: input.processingConsent.method },
          request,
        });
        return view;
      });
    },

    async update(actor: Actor | null, caseId: string, input: CaseUpdateBody, request: Request) {
      const { scope, actor: editor } = await guard.act(db, actor, caseId, 'cases:update', request);
      return db.transaction().execute(async (trx) => {
        const before = (await casesRepository(trx).findCase(caseId))!;
        if (before.status === 'closed') throw new ConflictError('case.already_closed', { caseId });
        if (input.status && input.status !== before.status && !STATUS_MOVES[before.status]?.includes(input.status)) {
          throw new ConflictError('case.status_transition_invalid', { from: before.status, to: input.status });
        }
        const fields = {
          ...(input.status ? { status: input.status } : {}),
          ...(input.priority ? { priority: input.priority } : {}),
          ...(input.tags ? { tags: [...new Set(input.tags)] } : {}),
        };
        await trx.updateTable('supportCase').set({ ...fields, updatedAt: new Date() }).where('id', '=', caseId).execute();
        await audit.record(trx, {
          actor: editor,
          action: 'case.updated',
          subject: { type: 'case', id: caseId },
          organisationId: scope.leadDeskId,
          details: { changes: changedFields({ status: before.status, priority: before.priority, tags: before.tags }, fields) },
          request,
        });
        return (await detail(trx, editor, scope)).view;
      });
    },

    /** A desk manager gives the case to one of the lead desk's coaches (or takes it back: null). */
    async assign(actor: Actor | null, caseId: string, input: CaseAssignBody, request: Request) {
      const { scope, actor: manager } = await guard.act(db, actor, caseId, 'cases:assign', request);
      return db.transaction().execute(async (trx) => {
        const before = (await casesRepository(trx).findCase(caseId))!;
        if (before.status === 'closed') throw new ConflictError('case.already_closed', { caseId });
        if (input.coachId) await checkCoach(trx, input.coachId, scope.leadDeskId);
        await trx
          .updateTable('supportCase')
          .set({
            assignedCoachId: input.coachId,
            // Someone now works the case: a new case becomes active.
            ...(input.coachId && before.status === 'new' ? { status: 'active' as const } : {}),
            updatedAt: new Date(),
          })
          .where('id', '=', caseId)
          .execute();
        await audit.record(trx, {
          actor: manager,
          action: before.assignedCoachId ? 'case.reassigned' : 'case.assigned',
          subject: { type: 'case', id: caseId },
          organisationId: scope.leadDeskId,
          details: { changes: changedFields({ assignedCoachId: before.assignedCoachId }, { assignedCoachId: input.coachId }) },
          request,
        });
        return (await detail(trx, manager, scope)).view;
      });
    },

    /** Closes with an outcome; a business created needs its date and legal form (given here or recorded before). */
    async close(actor: Actor | null, caseId: string, input: CaseCloseBody, request: Request) {
      const { scope, actor: manager } = await guard.act(db, actor, caseId, 'cases:close', request);
      return db.transaction().execute(async (trx) => {
        const repo = casesRepository(trx);
        const before = (await repo.findCase(caseId))!;
        if (before.status === 'closed') throw new ConflictError('case.already_closed', { caseId });
        const business = Object.fromEntries(Object.entries(input.business ?? {}).filter(([, v]) => v !== undefined));
        if (input.outcome === 'business_created') {
          const recorded = await repo.findOutcome(caseId);
          const merged = { businessCreatedOn: recorded?.businessCreatedOn ?? null, legalForm: recorded?.legalForm ?? null, ...business };
          const missing: ProblemFieldError[] = (['businessCreatedOn', 'legalForm'] as const)
            .filter((field) => !merged[field])
            .map((field) => ({ pointer: `/business/${field}`, code: 'required' }));
          if (missing.length > 0) throw new AppError('case.outcome_details_missing', 422, { outcome: input.outcome }, missing);
        }
        if (Object.keys(business).length > 0) await repo.upsertOutcome(caseId, business, manager.userId);
        await trx
          .updateTable('supportCase')
          .set({ status: 'closed', outcome: input.outcome, closedAt: new Date(), updatedAt: new Date() })
          .where('id', '=', caseId)
          .execute();
        await audit.record(trx, {
          actor: manager,
          action: 'case.closed',
          subject: { type: 'case', id: caseId },
          organisationId: scope.leadDeskId,
          details: { outcome: input.outcome, changes: changedFields(undefined, business) },
          request,
        });
        return (await detail(trx, manager, scope)).view;
      });
    },
  };
}
