import type { Permission } from '@glocal/contracts';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { RequireSignIn, useSession } from '../../lib/session';

/**
 * Shows `children` only to a signed-in person whose roles grant `permission`; others signed in
 * are told they may not see the page. Hiding is a courtesy: the API refuses them anyway.
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return (
    <RequireSignIn>
      <PermissionGate permission={permission}>{children}</PermissionGate>
    </RequireSignIn>
  );
}

function PermissionGate({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  const { formatMessage } = useIntl();
  if (can(permission)) return children;
  return (
    <>
      <PageHeading>{formatMessage({ id: 'permission_required.title' })}</PageHeading>
      <p>{formatMessage({ id: 'errors.forbidden' })}</p>
      <p>
        <Link to="/">{formatMessage({ id: 'common.back_home' })}</Link>
      </p>
    </>
  );
}
