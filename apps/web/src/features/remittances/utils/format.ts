import type { IntlShape } from 'react-intl';

/** A country's name in the reader's language, from the browser's own CLDR data (no catalogue to load). */
export function countryNameIn(locale: string) {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  return (code: string) => names.of(code) ?? code;
}

/**
 * Money as the API sent it (an exact decimal string), in the reader's language. Intl formats a
 * numeric string as the decimal it spells (no float on the way), with as many decimals as it has.
 */
export function formatMoney(locale: string, amount: string, currency: string): string {
  const decimals = amount.split('.')[1]?.length ?? 0;
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code', minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return format.format(amount as unknown as number);
}

/**
 * A percentage (a JSON number from the API, 6 decimals) for people, as the reader's language
 * writes one (`3.75%`, `3,75 %`, `3.75‎%‎`): 2 decimals unless told. Intl's percent style
 * multiplies by 100; the figure goes in as the decimal string it spells, moved two places
 * (`3.752033e-2`), so no binary division shifts a rounding.
 */
export function formatPercent(locale: string, percent: number, decimals = 2): string {
  const format = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return format.format(`${percent}e-2` as unknown as number);
}

/**
 * A calendar quarter (`2026-Q1`) in the reader's language, from the catalogue's template
 * ("Q1 2026", "T1 2026", …), its numbers in the reader's digits; anything else as it came.
 */
export function formatPeriod(intl: Pick<IntlShape, 'formatMessage' | 'locale'>, period: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!match) return period;
  const number = new Intl.NumberFormat(intl.locale, { useGrouping: false });
  return intl.formatMessage({ id: 'remittances.period.quarter' }, { quarter: number.format(Number(match[2])), year: number.format(Number(match[1])) });
}

/** `2026-09-30` in the reader's language, read as a calendar date (no time zone shift). */
export function formatDate(locale: string, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}
