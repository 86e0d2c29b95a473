import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { LoadingMessage } from '../../components/ui/loading-message';
import { PageHeading } from '../../components/ui/page-heading';
import { ProblemMessage } from '../../components/ui/problem-message';
import { CaseCreateForm } from '../../features/cases/components/case-create-form';
import { useTerritories } from '../../features/territories/api/get-territories';

/** "New case": the walk-in form, composed with the territories a person may live in or come from. */
export function CaseNewRoute() {
  const { formatMessage } = useIntl();
  const territories = useTerritories();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">{formatMessage({ id: 'cases.title' })}</Link>
      </p>
      <PageHeading>{formatMessage({ id: 'cases.new.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'cases.new.explain' })}</p>
      {territories.isPending ? (
        <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>
      ) : territories.isError ? (
        <ProblemMessage error={territories.error} onRetry={() => void territories.refetch()} />
      ) : (
        <CaseCreateForm territories={territories.data.map((territory) => ({ id: territory.id, name: territory.name, code: territory.code }))} />
      )}
    </>
  );
}
