import { RTL_LOCALES, type ConsentView, type Locale } from '@glocal/contracts';
import { translate, type MessageKey } from '../../platform/i18n/translate.js';

/** Text into HTML: every value a person or a coach typed passes through here. */
export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const formatDay = (locale: Locale, day: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));

export const countryName = (locale: Locale, code: string) => new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;

/** A whole, self-contained printable page (no script, no outside resource), in the person's language and direction. */
export function printablePage(locale: Locale, title: string, body: string) {
  const dir = (RTL_LOCALES as readonly string[]).includes(locale) ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-inline-size: 44rem; margin-inline: auto; padding: 1.5rem; line-height: 1.5; color: #111; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-block-start: 1.5rem; }
dl { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; }
table { border-collapse: collapse; inline-size: 100%; } th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; text-align: start; vertical-align: top; }
@media print { body { padding: 0; } }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function renderConsentReceipt(input: { locale: Locale; personName: string; reference: string | null; deskName: string | null; consent: ConsentView }) {
  const { locale, consent } = input;
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, key as MessageKey, params);
  const status = consent.withdrawnAt ? 'withdrawn' : consent.standing ? 'standing' : 'expired';
  const rows: [string, string][] = [
    [t('consent_receipt.reference'), input.reference ?? '—'],
    [t('consent_receipt.person'), input.personName],
    [t('consent_receipt.from_desk'), input.deskName ?? '—'],
    [t('consent_receipt.recipient'), consent.recipientDeskName ?? '—'],
    [t('consent_receipt.country'), consent.recipientCountry ? `${countryName(locale, consent.recipientCountry)} (${consent.recipientCountry})` : '—'],
    [t('consent_receipt.data'), consent.dataCategories.map((c) => t(`consent_receipt.category.${c}`)).join(', ')],
    [t('consent_receipt.purpose'), consent.purpose],
    [t('consent_receipt.given_at'), formatDay(locale, consent.givenAt)],
    [t('consent_receipt.valid_until'), consent.validUntil ? formatDay(locale, consent.validUntil) : '—'],
    [t('consent_receipt.method'), t(`consent_receipt.method.${consent.method}`)],
    [t('consent_receipt.legal_basis'), t(`consent_receipt.legal_basis.${consent.legalBasis}`)],
    [t('consent_receipt.status'), t(`consent_receipt.status.${status}`, { date: consent.withdrawnAt ? formatDay(locale, consent.withdrawnAt) : '' })],
  ];
  const title = t('consent_receipt.title');
  return printablePage(
    locale,
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t('consent_receipt.intro'))}</p>
<dl>
${rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}
</dl>
<h2>${escapeHtml(t('consent_receipt.rights_title'))}</h2>
<p>${escapeHtml(t('consent_receipt.rights'))}</p>
<p><small>${escapeHtml(t('consent_receipt.consent_id', { id: consent.id }))}</small></p>`,
  );
}
