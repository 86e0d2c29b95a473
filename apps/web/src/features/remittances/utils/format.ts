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

/** A percentage (a JSON number from the API, 6 decimals) for people: 2 decimals. */
export function formatPercent(locale: string, percent: number): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(percent) + '\u00a0%';
}

/** `2026-09-30` in the reader's language, read as a calendar date (no time zone shift). */
export function formatDate(locale: string, isoDate: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}
