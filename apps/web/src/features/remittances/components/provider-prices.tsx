import type { FeeScheduleBody, ProviderPriceView, ProviderView } from '@glocal/contracts';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useLocale } from '../../../lib/i18n';
import { useProviderPrices } from '../api/provider-reporting';
import { formatDecimal } from '../utils/fee-schedule';
import { countryNameIn, formatDate, formatMoney } from '../utils/format';
import { PAY_IN_MESSAGES, PICKUP_MESSAGES, SPEED_MESSAGES } from '../utils/remittance-messages';
import { ProductForm } from './product-form';

type Product = ProviderView['products'][number];

/** A provider's products, each with the latest price in every corridor and how old it is: stale after 90 days, out of the rankings after 180. */
export function ProviderPrices({ provider }: { provider: ProviderView }) {
  const { formatMessage } = useIntl();
  const prices = useProviderPrices(provider.id);
  if (prices.isPending) return <LoadingMessage>{formatMessage({ id: 'remittances.provider.prices_loading' })}</LoadingMessage>;
  if (prices.isError) return <ProblemMessage error={prices.error} onRetry={() => void prices.refetch()} />;
  if (provider.products.length === 0) return <p className="muted">{formatMessage({ id: 'remittances.provider.no_products' })}</p>;
  const outdated = prices.data.items.filter((price) => price.stale).length;
  return (
    <>
      <p>{formatMessage({ id: 'remittances.provider.freshness_rule' })}</p>
      {outdated > 0 && (
        <p className="notice notice--warning">{formatMessage({ id: 'remittances.provider.outdated_count' }, { count: outdated })}</p>
      )}
      {provider.products.map((product) => (
        <ProductPrices key={product.id} providerId={provider.id} product={product} prices={prices.data.items.filter((price) => price.productId === product.id)} />
      ))}
    </>
  );
}

function ProductPrices({ providerId, product, prices }: { providerId: string; product: Product; prices: ProviderPriceView[] }) {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const countryName = useMemo(() => countryNameIn(locale), [locale]);
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [savedName, setSavedName] = useState<string | null>(null);
  // Back from the form (saved or cancelled): the keyboard returns to the button that opened it.
  const editButton = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    if (!editing && returnFocus) {
      editButton.current?.focus();
      setReturnFocus(false);
    }
  }, [editing, returnFocus]);
  const close = () => {
    setEditing(false);
    setReturnFocus(true);
  };
  return (
    <section aria-labelledby={`${id}-name`} className="page-section">
      <h3 id={`${id}-name`}>{product.name}</h3>
      <p className="muted">
        {formatMessage(
          { id: 'remittances.provider.product_details' },
          { payIn: formatMessage(PAY_IN_MESSAGES[product.payIn]), pickup: formatMessage(PICKUP_MESSAGES[product.pickup]), speed: formatMessage(SPEED_MESSAGES[product.speed]) },
        )}
      </p>
      {editing ? (
        <ProductForm
          providerId={providerId}
          product={product}
          onSaved={(saved) => {
            close();
            setSavedName(saved.name);
          }}
          onCancel={close}
        />
      ) : (
        <p>
          <button
            ref={editButton}
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setSavedName(null);
              setEditing(true);
            }}
          >
            {formatMessage({ id: 'remittances.product.edit' }, { name: product.name })}
          </button>
        </p>
      )}
      <div aria-live="polite">
        {savedName !== null && (
          <p className="notice notice--success" role="status">
            {formatMessage({ id: 'remittances.product.updated' }, { name: savedName })}
          </p>
        )}
      </div>
      {prices.length === 0 ? (
        <p>{formatMessage({ id: 'remittances.provider.no_price' })}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
          <table>
            <caption id={`${id}-caption`}>{formatMessage({ id: 'remittances.provider.prices_caption' }, { product: product.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{formatMessage({ id: 'remittances.provider.corridor' })}</th>
                <th scope="col">{formatMessage({ id: 'remittances.provider.fee' })}</th>
                <th scope="col">{formatMessage({ id: 'remittances.provider.rate_offered' })}</th>
                <th scope="col">{formatMessage({ id: 'remittances.provider.interbank_rate' })}</th>
                <th scope="col">{formatMessage({ id: 'remittances.provider.observed' })}</th>
                <th scope="col">{formatMessage({ id: 'remittances.provider.status' })}</th>
              </tr>
            </thead>
            <tbody>
              {prices.map((price) => {
                const [from, to] = price.corridor.split('-') as [string, string];
                return (
                  <tr key={price.corridor}>
                    <th scope="row">
                      {formatMessage({ id: 'remittances.provider.corridor_value' }, { from: countryName(from), to: countryName(to) })}
                      <br />
                      <span className="muted">
                        {formatMessage({ id: 'remittances.provider.currencies_value' }, { sending: price.sendingCurrency, receiving: price.receivingCurrency })}
                      </span>
                    </th>
                    <td>
                      <FeeScheduleText fee={price.fee} currency={price.sendingCurrency} />
                    </td>
                    <td>{price.rateOffered === null ? formatMessage({ id: 'remittances.provider.rate_undisclosed' }) : formatDecimal(locale, price.rateOffered)}</td>
                    <td>{formatDecimal(locale, price.interbankRate)}</td>
                    <td>
                      {formatDate(locale, price.observedOn)}
                      <br />
                      <span className="muted">{formatMessage({ id: 'remittances.provider.age' }, { days: price.ageDays })}</span>
                    </td>
                    <td>
                      {price.dropped ? (
                        <strong>{formatMessage({ id: 'remittances.provider.status_dropped' })}</strong>
                      ) : price.stale ? (
                        <strong>{formatMessage({ id: 'remittances.provider.status_stale' })}</strong>
                      ) : (
                        formatMessage({ id: 'remittances.provider.status_current' })
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A fee schedule in words: "EUR 3 + 0.5 %", or one line per tier of amounts. */
export function FeeScheduleText({ fee, currency }: { fee: FeeScheduleBody; currency: string }) {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const money = (amount: string) => formatMoney(locale, amount, currency);
  const formula = ({ fixed, percent }: { fixed?: string | undefined; percent?: string | undefined }) => {
    const hasFixed = fixed !== undefined && /[1-9]/.test(fixed);
    const hasPercent = percent !== undefined && /[1-9]/.test(percent);
    const percentText = hasPercent ? `${formatDecimal(locale, percent)}\u00a0%` : '';
    if (hasFixed && hasPercent) return formatMessage({ id: 'remittances.provider.fee_fixed_and_percent' }, { fixed: money(fixed), percent: percentText });
    if (hasFixed) return money(fixed);
    if (hasPercent) return percentText;
    return formatMessage({ id: 'remittances.provider.fee_none' });
  };
  if (!('tiers' in fee)) return formula(fee);
  return (
    <ul className="link-list">
      {fee.tiers.map((tier, index) => {
        const over = tier.over === undefined ? null : money(tier.over);
        const upTo = tier.upTo === undefined ? null : money(tier.upTo);
        const text = formula(tier);
        const line =
          over !== null && upTo !== null
            ? formatMessage({ id: 'remittances.provider.tier_between' }, { over, upTo, fee: text })
            : over !== null
              ? formatMessage({ id: 'remittances.provider.tier_over' }, { over, fee: text })
              : upTo !== null
                ? formatMessage({ id: 'remittances.provider.tier_up_to' }, { upTo, fee: text })
                : formatMessage({ id: 'remittances.provider.tier_any' }, { fee: text });
        return <li key={index}>{line}</li>;
      })}
    </ul>
  );
}
