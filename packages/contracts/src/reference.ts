import { z } from 'zod';
import { CountryCode, CurrencyCode, listEnvelope } from './common.js';

export const ReferenceQuery = z.object({ locale: z.string().max(35).optional() });

export const CountryView = z.object({
  code: CountryCode,
  alpha3: z.string().length(3),
  numeric: z.string().length(3),
  name: z.string(),
});
export const CountryList = listEnvelope(CountryView);

export const CurrencyView = z.object({
  code: CurrencyCode,
  number: z.string(),
  /** Minor units (decimal places) per ISO 4217: 2 for EUR, 0 for XOF. */
  digits: z.number().int(),
  name: z.string(),
});
export const CurrencyList = listEnvelope(CurrencyView);

export const LanguageView = z.object({
  /** ISO 639-1 code. */
  code: z.string().regex(/^[a-z]{2}$/),
  name: z.string(),
  nativeName: z.string(),
});
export const LanguageList = listEnvelope(LanguageView);
