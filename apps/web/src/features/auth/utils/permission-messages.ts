import type { Permission } from '@glocal/contracts';
import type { MessageDescriptor } from 'react-intl';

/** What each permission lets an API token do, in words. */
export const PERMISSION_MESSAGES: Record<Permission, MessageDescriptor> = {
  'organisations:read': { id: 'account.api_tokens.permission.organisations_read' },
  'organisations:create': { id: 'account.api_tokens.permission.organisations_create' },
  'organisations:update': { id: 'account.api_tokens.permission.organisations_update' },
  'members:read': { id: 'account.api_tokens.permission.members_read' },
  'members:invite': { id: 'account.api_tokens.permission.members_invite' },
  'partnerships:read': { id: 'account.api_tokens.permission.partnerships_read' },
  'partnerships:manage': { id: 'account.api_tokens.permission.partnerships_manage' },
  'territory_statistics:read': { id: 'account.api_tokens.permission.territory_statistics_read' },
  'territory_statistics:import': { id: 'account.api_tokens.permission.territory_statistics_import' },
  'audit:read': { id: 'account.api_tokens.permission.audit_read' },
  'api_tokens:manage': { id: 'account.api_tokens.permission.api_tokens_manage' },
};
