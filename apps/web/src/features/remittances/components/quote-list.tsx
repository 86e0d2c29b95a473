import type { RemittanceQuoteItem } from '@glocal/contracts';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useLocale } from '../../../lib/i18n';
import { formatDate, formatMoney, formatPercent } from '../utils/format';
import { PAY_IN_MESSAGES, PICKUP_MESSAGES, PROVIDER_TYPE_MESSAGES, SPEED_MESSAGES } from '../utils/remittance-messages';

interface QuoteListProps {
  items: RemittanceQuoteItem[];
  countryName: (code: string) => string;
  /** True when ranked by what the family receives (amount in the sending currency), else by what the sender pays. */
  byReceivedAmount: boolean;
}

/** The options, best first, each with every figure RPW defines and what to watch out for. */
export function QuoteList({ items, byReceivedAmount }: QuoteListProps) {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  if (items.length === 0) return <p className="notice">{formatMessage({ id: 'remittances.quotes.none' })}</p>;
  const money = (amount: string, currency: string) => formatMoney(locale, amount, currency);

  return (
    <>
      <p className="result-count">
        {formatMessage(byReceivedAmount ? { id: 'remittances.quotes.ranked_by_received' } : { id: 'remittances.quotes.ranked_by_paid' }, { count: items.length })}
      </p>
      <ol className="quote-list">
        {items.map((item, index) => (
          <li key={item.product.id} className="card quote-card">
            <h3 className="quote-card__title">
              <span className="quote-card__rank">{formatMessage({ id: 'remittances.quotes.rank' }, { rank: index + 1 })}</span>{' '}
              {item.provider.name}
              <span className="muted"> · {item.product.name}</span>
            </h3>
            <p className="muted">{formatMessage(PROVIDER_TYPE_MESSAGES[item.provider.type])}</p>
            <p className="quote-card__received">
              {item.amountReceived !== null
                ? formatMessage({ id: 'remittances.quotes.family_receives' }, { amount: money(item.amountReceived, item.receivingCurrency) })
                : formatMessage({ id: 'remittances.quotes.received_unknown' })}
            </p>
            {!item.transparent && (
              <p className="notice notice--warning">{formatMessage({ id: 'remittances.quotes.non_transparent' })}</p>
            )}
            {item.zeroFeeWarning && (
              <p className="notice notice--warning">{formatMessage({ id: 'remittances.quotes.zero_fee_warning' })}</p>
            )}
            <dl className="details-list quote-card__figures">
              <dt>{formatMessage({ id: 'remittances.quotes.you_send' })}</dt>
              <dd>{money(item.amountSent, item.sendingCurrency)}</dd>
              <dt>{formatMessage({ id: 'remittances.quotes.fee' })}</dt>
              <dd>
                {money(item.fee, item.sendingCurrency)}
                {item.feeChargedOnTop && <> · {formatMessage({ id: 'remittances.quotes.fee_on_top' }, { total: money(item.senderPays, item.sendingCurrency) })}</>}
              </dd>
              <dt>{formatMessage({ id: 'remittances.quotes.rate' })}</dt>
              <dd dir="ltr">
                {item.exchangeRate !== null
                  ? formatMessage({ id: 'remittances.quotes.rate_value' }, { from: item.sendingCurrency, to: item.receivingCurrency, rate: item.exchangeRate })
                  : formatMessage({ id: 'remittances.quotes.rate_undisclosed' })}
              </dd>
              <dt>{formatMessage({ id: 'remittances.quotes.margin' })}</dt>
              <dd>
                {item.fxMarginPercent !== null
                  ? formatMessage({ id: 'remittances.quotes.margin_value' }, { margin: formatPercent(locale, item.fxMarginPercent), rate: item.interbankRate })
                  : formatMessage({ id: 'remittances.quotes.unknown' })}
              </dd>
              <dt>{formatMessage({ id: 'remittances.quotes.total_cost' })}</dt>
              <dd>
                <strong>{item.totalCostPercent !== null ? formatPercent(locale, item.totalCostPercent) : formatMessage({ id: 'remittances.quotes.unknown' })}</strong>
              </dd>
              <dt>{formatMessage({ id: 'remittances.quotes.speed' })}</dt>
              <dd>{formatMessage(SPEED_MESSAGES[item.speed])}</dd>
              <dt>{formatMessage({ id: 'remittances.quotes.pay_in' })}</dt>
              <dd>{formatMessage(PAY_IN_MESSAGES[item.payIn])}</dd>
              <dt>{formatMessage({ id: 'remittances.quotes.pickup' })}</dt>
              <dd>{formatMessage(PICKUP_MESSAGES[item.pickup])}</dd>
              <dt>{formatMessage({ id: 'remittances.quotes.observed' })}</dt>
              <dd>
                {formatDate(locale, item.observedAt)}
                {item.stale && <> · <span className="quote-card__stale">{formatMessage({ id: 'remittances.quotes.stale' })}</span></>}
              </dd>
            </dl>
            {item.product.coverageNote && <p className="muted">{item.product.coverageNote}</p>}
            {item.pickupPoints.length > 0 && (
              <div className="quote-card__pickup-points">
                <p id={`pickup-points-${item.product.id}`}>{formatMessage({ id: 'remittances.quotes.pickup_points' }, { count: item.pickupPoints.length })}</p>
                <ul aria-labelledby={`pickup-points-${item.product.id}`}>
                  {item.pickupPoints.map((point) => (
                    <li key={point.serviceId}>
                      <Link to={`/directory/services/${encodeURIComponent(point.serviceId)}`}>{point.name}</Link>
                      {point.territory && <span className="muted"> · {point.territory}</span>}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
