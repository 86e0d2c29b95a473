import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { LoadingMessage } from '../../components/ui/loading-message';
import { PageHeading } from '../../components/ui/page-heading';
import { ProblemMessage } from '../../components/ui/problem-message';
import { OrganisationCreate } from '../../features/organisations/components/organisation-create';
import { useTerritories } from '../../features/territories/api/get-territories';

export function OrganisationNewRoute() {
  const { formatMessage } = useIntl();
  const territories = useTerritories();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/organisations">{formatMessage({ id: 'organisations.profile.back' })}</Link>
      </p>
      <PageHeading>{formatMessage({ id: 'organisations.create.title' })}</PageHeading>
      {territories.isPending ? (
        <LoadingMessage>{formatMessage({ id: 'territories.loading' })}</LoadingMessage>
      ) : territories.isError ? (
        <ProblemMessage error={territories.error} onRetry={() => void territories.refetch()} />
      ) : (
        <OrganisationCreate territories={territories.data} />
      )}
    </>
  );
}
