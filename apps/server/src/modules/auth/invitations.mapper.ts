import { resolveLocale, type InvitationStatus, type InvitationView, type Role } from '@glocal/contracts';
import type { InvitationRow } from './invitations.repository.js';

export function invitationStatus(row: InvitationRow, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

export const toInvitationView = (row: InvitationRow): InvitationView => ({
  id: row.id,
  organisationId: row.organisationId,
  email: row.email,
  role: row.role as Role,
  locale: resolveLocale(row.locale),
  status: invitationStatus(row),
  invitedBy: row.invitedBy,
  expiresAt: row.expiresAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
});
