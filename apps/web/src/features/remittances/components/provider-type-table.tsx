import type { CorridorReportQuarter, ProviderType } from '@glocal/contracts';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { useLocale } from '../../../lib/i18n';
import { formatPercent, formatPeriod } from '../utils/format';
import { PROVIDER_TYPE_MESSAGES } from '../utils/remittance-messages';

/**
 * The corridor report's breakdown by kind of provider, quarter by quarter: each cell the mean total
 * cost at USD 200 of that kind's transparent services and how many services were observed, so an
 * officer sees which kinds grew cheaper, not only where they stand now.
 */
export function ProviderTypeTable({ quarters }: { quarters: CorridorReportQuarter[] }) {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { locale } = useLocale();
  const id = useId();
  const types = [...new Set(quarters.flatMap((quarter) => quarter.byProviderType.map((entry) => entry.providerType)))].sort();
  const cell = (quarter: CorridorReportQuarter, type: ProviderType) => {
    const entry = quarter.byProviderType.find((candidate) => candidate.providerType === type);
    if (!entry) return formatMessage({ id: 'remittances.report.type_none' });
    const average = entry.averageTotalCostUsd200 === null ? formatMessage({ id: 'remittances.quotes.unknown' }) : formatPercent(locale, entry.averageTotalCostUsd200);
    return formatMessage({ id: 'remittances.report.type_cell' }, { average, services: entry.services });
  };
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-types`}>
      <table className="numeric-table">
        <caption id={`${id}-types`}>{formatMessage({ id: 'remittances.report.by_type_caption' })}</caption>
        <thead>
          <tr>
            <th scope="col">{formatMessage({ id: 'remittances.report.provider_type' })}</th>
            {quarters.map((quarter) => (
              <th scope="col" key={quarter.period}>
                {formatPeriod(intl, quarter.period)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {types.map((type) => (
            <tr key={type}>
              <th scope="row">{formatMessage(PROVIDER_TYPE_MESSAGES[type])}</th>
              {quarters.map((quarter) => (
                <td key={quarter.period}>{cell(quarter, type)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
