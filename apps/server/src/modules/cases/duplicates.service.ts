import { roleGrants, type PersonDuplicateListQuery, type PersonDuplicateView, type DuplicatePersonView } from '@glocal/contracts';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../platform/errors/app-error.js';
import { decodeTimeCursor, toPage } from '../../platform/http/cursor.js';
import { duplicatesRepository } from './duplicates.repository.js';
import { peopleRepository, type PersonRow } from './people.repository.js';
import type { PeopleProtection } from './people.service.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail; people: PeopleProtection };

export type DuplicatesService = ReturnType<typeof createDuplicatesService>;

/** The desks where the actor may merge people. */
const mergingDesks = (actor: Actor) =>
  actor.memberships.flatMap((m) => (m.organisationId && roleGrants(m.role, 'people:merge') ? [m.organisationId] : []));

/**
 * Possible duplicates flagged at intake, for a desk to merge or dismiss. A pair belongs to the
 * desks leading the later person's cases; anyone else gets 404, as if it did not exist.
 */
export function createDuplicatesService({ db, access, audit, people }: Deps) {
  async function views(db: Executor, pairs: { id: string; personId: string; duplicateOfPersonId: string; matchedOn: string[]; status: 'open' | 'merged' | 'dismissed'; createdAt: Date }[]): Promise<PersonDuplicateView[]> {
    const personIds = [...new Set(pairs.flatMap((pair) => [pair.personId, pair.duplicateOfPersonId]))];
    const [rows, cases] = await Promise.all([peopleRepository(db).findByIds(personIds), duplicatesRepository(db).casesOf(personIds)]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const personView = (row: PersonRow): DuplicatePersonView => {
      const open = people.reveal(row);
      return {
        id: row.id,
        givenName: row.givenName,
        familyName: row.familyName,
        email: open.email,
        phone: open.phone,
        birthDate: open.birthDate,
        createdAt: row.createdAt.toISOString(),
        caseReferences: cases.filter((c) => c.personId === row.id).map((c) => c.reference),
      };
    };
    return pairs.map((pair) => ({
      id: pair.id,
      status: pair.status,
      matchedOn: pair.matchedOn as PersonDuplicateView['matchedOn'],
      person: personView(byId.get(pair.personId)!),
      duplicateOf: personView(byId.get(pair.duplicateOfPersonId)!),
      createdAt: pair.createdAt.toISOString(),
    }));
  }

  /** Loads a pair and checks the actor leads one of the later person's cases; else 404. */
  async function pairInScope(actor: Actor | null, id: string, request: Request) {
    const pair = await duplicatesRepository(db).findById(id);
    if (!pair) throw new NotFoundError('person_duplicate.not_found', { id });
    // Once merged, the later person's cases belong to the kept one: the pair stays with the same desks.
    const owners = pair.status === 'merged' ? [pair.personId, pair.duplicateOfPersonId] : [pair.personId];
    const desks = [...new Set((await duplicatesRepository(db).casesOf(owners)).map((c) => c.deskId))];
    const scope = { organisationId: desks[0] ?? null, organisationIds: desks, subject: { type: 'person_duplicate', id } };
    const allowed = await access.require(actor, 'people:merge', scope, { whenDenied: 'not_found', request });
    return { pair, actor: allowed, deskId: desks[0] ?? null };
  }

  return {
    async listOpen(actor: Actor | null, query: PersonDuplicateListQuery, request: Request) {
      const allowed = await access.require(actor, 'people:merge', undefined, { request });
      const after = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
      return db.transaction().execute(async (trx) => {
        const rows = await duplicatesRepository(trx).listOpen(mergingDesks(allowed), after, query.limit + 1);
        const shown = await views(trx, rows.slice(0, query.limit));
        // Names and contacts were shown: the read is personal data, and audited.
        await audit.record(trx, {
          actor: allowed,
          action: 'person_duplicate.list_read',
          details: { duplicateIds: shown.map((view) => view.id), personIds: shown.flatMap((view) => [view.person.id, view.duplicateOf.id]) },
          request,
        });
        const byId = new Map(shown.map((view) => [view.id, view]));
        return toPage(rows, query.limit, (row) => [row.createdKey, row.id], (row) => byId.get(row.id)!);
      });
    },

    /** Keeps one person; the other's cases and consents move to them, and they point to the kept one. */
    async merge(actor: Actor | null, id: string, keepPersonId: string | undefined, request: Request) {
      const { pair, actor: allowed, deskId } = await pairInScope(actor, id, request);
      const keep = keepPersonId ?? pair.duplicateOfPersonId;
      if (keep !== pair.personId && keep !== pair.duplicateOfPersonId) {
        throw new BadRequestError('person_duplicate.keep_not_in_pair', {}, [{ pointer: '/keepPersonId', in: 'body', code: 'not_in_pair' }]);
      }
      const merged = keep === pair.personId ? pair.duplicateOfPersonId : pair.personId;
      return db.transaction().execute(async (trx) => {
        const decided = await duplicatesRepository(trx).decide(id, 'merged', allowed.userId);
        if (!decided) throw new ConflictError('person_duplicate.already_decided');
        const movedCaseIds = await duplicatesRepository(trx).moveHistory(merged, keep);
        await peopleRepository(trx).markMerged(merged, keep);
        await audit.record(trx, {
          actor: allowed,
          action: 'person.merged',
          subject: { type: 'person', id: keep },
          organisationId: deskId,
          details: { duplicateId: id, keptPersonId: keep, mergedPersonId: merged, movedCaseIds, matchedOn: pair.matchedOn },
          request,
        });
        return (await views(trx, [decided]))[0]!;
      });
    },

    async dismiss(actor: Actor | null, id: string, request: Request) {
      const { actor: allowed, deskId } = await pairInScope(actor, id, request);
      return db.transaction().execute(async (trx) => {
        const decided = await duplicatesRepository(trx).decide(id, 'dismissed', allowed.userId);
        if (!decided) throw new ConflictError('person_duplicate.already_decided');
        await audit.record(trx, {
          actor: allowed,
          action: 'person_duplicate.dismissed',
          subject: { type: 'person_duplicate', id },
          organisationId: deskId,
          details: { personId: decided.personId, duplicateOfPersonId: decided.duplicateOfPersonId },
          request,
        });
        return (await views(trx, [decided]))[0]!;
      });
    },
  };
}
