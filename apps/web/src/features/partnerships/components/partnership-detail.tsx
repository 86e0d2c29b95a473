import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { PageHeading } from '../../../components/ui/page-heading';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { usePartnership } from '../api/partnerships';
import { PARTNERSHIP_KIND_MESSAGES } from '../utils/partnership-messages';
import { PartnershipPeriod } from './partnership-period';

/** One partnership: what it is, when, and who takes part in which role. */
export function PartnershipDetail({ partnershipId }: { partnershipId: string }) {
  const { formatMessage } = useIntl();
  const partnership = usePartnership(partnershipId);
  const back = (
    <p className="breadcrumb">
      <Link to="/partnerships">{formatMessage({ id: 'partnerships.detail.back' })}</Link>
    </p>
  );

  if (partnership.isPending) return <LoadingMessage>{formatMessage({ id: 'partnerships.detail.loading' })}</LoadingMessage>;
  if (partnership.isError) {
    return (
      <>
        <PageHeading>{formatMessage({ id: 'partnerships.detail.unavailable' })}</PageHeading>
        <ProblemMessage error={partnership.error} onRetry={() => void partnership.refetch()} />
        {back}
      </>
    );
  }

  const { data } = partnership;
  return (
    <>
      {back}
      <PageHeading>{data.name}</PageHeading>
      <dl className="details-list">
        <div>
          <dt>{formatMessage({ id: 'partnerships.detail.kind' })}</dt>
          <dd>{formatMessage(PARTNERSHIP_KIND_MESSAGES[data.kind])}</dd>
        </div>
        <div>
          <dt>{formatMessage({ id: 'partnerships.detail.period' })}</dt>
          <dd>
            <PartnershipPeriod partnership={data} />
          </dd>
        </div>
        {data.description && (
          <div>
            <dt>{formatMessage({ id: 'partnerships.detail.description' })}</dt>
            <dd className="prose">{data.description}</dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="partners-title" className="page-section">
        <h2 id="partners-title">{formatMessage({ id: 'partnerships.detail.partners' })}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="partners-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{formatMessage({ id: 'partnerships.detail.partner' })}</th>
                <th scope="col">{formatMessage({ id: 'partnerships.detail.partner_kind' })}</th>
                <th scope="col">{formatMessage({ id: 'partnerships.detail.role' })}</th>
              </tr>
            </thead>
            <tbody>
              {data.partners.map((partner, index) => (
                <tr key={`${partner.organisationId ?? partner.territoryId}-${index}`}>
                  <td>
                    {partner.organisationId ? <Link to={`/organisations/${partner.organisationId}`}>{partner.name}</Link> : partner.name}
                  </td>
                  <td>
                    {formatMessage(
                      partner.organisationId ? { id: 'partnerships.partner.organisation' } : { id: 'partnerships.partner.territory' },
                    )}
                  </td>
                  <td>{partner.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
