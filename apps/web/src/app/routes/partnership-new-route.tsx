import { ROLE_PERMISSIONS } from '@glocal/contracts';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { LoadingMessage } from '../../components/ui/loading-message';
import { PageHeading } from '../../components/ui/page-heading';
import { ProblemMessage } from '../../components/ui/problem-message';
import { useAllOrganisations } from '../../features/organisations/api/get-organisations';
import { PartnershipCreate } from '../../features/partnerships/components/partnership-create';
import { useTerritories } from '../../features/territories/api/get-territories';
import { useSession } from '../../lib/session';

/** Composes the partnership form with the organisations and territories it offers as partners. */
export function PartnershipNewRoute() {
  const { formatMessage } = useIntl();
  const { me } = useSession();
  const organisations = useAllOrganisations();
  const territories = useTerritories();
  // An officer records partnerships their own organisation takes part in: start with it.
  const ownOrganisationId = me?.memberships.find(
    (membership) => membership.organisationId && ROLE_PERMISSIONS[membership.role].includes('partnerships:manage'),
  )?.organisationId;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/partnerships">{formatMessage({ id: 'partnerships.detail.back' })}</Link>
      </p>
      <PageHeading>{formatMessage({ id: 'partnerships.create.title' })}</PageHeading>
      {organisations.isPending || territories.isPending ? (
        <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>
      ) : organisations.isError || territories.isError ? (
        <ProblemMessage
          error={organisations.error ?? territories.error}
          onRetry={() => {
            void organisations.refetch();
            void territories.refetch();
          }}
        />
      ) : (
        <PartnershipCreate organisations={organisations.data} territories={territories.data} defaultOrganisationId={ownOrganisationId ?? undefined} />
      )}
    </>
  );
}
