import type { ApiTokenView, Permission } from '@glocal/contracts';
import type { ApiTokenRow } from './api-tokens.repository.js';

export const toApiTokenView = (row: ApiTokenRow): ApiTokenView => ({
  id: row.id,
  organisationId: row.organisationId,
  name: row.name,
  tokenPrefix: row.tokenPrefix,
  permissions: row.permissions as Permission[],
  createdBy: { id: row.createdBy, displayName: row.createdByName },
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});
