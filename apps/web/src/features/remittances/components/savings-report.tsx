import type { SavingsReport } from '@glocal/contracts';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useLocale } from '../../../lib/i18n';
import { useSavingsReport } from '../api/remittances';
import { formatMoney } from '../utils/format';

type Totals = SavingsReport['totals'];

/** What the desks' beneficiaries paid against the corridor average and the cheapest option, per desk and in all. */
export function SavingsReportPanel() {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const report = useSavingsReport();
  const id = useId();
  if (report.isPending) return <LoadingMessage>{formatMessage({ id: 'remittances.savings.loading' })}</LoadingMessage>;
  if (report.isError) return <ProblemMessage error={report.error} onRetry={() => void report.refetch()} />;
  const rows: { key: string; name: string; totals: Totals; all?: boolean }[] = [
    ...report.data.desks.map((desk) => ({ key: desk.organisationId, name: desk.name, totals: desk.totals })),
    { key: 'all', name: formatMessage({ id: 'remittances.savings.all_desks' }), totals: report.data.totals, all: true },
  ];
  return (
    <>
      <p>{formatMessage({ id: 'remittances.savings.intro' })}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
        <table className="numeric-table">
          <caption id={`${id}-caption`}>{formatMessage({ id: 'remittances.savings.caption' })}</caption>
          <thead>
            <tr>
              <th scope="col">{formatMessage({ id: 'remittances.savings.desk' })}</th>
              <th scope="col">{formatMessage({ id: 'remittances.savings.transfers' })}</th>
              <th scope="col">{formatMessage({ id: 'remittances.savings.sent' })}</th>
              <th scope="col">{formatMessage({ id: 'remittances.savings.cost' })}</th>
              <th scope="col">{formatMessage({ id: 'remittances.savings.saved' })}</th>
              <th scope="col">{formatMessage({ id: 'remittances.savings.overpaid' })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((row) =>
              (row.totals.length ? row.totals : [null]).map((totals, index) => (
                <tr key={`${row.key}-${totals?.currency ?? 'none'}`} className={row.all ? 'numeric-table__total' : undefined}>
                  <th scope="row">{index === 0 ? row.name : ''}</th>
                  <td>{totals?.transfers ?? 0}</td>
                  <td>{totals ? formatMoney(locale, totals.amountSent, totals.currency) : ''}</td>
                  <td>{totals ? formatMoney(locale, totals.cost, totals.currency) : ''}</td>
                  <td>{totals ? formatMoney(locale, totals.savedVersusAverage, totals.currency) : ''}</td>
                  <td>{totals ? formatMoney(locale, totals.overpaidVersusCheapest, totals.currency) : ''}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      {report.data.unbenchmarked > 0 && <p className="muted">{formatMessage({ id: 'remittances.savings.unbenchmarked' }, { count: report.data.unbenchmarked })}</p>}
    </>
  );
}
