import type { SavingsReport } from '@glocal/contracts';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useLocale } from '../../../lib/i18n';
import { useSavingsReport } from '../api/remittances';
import { formatMoney } from '../utils/format';

type Totals = SavingsReport['totals'];

type Row = { key: string; name: string; desks?: number; totals: Totals; all?: boolean };

/** What the desks' beneficiaries paid against the corridor average and the cheapest option, per desk, per territory and in all. */
export function SavingsReportPanel() {
  const { formatMessage } = useIntl();
  const report = useSavingsReport();
  if (report.isPending) return <LoadingMessage>{formatMessage({ id: 'remittances.savings.loading' })}</LoadingMessage>;
  if (report.isError) return <ProblemMessage error={report.error} onRetry={() => void report.refetch()} />;
  const all = { key: 'all', totals: report.data.totals, all: true };
  return (
    <>
      <p>{formatMessage({ id: 'remittances.savings.intro' })}</p>
      <SavingsTable
        caption={formatMessage({ id: 'remittances.savings.caption' })}
        nameHeader={formatMessage({ id: 'remittances.savings.desk' })}
        rows={[
          ...report.data.desks.map((desk) => ({ key: desk.organisationId, name: desk.name, totals: desk.totals })),
          { ...all, name: formatMessage({ id: 'remittances.savings.all_desks' }) },
        ]}
      />
      <p>{formatMessage({ id: 'remittances.savings.territory_intro' })}</p>
      <SavingsTable
        caption={formatMessage({ id: 'remittances.savings.territory_caption' })}
        nameHeader={formatMessage({ id: 'remittances.savings.territory' })}
        withDesks
        rows={[
          ...report.data.territories.map((territory) => ({
            key: territory.territoryId, name: territory.name, desks: territory.deskOrganisationIds.length, totals: territory.totals,
          })),
          { ...all, name: formatMessage({ id: 'remittances.savings.all_territories' }), desks: report.data.desks.length },
        ]}
      />
      {report.data.unbenchmarked > 0 && <p className="muted">{formatMessage({ id: 'remittances.savings.unbenchmarked' }, { count: report.data.unbenchmarked })}</p>}
    </>
  );
}

/** One row per group and sending currency; the groups' names on their first row. */
function SavingsTable({ caption, nameHeader, rows, withDesks = false }: { caption: string; nameHeader: string; rows: Row[]; withDesks?: boolean }) {
  const { formatMessage, formatNumber } = useIntl();
  const { locale } = useLocale();
  const id = useId();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table className="numeric-table">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            {withDesks && <th scope="col">{formatMessage({ id: 'remittances.savings.desks' })}</th>}
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
                {withDesks && <td>{index === 0 && row.desks !== undefined ? formatNumber(row.desks) : ''}</td>}
                <td>{formatNumber(totals?.transfers ?? 0)}</td>
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
  );
}
