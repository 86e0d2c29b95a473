import type { PartnershipView } from '@glocal/contracts';
import { useIntl } from 'react-intl';

/** "From 15 Jan 2024 to …": dates are calendar days, shown as such whatever the reader's time zone. */
export function PartnershipPeriod({ partnership }: { partnership: Pick<PartnershipView, 'startsOn' | 'endsOn'> }) {
  const { formatMessage, formatDate } = useIntl();
  const day = (value: string) => formatDate(value, { dateStyle: 'medium', timeZone: 'UTC' });
  const { startsOn, endsOn } = partnership;
  if (startsOn && endsOn) return <>{formatMessage({ id: 'partnerships.period.between' }, { start: day(startsOn), end: day(endsOn) })}</>;
  if (startsOn) return <>{formatMessage({ id: 'partnerships.period.from' }, { start: day(startsOn) })}</>;
  if (endsOn) return <>{formatMessage({ id: 'partnerships.period.until' }, { end: day(endsOn) })}</>;
  return <>{formatMessage({ id: 'partnerships.period.open' })}</>;
}
