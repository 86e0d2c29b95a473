import { useState } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useMyProviders } from '../api/provider-reporting';
import { PROVIDER_TYPE_MESSAGES } from '../utils/remittance-messages';
import { PriceReportForm } from './price-report-form';
import { ProductForm } from './product-form';
import { ProviderPrices } from './provider-prices';

/**
 * What a provider's staff keep up to date on the comparison: their products and latest prices,
 * a new price, a new product. Platform staff, who may report for every provider, choose one first.
 */
export function ProviderReporting() {
  const { formatMessage } = useIntl();
  const providers = useMyProviders();
  const [chosenId, setChosenId] = useState<string | null>(null);
  if (providers.isPending) return <LoadingMessage>{formatMessage({ id: 'remittances.provider.loading' })}</LoadingMessage>;
  if (providers.isError) return <ProblemMessage error={providers.error} onRetry={() => void providers.refetch()} />;
  const { items } = providers.data;
  if (items.length === 0) return <p>{formatMessage({ id: 'remittances.provider.none' })}</p>;
  const provider = items.find((item) => item.id === chosenId) ?? items[0]!;

  return (
    <>
      {items.length > 1 && (
        <FormField label={formatMessage({ id: 'remittances.provider.choose' })}>
          {(control) => (
            <select {...control} value={provider.id} onChange={(event) => setChosenId(event.target.value)}>
              {items.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <section aria-labelledby="provider-prices" className="page-section">
        <h2 id="provider-prices">{formatMessage({ id: 'remittances.provider.prices_title' }, { provider: provider.name })}</h2>
        <p className="muted">{formatMessage(PROVIDER_TYPE_MESSAGES[provider.type])}</p>
        <ProviderPrices provider={provider} />
      </section>
      {/* Keyed by provider: a new choice starts from empty forms. */}
      <div className="page-section">
        <PriceReportForm key={provider.id} provider={provider} />
      </div>
      <div className="page-section">
        <ProductForm key={provider.id} providerId={provider.id} />
      </div>
    </>
  );
}
