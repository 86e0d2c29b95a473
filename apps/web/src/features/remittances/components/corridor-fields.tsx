import type { ProblemFieldError } from '@glocal/contracts';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useLocale } from '../../../lib/i18n';
import { useCountries, useCurrencies } from '../api/reference-data';
import { useCorridors } from '../api/remittances';

/** Where money goes from and to, and in which currencies, as a form holds them. */
export interface CorridorDraft {
  from: string;
  to: string;
  sendingCurrency: string;
  receivingCurrency: string;
}

export const emptyCorridor = (): CorridorDraft => ({ from: '', to: '', sendingCurrency: '', receivingCurrency: '' });

interface CorridorFieldsProps {
  value: CorridorDraft;
  onChange: (next: CorridorDraft) => void;
  /** Field errors keyed by JSON Pointer (`/from`, `/sendingCurrency`), from the browser's check or the server's. */
  errors: Map<string, ProblemFieldError>;
}

/**
 * The four fields of a corridor: sending and receiving country (ISO 3166-1) and currency (ISO
 * 4217). Choosing a corridor the comparison already knows fills in its currencies.
 */
export function CorridorFields({ value, onChange, errors }: CorridorFieldsProps) {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const countries = useCountries();
  const currencies = useCurrencies();
  const corridors = useCorridors();
  const collator = useMemo(() => new Intl.Collator(locale), [locale]);
  const sortedCountries = useMemo(
    () => [...(countries.data?.items ?? [])].sort((a, b) => collator.compare(a.name, b.name)),
    [countries.data, collator],
  );

  if (countries.isPending || currencies.isPending) return <LoadingMessage>{formatMessage({ id: 'remittances.fields.loading' })}</LoadingMessage>;
  if (countries.isError) return <ProblemMessage error={countries.error} onRetry={() => void countries.refetch()} />;
  if (currencies.isError) return <ProblemMessage error={currencies.error} onRetry={() => void currencies.refetch()} />;

  function update(field: keyof CorridorDraft, chosen: string) {
    const next = { ...value, [field]: chosen };
    if (field === 'from' || field === 'to') {
      const known = corridors.data?.items.find((corridor) => corridor.from === next.from && corridor.to === next.to);
      if (known) Object.assign(next, { sendingCurrency: known.sendingCurrency, receivingCurrency: known.receivingCurrency });
    }
    onChange(next);
  }

  const countrySelect = (field: 'from' | 'to', label: string) => (
    <FormField label={label} error={errors.get(`/${field}`)}>
      {(control) => (
        <select {...control} value={value[field]} onChange={(event) => update(field, event.target.value)}>
          <option value="">{formatMessage({ id: 'remittances.fields.choose' })}</option>
          {sortedCountries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
  const currencySelect = (field: 'sendingCurrency' | 'receivingCurrency', label: string) => (
    <FormField label={label} error={errors.get(`/${field}`)}>
      {(control) => (
        <select {...control} value={value[field]} onChange={(event) => update(field, event.target.value)}>
          <option value="">{formatMessage({ id: 'remittances.fields.choose' })}</option>
          {currencies.data.items.map((currency) => (
            <option key={currency.code} value={currency.code}>
              {formatMessage({ id: 'remittances.fields.currency_option' }, { code: currency.code, name: currency.name })}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  return (
    <>
      <div className="form-row">
        {countrySelect('from', formatMessage({ id: 'remittances.fields.from' }))}
        {countrySelect('to', formatMessage({ id: 'remittances.fields.to' }))}
      </div>
      <div className="form-row">
        {currencySelect('sendingCurrency', formatMessage({ id: 'remittances.fields.sending_currency' }))}
        {currencySelect('receivingCurrency', formatMessage({ id: 'remittances.fields.receiving_currency' }))}
      </div>
    </>
  );
}
