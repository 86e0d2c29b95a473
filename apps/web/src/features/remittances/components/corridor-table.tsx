import type { CorridorStats } from '@glocal/contracts';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { useLocale } from '../../../lib/i18n';
import { formatPercent, formatPeriod } from '../utils/format';

/** Quarter by quarter, the figures the chart draws and the SDG flags, as a table anyone can read. */
export function CorridorTable({ quarters }: { quarters: CorridorStats[] }) {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { locale } = useLocale();
  const id = useId();
  const percent = (value: number | null) => (value === null ? formatMessage({ id: 'remittances.quotes.unknown' }) : formatPercent(locale, value));
  const flag = (value: boolean | null) =>
    value === null ? formatMessage({ id: 'remittances.quotes.unknown' }) : formatMessage(value ? { id: 'remittances.corridor.yes' } : { id: 'remittances.corridor.no' });
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table className="numeric-table">
        <caption id={`${id}-caption`}>{formatMessage({ id: 'remittances.corridor.table_caption' })}</caption>
        <thead>
          <tr>
            <th scope="col">{formatMessage({ id: 'remittances.corridor.period' })}</th>
            <th scope="col">{formatMessage({ id: 'remittances.corridor.services' })}</th>
            <th scope="col">{formatMessage({ id: 'remittances.corridor.average_usd200' })}</th>
            <th scope="col">{formatMessage({ id: 'remittances.corridor.average_usd500' })}</th>
            <th scope="col">{formatMessage({ id: 'remittances.corridor.smart' })}</th>
            <th scope="col">{formatMessage({ id: 'remittances.corridor.below_target' })}</th>
            <th scope="col">{formatMessage({ id: 'remittances.corridor.above_ceiling' })}</th>
          </tr>
        </thead>
        <tbody>
          {quarters.map((q) => (
            <tr key={q.period}>
              <th scope="row">{formatPeriod(intl, q.period)}</th>
              <td>{formatMessage({ id: 'remittances.corridor.services_value' }, { services: q.services, transparent: q.transparentServices })}</td>
              <td>{percent(q.averageTotalCost.usd200)}</td>
              <td>{percent(q.averageTotalCost.usd500)}</td>
              <td>{percent(q.smart)}</td>
              <td>{flag(q.sdg.averageBelow3Percent)}</td>
              <td>{flag(q.sdg.corridorAbove5Percent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
