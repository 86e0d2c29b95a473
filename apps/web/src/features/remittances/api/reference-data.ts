import { CountryList, CurrencyList } from '@glocal/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { useLocale } from '../../../lib/i18n';

const DAY = 24 * 60 * 60_000;

/** ISO 3166-1 countries, named in the reader's language: what corridor fields offer. */
export function useCountries() {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['reference', 'countries', locale],
    queryFn: ({ signal }) => apiGet('/api/v1/reference/countries', { schema: CountryList, locale, query: { locale }, signal }),
    staleTime: DAY,
  });
}

/** ISO 4217 currencies, named in the reader's language, with their minor units. */
export function useCurrencies() {
  const { locale } = useLocale();
  return useQuery({
    queryKey: ['reference', 'currencies', locale],
    queryFn: ({ signal }) => apiGet('/api/v1/reference/currencies', { schema: CurrencyList, locale, query: { locale }, signal }),
    staleTime: DAY,
  });
}
