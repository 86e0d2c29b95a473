import type { ProviderView, TransferView } from '@glocal/contracts';
import { useId, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useLocale } from '../../../lib/i18n';
import { useTransfers } from '../api/transfers';
import { formatDecimal } from '../utils/fee-schedule';
import { countryNameIn, formatDate, formatMoney } from '../utils/format';

interface TransferListProps {
  deskId: string;
  deskName: string;
  /** To name each transfer's product (the list gives its id only). */
  providers: readonly ProviderView[];
}

/** The transfers a desk recorded, latest first: what each beneficiary sent and paid, with which provider. */
export function TransferList({ deskId, deskName, providers }: TransferListProps) {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const transfers = useTransfers(deskId);
  const countryName = useMemo(() => countryNameIn(locale), [locale]);
  const productNames = useMemo(
    () => new Map(providers.flatMap((provider) => provider.products.map((product) => [product.id, product.name] as const))),
    [providers],
  );
  const id = useId();
  if (transfers.isPending) return <LoadingMessage>{formatMessage({ id: 'remittances.transfers.loading' })}</LoadingMessage>;
  if (transfers.isError) return <ProblemMessage error={transfers.error} onRetry={() => void transfers.refetch()} />;
  if (transfers.data.items.length === 0) return <p>{formatMessage({ id: 'remittances.transfers.empty' })}</p>;

  const providerText = (transfer: TransferView) => {
    const product = transfer.productId ? productNames.get(transfer.productId) : undefined;
    return product
      ? formatMessage({ id: 'remittances.transfers.provider_product' }, { provider: transfer.provider.name, product })
      : transfer.provider.name;
  };

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table className="numeric-table">
        <caption id={`${id}-caption`}>{formatMessage({ id: 'remittances.transfers.caption' }, { desk: deskName, count: transfers.data.items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{formatMessage({ id: 'remittances.transfers.date' })}</th>
            <th scope="col">{formatMessage({ id: 'remittances.transfers.corridor' })}</th>
            <th scope="col">{formatMessage({ id: 'remittances.transfers.provider' })}</th>
            <th scope="col">{formatMessage({ id: 'remittances.transfers.sent' })}</th>
            <th scope="col">{formatMessage({ id: 'remittances.transfers.fee_paid' })}</th>
            <th scope="col">{formatMessage({ id: 'remittances.transfers.rate_applied' })}</th>
            <th scope="col">{formatMessage({ id: 'remittances.transfers.reference' })}</th>
          </tr>
        </thead>
        <tbody>
          {transfers.data.items.map((transfer) => {
            const [from, to] = transfer.corridor.split('-') as [string, string];
            return (
              <tr key={transfer.id}>
                <th scope="row">{formatDate(locale, transfer.transferredOn)}</th>
                <td className="text-cell">{formatMessage({ id: 'remittances.provider.corridor_value' }, { from: countryName(from), to: countryName(to) })}</td>
                <td className="text-cell">{providerText(transfer)}</td>
                <td>{formatMoney(locale, transfer.amountSent, transfer.sendingCurrency)}</td>
                <td>{formatMoney(locale, transfer.feePaid, transfer.sendingCurrency)}</td>
                <td>
                  {formatMessage(
                    { id: 'remittances.transfers.rate_value' },
                    { rate: formatDecimal(locale, transfer.rateApplied), sending: transfer.sendingCurrency, receiving: transfer.receivingCurrency },
                  )}
                </td>
                <td className="text-cell" dir="ltr">
                  {transfer.beneficiaryRef ?? ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
