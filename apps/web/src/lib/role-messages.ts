import type { Role } from '@glocal/contracts';
import type { MessageDescriptor } from 'react-intl';

/** A role's name for people, shared by every page that shows roles (features may not import each other). */
export const ROLE_MESSAGES: Record<Role, MessageDescriptor> = {
  platform_admin: { id: 'organisations.role.platform_admin' },
  dpo: { id: 'organisations.role.dpo' },
  org_admin: { id: 'organisations.role.org_admin' },
  lra_officer: { id: 'organisations.role.lra_officer' },
  desk_manager: { id: 'organisations.role.desk_manager' },
  coach: { id: 'organisations.role.coach' },
  partner_staff: { id: 'organisations.role.partner_staff' },
  migrant: { id: 'organisations.role.migrant' },
};
