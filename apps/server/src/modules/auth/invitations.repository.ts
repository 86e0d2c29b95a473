import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

const columns = [
  'id', 'organisationId', 'email', 'role', 'invitedBy', 'locale', 'expiresAt', 'acceptedAt', 'revokedAt', 'createdAt',
] as const;

export type InvitationRow = {
  id: string;
  organisationId: string;
  email: string;
  role: string;
  invitedBy: string | null;
  locale: string;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

export const invitationsRepository = (db: Executor) => ({
  insert: (invitation: { organisationId: string; email: string; role: string; tokenHash: string; invitedBy: string; locale: string; expiresAt: Date }) =>
    db.insertInto('invitation').values(invitation).returning(columns).executeTakeFirstOrThrow() as Promise<InvitationRow>,

  findById: (id: string) =>
    db.selectFrom('invitation').select(columns).where('id', '=', id).executeTakeFirst() as Promise<InvitationRow | undefined>,

  findByTokenHash: (tokenHash: string) =>
    db.selectFrom('invitation').select(columns).where('tokenHash', '=', tokenHash).executeTakeFirst() as Promise<InvitationRow | undefined>,

  /** Not yet accepted nor revoked, expired ones included (they can be sent again). */
  listOpen: (organisationId: string) =>
    db
      .selectFrom('invitation')
      .select(columns)
      .where('organisationId', '=', organisationId)
      .where('acceptedAt', 'is', null)
      .where('revokedAt', 'is', null)
      .orderBy('createdAt', 'desc')
      .orderBy('id')
      .execute() as Promise<InvitationRow[]>,

  /** Revokes the open invitation of this address to this organisation, if any; returns its id. */
  revokeOpen: async (organisationId: string, email: string) =>
    (
      await db
        .updateTable('invitation')
        .set({ revokedAt: new Date() })
        .where('organisationId', '=', organisationId)
        .where('email', '=', email)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .returning('id')
        .executeTakeFirst()
    )?.id,

  revoke: (id: string) =>
    db.updateTable('invitation').set({ revokedAt: new Date() }).where('id', '=', id).returning(columns).executeTakeFirstOrThrow() as Promise<InvitationRow>,

  /** A new link for an open invitation: the old one stops working. */
  renewToken: (id: string, tokenHash: string, expiresAt: Date) =>
    db
      .updateTable('invitation')
      .set({ tokenHash, expiresAt })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow() as Promise<InvitationRow>,

  /** Marks it accepted only if it still may be: two racing acceptances cannot both succeed. */
  markAccepted: async (id: string) =>
    (
      await db
        .updateTable('invitation')
        .set({ acceptedAt: new Date() })
        .where('id', '=', id)
        .where('acceptedAt', 'is', null)
        .where('revokedAt', 'is', null)
        .where('expiresAt', '>', sql<Date>`now()`)
        .returning('id')
        .executeTakeFirst()
    ) !== undefined,
});
