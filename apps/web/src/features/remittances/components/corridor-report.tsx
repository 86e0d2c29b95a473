import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useLocale } from '../../../lib/i18n';
import { corridorReportCsvUrl, useCorridorReport, useCorridors } from '../api/remittances';
import { countryNameIn, formatDate } from '../utils/format';
import { CorridorTable } from './corridor-table';
import { ProviderTypeTable } from './provider-type-table';

/** For territory officers and desks: one corridor's quarters, provider types, freshness and SDG flags, with a CSV. */
export function CorridorReportPanel() {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const corridors = useCorridors();
  const [corridor, setCorridor] = useState<string | null>(null);
  const chosen = corridor ?? corridors.data?.items[0]?.corridor ?? null;
  const report = useCorridorReport(chosen);
  const countryName = useMemo(() => countryNameIn(locale), [locale]);

  if (corridors.isPending) return <LoadingMessage>{formatMessage({ id: 'remittances.report.loading' })}</LoadingMessage>;
  if (corridors.isError) return <ProblemMessage error={corridors.error} onRetry={() => void corridors.refetch()} />;

  return (
    <>
      <FormField label={formatMessage({ id: 'remittances.report.corridor' })}>
        {(control) => (
          <select {...control} value={chosen ?? ''} onChange={(event) => setCorridor(event.target.value)}>
            {corridors.data.items.map((item) => (
              <option key={item.corridor} value={item.corridor}>
                {formatMessage({ id: 'remittances.report.corridor_option' }, { from: countryName(item.from), to: countryName(item.to) })}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {report.isPending && chosen && <LoadingMessage>{formatMessage({ id: 'remittances.report.loading' })}</LoadingMessage>}
      {report.isError && <ProblemMessage error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <>
          <p>
            {report.data.latestObservedOn
              ? formatMessage({ id: 'remittances.report.freshness' }, { date: formatDate(locale, report.data.latestObservedOn), days: report.data.freshnessDays ?? 0 })
              : formatMessage({ id: 'remittances.corridor.no_data' })}
          </p>
          <CorridorTable quarters={report.data.quarters} />
          <ProviderTypeTable quarters={report.data.quarters} />
          <p>
            <a className="button button--secondary" href={corridorReportCsvUrl(report.data.corridor)} download>
              {formatMessage({ id: 'remittances.report.csv' })}
            </a>
          </p>
        </>
      )}
    </>
  );
}
