import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { PageHeading } from '../../../components/ui/page-heading';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useSession } from '../../../lib/session';
import { useOrganisation } from '../api/get-organisation';
import { grantableRoles } from '../utils/grantable-roles';
import type { TerritoryOption } from '../utils/territory-lookup';
import { OrganisationDetails } from './organisation-details';
import { OrganisationEdit } from './organisation-edit';
import { OrganisationInvitations } from './organisation-invitations';
import { OrganisationMembers } from './organisation-members';

interface OrganisationProfileProps {
  organisationId: string;
  territories: readonly TerritoryOption[] | undefined;
}

/**
 * One organisation: its details for all staff; its staff, invitations and an edit form for
 * those whose roles reach it. Hiding is a courtesy: the server checks every request.
 */
export function OrganisationProfile({ organisationId, territories }: OrganisationProfileProps) {
  const { formatMessage } = useIntl();
  const { me, can } = useSession();
  const organisation = useOrganisation(organisationId);

  if (organisation.isPending) return <LoadingMessage>{formatMessage({ id: 'organisations.profile.loading' })}</LoadingMessage>;
  if (organisation.isError) {
    return (
      <>
        <PageHeading>{formatMessage({ id: 'organisations.profile.unavailable' })}</PageHeading>
        <ProblemMessage error={organisation.error} onRetry={() => void organisation.refetch()} />
        <p>
          <Link to="/organisations">{formatMessage({ id: 'organisations.profile.back' })}</Link>
        </p>
      </>
    );
  }

  const org = organisation.data;
  const canEdit =
    can('organisations:update', org.id) || (org.hostOrganisationId !== null && can('organisations:update', org.hostOrganisationId));
  const invitableRoles = can('members:invite', org.id) ? grantableRoles(me?.memberships ?? [], org) : [];

  return (
    <>
      <p className="breadcrumb">
        <Link to="/organisations">{formatMessage({ id: 'organisations.profile.back' })}</Link>
      </p>
      <PageHeading>{org.name}</PageHeading>
      <OrganisationDetails organisation={org} territories={territories} />
      {can('members:read', org.id) && <OrganisationMembers organisationId={org.id} manageableRoles={invitableRoles} />}
      {invitableRoles.length > 0 && <OrganisationInvitations organisation={org} roles={invitableRoles} />}
      {canEdit && <OrganisationEdit key={org.id} organisation={org} territories={territories ?? []} />}
    </>
  );
}
