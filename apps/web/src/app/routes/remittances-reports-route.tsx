import { useIntl } from 'react-intl';
import { PageHeading } from '../../components/ui/page-heading';
import { CorridorReportPanel } from '../../features/remittances/components/corridor-report';
import { PriceImport } from '../../features/remittances/components/price-import';
import { ReferenceRateImport } from '../../features/remittances/components/reference-rate-import';
import { SavingsReportPanel } from '../../features/remittances/components/savings-report';
import { useSession } from '../../lib/session';

/** Territory officers and desks: corridor reports, savings from recorded transfers, price and reference rate imports. */
export function RemittancesReportsRoute() {
  const { formatMessage } = useIntl();
  const { can } = useSession();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'remittances.reports.title' })}</PageHeading>
      <section aria-labelledby="remittances-corridor-report" className="page-section">
        <h2 id="remittances-corridor-report">{formatMessage({ id: 'remittances.report.title' })}</h2>
        <CorridorReportPanel />
      </section>
      <section aria-labelledby="remittances-savings" className="page-section">
        <h2 id="remittances-savings">{formatMessage({ id: 'remittances.savings.title' })}</h2>
        <SavingsReportPanel />
      </section>
      {can('remittances:import') && (
        <section aria-labelledby="remittances-import" className="page-section">
          <h2 id="remittances-import">{formatMessage({ id: 'remittances.import.title' })}</h2>
          <PriceImport />
        </section>
      )}
      {can('remittances:import') && (
        <section aria-labelledby="remittances-rates-import" className="page-section">
          <h2 id="remittances-rates-import">{formatMessage({ id: 'remittances.rates_import.title' })}</h2>
          <ReferenceRateImport />
        </section>
      )}
    </>
  );
}
