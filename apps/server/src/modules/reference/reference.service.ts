import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import currencyCodes from 'currency-codes';
import ISO6391 from 'iso-639-1';
import { LOCALES, type Locale } from '@glocal/contracts';

// ISO code lists come from maintained packages; names in each language come from the packages
// (countries) or from CLDR through Node's ICU (currencies, languages): no hand-written lists.
const require = createRequire(import.meta.url);
for (const locale of LOCALES) {
  countries.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`));
}

const displayNames = (locale: Locale, type: 'currency' | 'language') =>
  new Intl.DisplayNames([locale], { type, fallback: 'code' });

export function countryName(code: string, locale: Locale): string | undefined {
  return countries.getName(code, locale) ?? countries.getName(code, 'en');
}

export function isCountryCode(code: string): boolean {
  return countries.isValid(code);
}

export function listCountries(locale: Locale) {
  const collator = new Intl.Collator(locale);
  return Object.keys(countries.getAlpha2Codes())
    .map((code) => ({
      code,
      alpha3: countries.alpha2ToAlpha3(code)!,
      numeric: countries.alpha2ToNumeric(code)!,
      name: countryName(code, locale) ?? code,
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export function listCurrencies(locale: Locale) {
  const names = displayNames(locale, 'currency');
  return currencyCodes.data
    .filter((currency) => currency.number) // funds and test codes without a number are not money people hold
    .map((currency) => ({
      code: currency.code,
      number: currency.number,
      digits: currency.digits,
      name: names.of(currency.code) ?? currency.currency,
    }));
}

/** ISO 4217 minor units, used to round money: 2 for EUR, 0 for XOF. */
export function currencyDigits(code: string): number | undefined {
  return currencyCodes.code(code)?.digits;
}

export function listLanguages(locale: Locale) {
  const names = displayNames(locale, 'language');
  const collator = new Intl.Collator(locale);
  return ISO6391.getAllCodes()
    .map((code) => ({ code, name: names.of(code) ?? ISO6391.getName(code), nativeName: ISO6391.getNativeName(code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
