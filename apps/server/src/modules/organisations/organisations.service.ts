import type {
  Locale,
  OrganisationCreateBody,
  OrganisationListQuery,
  OrganisationUpdateBody,
  OrganisationView,
  PartnershipCreateBody,
  PageQuery,
  Role,
  OrganisationType,
} from '@glocal/contracts';
import { staffRolesOf } from '@glocal/contracts';
import type { Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { changedFields, type AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { AppError, BadRequestError, ConflictError, NotFoundError } from '../../platform/errors/app-error.js';
import { grantableRoles } from '../../platform/access/policies/invitations.js';
import { decodeCursor, toPage } from '../../platform/http/cursor.js';
import { toOrganisationView, toPartnershipView } from './organisations.mapper.js';
import { organisationsRepository, type OrganisationRow } from './organisations.repository.js';
import { partnershipsRepository } from './partnerships.repository.js';

type Request = { ip?: string; id?: string };
type Deps = { db: Database; access: Access; audit: AuditTrail };

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;

/** Lists here page by (lower(name), id). */
const keyset = (cursor: string | undefined) =>
  cursor ? (decodeCursor(cursor, 2).map(String) as [string, string]) : undefined;

export function createOrganisationsService({ db, access, audit }: Deps) {
  async function withServed(db: Executor, rows: OrganisationRow[]): Promise<OrganisationView[]> {
    const served = await organisationsRepository(db).servedTerritories(rows.map((row) => row.id));
    return rows.map((row) =>
      toOrganisationView(row, served.filter((s) => s.organisationId === row.id).map((s) => s.territoryId)),
    );
  }

  async function findOrThrow(db: Executor, id: string) {
    const row = await organisationsRepository(db).findById(id);
    if (!row) throw new NotFoundError('organisation.not_found', { id });
    return row;
  }

  async function checkHost(db: Executor, hostId: string | null | undefined) {
    if (hostId && !(await organisationsRepository(db).findById(hostId))) {
      throw new BadRequestError('organisation.host_invalid', { hostOrganisationId: hostId });
    }
  }

  async function checkUniqueName(db: Executor, name: string, territoryId: string, exceptId?: string) {
    const existing = await organisationsRepository(db).findByNameInTerritory(name, territoryId);
    if (existing && existing.id !== exceptId) throw new ConflictError('organisation.duplicate_name', { name });
  }

  return {
    /** The territories an actor's organisations are based in or serve: where their writ runs. */
    async territoriesOfActor(actor: Actor): Promise<string[]> {
      const organisationIds = actor.memberships.flatMap((m) => (m.organisationId ? [m.organisationId] : []));
      return organisationIds.length === 0 ? [] : organisationsRepository(db).territoriesOf(organisationIds);
    },

    async list(actor: Actor | null, query: OrganisationListQuery) {
      await access.require(actor, 'organisations:read');
      const rows = await organisationsRepository(db).list(query, keyset(query.cursor), query.limit + 1);
      const views = new Map((await withServed(db, rows.slice(0, query.limit))).map((view) => [view.id, view]));
      return toPage(rows, query.limit, (row) => [row.name.toLowerCase(), row.id], (row) => views.get(row.id)!);
    },

    async get(actor: Actor | null, id: string) {
      await access.require(actor, 'organisations:read');
      const [view] = await withServed(db, [await findOrThrow(db, id)]);
      return view!;
    },

    async create(actor: Actor | null, input: OrganisationCreateBody, request: Request) {
      const { hostOrganisationId, ...rest } = input;
      await access.require(actor, 'organisations:create', { organisationId: hostOrganisationId ?? null }, { request });
      return db.transaction().execute(async (trx) => {
        await checkHost(trx, hostOrganisationId);
        await checkUniqueName(trx, input.name, input.homeTerritoryId);
        const { servedTerritoryIds, ...fields } = rest;
        const row = await organisationsRepository(trx).insert({
          ...fields,
          hostOrganisationId: hostOrganisationId ?? null,
          email: fields.email ?? null,
          phone: fields.phone ?? null,
          website: fields.website ?? null,
        });
        await organisationsRepository(trx).setServedTerritories(row.id, servedTerritoryIds);
        const [view] = await withServed(trx, [row]);
        await audit.record(trx, {
          actor,
          action: 'organisation.created',
          subject: { type: 'organisation', id: row.id },
          organisationId: row.id,
          details: { changes: changedFields(undefined, view!) },
          request,
        });
        return view!;
      });
    },

    async update(actor: Actor | null, id: string, input: OrganisationUpdateBody, request: Request) {
      const existing = await findOrThrow(db, id);
      await access.require(actor, 'organisations:update', { organisationId: id, organisationIds: existing.hostOrganisationId ? [existing.hostOrganisationId] : [] }, { request });
      return db.transaction().execute(async (trx) => {
        const before = await findOrThrow(trx, id);
        const [beforeView] = await withServed(trx, [before]);
        if (input.hostOrganisationId !== undefined) await checkHost(trx, input.hostOrganisationId);
        if (input.name) await checkUniqueName(trx, input.name, before.homeTerritoryId, id);
        const { servedTerritoryIds, ...fields } = input;
        const row = Object.keys(fields).length > 0 ? await organisationsRepository(trx).update(id, fields) : before;
        if (servedTerritoryIds) await organisationsRepository(trx).setServedTerritories(id, servedTerritoryIds);
        const [view] = await withServed(trx, [row]);
        await audit.record(trx, {
          actor,
          action: 'organisation.updated',
          subject: { type: 'organisation', id },
          organisationId: id,
          details: { changes: changedFields(beforeView, view!) },
          request,
        });
        return view!;
      });
    },

    /** Staff names and e-mails are personal data: the read itself is audited. */
    async members(actor: Actor | null, organisationId: string, request: Request) {
      await findOrThrow(db, organisationId);
      await access.require(actor, 'members:read', { organisationId, subject: { type: 'organisation', id: organisationId } }, { whenDenied: 'not_found', request });
      return db.transaction().execute(async (trx) => {
        const members = await organisationsRepository(trx).members(organisationId);
        await audit.record(trx, {
          actor,
          action: 'member.list_read',
          subject: { type: 'organisation', id: organisationId },
          organisationId,
          details: { userIds: members.map((m) => m.userId) },
          request,
        });
        return { items: members.map((m) => ({ ...m, role: m.role as Role })), nextCursor: null };
      });
    },

    /**
     * Sets the roles a member holds here (an empty list removes them). Whoever may invite to the
     * organisation may do it, within the roles they could grant: a desk manager cannot make, nor
     * unmake, an administrator. The organisation keeps at least one administrator if it had one.
     */
    async setMemberRoles(actor: Actor | null, organisationId: string, userId: string, roles: Role[], request: Request) {
      const organisation = await findOrThrow(db, organisationId);
      const scope = {
        organisationId,
        organisationType: organisation.type as OrganisationType,
        organisationIds: organisation.hostOrganisationId ? [organisation.hostOrganisationId] : [],
        subject: { type: 'user', id: userId },
      };
      const manager = await access.require(actor, 'members:invite', scope, { whenDenied: 'not_found', request });
      const allowed = staffRolesOf(organisation.type as OrganisationType);
      const invalid = roles.filter((role) => !(allowed as readonly Role[]).includes(role));
      if (invalid.length > 0) {
        throw new BadRequestError('invitation.role_not_allowed', { roles: invalid, organisationType: organisation.type });
      }
      const grantable = grantableRoles(manager.memberships, { id: organisationId, type: organisation.type as OrganisationType }) as readonly Role[];
      return db.transaction().execute(async (trx) => {
        const before = (await organisationsRepository(trx).rolesOf(organisationId, userId)) as Role[];
        if (before.length === 0) throw new NotFoundError('member.not_found', { userId });
        const touched = [...before.filter((role) => !roles.includes(role)), ...roles.filter((role) => !before.includes(role))];
        if (touched.some((role) => !grantable.includes(role))) {
          await access.deny(manager, 'members:invite', scope, request);
          throw new AppError('forbidden', 403, { roles: touched.filter((role) => !grantable.includes(role)) });
        }
        const hadAdmin = (await organisationsRepository(trx).countAdmins(organisationId)) > 0;
        await organisationsRepository(trx).replaceRoles(organisationId, userId, roles);
        if (hadAdmin && (await organisationsRepository(trx).countAdmins(organisationId)) === 0) {
          throw new ConflictError('member.last_admin');
        }
        await audit.record(trx, {
          actor: manager,
          action: roles.length > 0 ? 'member.roles_changed' : 'member.removed',
          subject: { type: 'user', id: userId },
          organisationId,
          details: { changes: changedFields({ roles: before.sort() }, { roles: [...roles].sort() }) },
          request,
        });
        return { userId, roles };
      });
    },

    async listPartnerships(actor: Actor | null, query: PageQuery & { organisationId?: string | undefined }, locale: Locale) {
      await access.require(actor, 'partnerships:read');
      const rows = await partnershipsRepository(db).list(keyset(query.cursor), query.limit + 1, query.organisationId);
      const partners = await partnershipsRepository(db).partners(rows.slice(0, query.limit).map((row) => row.id), locale);
      return toPage(rows, query.limit, (row) => [row.name.toLowerCase(), row.id], (row) =>
        toPartnershipView(row, partners.filter((p) => p.partnershipId === row.id)),
      );
    },

    async getPartnership(actor: Actor | null, id: string, locale: Locale) {
      await access.require(actor, 'partnerships:read');
      const row = await partnershipsRepository(db).findById(id);
      if (!row) throw new NotFoundError('partnership.not_found', { id });
      return toPartnershipView(row, await partnershipsRepository(db).partners([id], locale));
    },

    /** An LRA officer records a partnership their own organisation takes part in. */
    async createPartnership(actor: Actor | null, input: PartnershipCreateBody, locale: Locale, request: Request) {
      const organisationIds = input.partners.flatMap((p) => (p.organisationId ? [p.organisationId] : []));
      await access.require(actor, 'partnerships:manage', { organisationIds }, { request });
      return db.transaction().execute(async (trx) => {
        for (const organisationId of organisationIds) {
          if (!(await organisationsRepository(trx).findById(organisationId))) {
            throw new BadRequestError('organisation.not_found', { id: organisationId });
          }
        }
        const row = await partnershipsRepository(trx).insert({
          kind: input.kind,
          name: input.name,
          description: input.description ?? null,
          startsOn: input.startsOn ?? null,
          endsOn: input.endsOn ?? null,
        });
        await partnershipsRepository(trx).addPartners(row.id, input.partners);
        const view = toPartnershipView(row, await partnershipsRepository(trx).partners([row.id], locale));
        await audit.record(trx, {
          actor,
          action: 'partnership.created',
          subject: { type: 'partnership', id: row.id },
          details: { changes: changedFields(undefined, view) },
          request,
        });
        return view;
      });
    },
  };
}
