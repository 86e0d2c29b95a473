import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { CorridorOverview } from '../../features/remittances/components/corridor-overview';
import { countryNameIn } from '../../features/remittances/utils/format';
import { useLocale } from '../../lib/i18n';
import { NotFoundRoute } from './not-found-route';

/** A corridor's average cost over time against the SDG target and ceiling, and SmaRT. */
export function RemittanceCorridorRoute() {
  const { corridor = '' } = useParams();
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const countryName = useMemo(() => countryNameIn(locale), [locale]);
  if (!/^[A-Z]{2}-[A-Z]{2}$/.test(corridor)) return <NotFoundRoute />;
  const [from, to] = corridor.split('-') as [string, string];
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/send-money?from=${from}&to=${to}`}>{formatMessage({ id: 'remittances.corridor.back' })}</Link>
      </p>
      <PageHeading>{formatMessage({ id: 'remittances.corridor.title' }, { from: countryName(from), to: countryName(to) })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'remittances.corridor.intro' })}</p>
      <CorridorOverview corridor={corridor} />
    </>
  );
}
