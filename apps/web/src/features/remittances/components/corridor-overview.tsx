import { useIntl } from 'react-intl';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useLocale } from '../../../lib/i18n';
import { useCorridorHistory, useCorridors } from '../api/remittances';
import { formatPercent, formatPeriod } from '../utils/format';
import { CorridorChart } from './corridor-chart';
import { CorridorTable } from './corridor-table';

/** A corridor's history for the public: the chart, SmaRT now, and the table behind them; demo prices said to be illustrative. */
export function CorridorOverview({ corridor }: { corridor: string }) {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { locale } = useLocale();
  const history = useCorridorHistory(corridor);
  // The corridor list says whether every price in it comes from the demo data set.
  const illustrative = useCorridors().data?.items.find((item) => item.corridor === corridor)?.illustrative ?? false;
  if (history.isPending) return <LoadingMessage>{formatMessage({ id: 'remittances.corridor.loading' })}</LoadingMessage>;
  if (history.isError) return <ProblemMessage error={history.error} onRetry={() => void history.refetch()} />;
  const quarters = history.data.items;
  if (quarters.length === 0) return <p className="notice">{formatMessage({ id: 'remittances.corridor.no_data' })}</p>;
  const latest = quarters.at(-1)!;
  return (
    <>
      {illustrative && <p className="notice notice--warning">{formatMessage({ id: 'remittances.demo_notice' })}</p>}
      <dl className="details-list">
        <dt>{formatMessage({ id: 'remittances.corridor.latest_average' }, { period: formatPeriod(intl, latest.period) })}</dt>
        <dd>{latest.averageTotalCost.usd200 === null ? formatMessage({ id: 'remittances.quotes.unknown' }) : formatPercent(locale, latest.averageTotalCost.usd200)}</dd>
        <dt>{formatMessage({ id: 'remittances.corridor.smart' })}</dt>
        <dd>
          {latest.smart === null ? formatMessage({ id: 'remittances.quotes.unknown' }) : formatPercent(locale, latest.smart)}
          {latest.smartIncomplete && <> · {formatMessage({ id: 'remittances.corridor.smart_incomplete' })}</>}
        </dd>
      </dl>
      <CorridorChart quarters={quarters} />
      <CorridorTable quarters={quarters} />
      <p className="muted">{formatMessage({ id: 'remittances.corridor.smart_rule' })}</p>
    </>
  );
}
