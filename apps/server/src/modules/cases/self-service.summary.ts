import type { Locale } from '@glocal/contracts';
import { translate, type MessageKey } from '../../platform/i18n/translate.js';
import { escapeHtml, printablePage } from './consents.receipt.js';

type Value = unknown;
type Summary = {
  exportedAt: string;
  person: Record<string, Value>;
  requests: (Record<string, Value> & { messages: Record<string, Value>[]; documents: Record<string, Value>[]; stageHistory: Record<string, Value>[]; referrals: Record<string, Value>[]; serviceReferrals: Record<string, Value>[]; financing: Record<string, Value>[]; notes: Record<string, Value>[] })[];
  consents: Record<string, Value>[];
  erasureRequests: Record<string, Value>[];
};

const PERSON_FIELDS = ['givenName', 'familyName', 'email', 'phone', 'birthDate', 'residenceStatus', 'gender', 'languages', 'preferredLocale', 'residenceTerritory', 'originTerritory', 'createdAt'];
const REQUEST_FIELDS = ['reference', 'requestKind', 'status', 'outcome', 'desk', 'coach', 'need', 'createdAt', 'closedAt'];

const show = (value: Value): string =>
  value === null || value === undefined ? '—' : Array.isArray(value) ? value.map(show).join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);

/**
 * The person's data as a readable page in their language (the JSON export holds the same and more
 * precisely). Field names come from the server catalogues; values are escaped as typed.
 */
export function renderDataSummary(locale: Locale, data: Summary): string {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, `my_data.${key}` as MessageKey, params);
  const dl = (record: Record<string, Value>, fields: string[]) =>
    `<dl>${fields.map((f) => `<dt>${escapeHtml(t(`field.${f}`))}</dt><dd>${escapeHtml(show(record[f]))}</dd>`).join('')}</dl>`;
  const table = (rows: Record<string, Value>[], fields: string[]) =>
    rows.length === 0
      ? `<p>${escapeHtml(t('none'))}</p>`
      : `<table><thead><tr>${fields.map((f) => `<th scope="col">${escapeHtml(t(`field.${f}`))}</th>`).join('')}</tr></thead><tbody>${rows
          .map((row) => `<tr>${fields.map((f) => `<td>${escapeHtml(show(row[f]))}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  const requests = data.requests
    .map(
      (r) => `<section><h2>${escapeHtml(t('request_title', { reference: String(r.reference) }))}</h2>
${dl(r, REQUEST_FIELDS)}
${r.businessProject ? `<h3>${escapeHtml(t('business_project'))}</h3>${dl(r.businessProject as Record<string, Value>, ['stage', 'idea', 'ownFundsAmount', 'neededAmount', 'currency', 'legalForm', 'registeredOn'])}` : ''}
<h3>${escapeHtml(t('stage_history'))}</h3>${table(r.stageHistory, ['fromStage', 'toStage', 'movedAt'])}
<h3>${escapeHtml(t('financing'))}</h3>${table(r.financing, ['kind', 'amount', 'currency', 'sourceOrganisation', 'fromRemittances'])}
<h3>${escapeHtml(t('messages'))}</h3>${table(r.messages, ['createdAt', 'sender', 'body'])}
<h3>${escapeHtml(t('documents'))}</h3>${table(r.documents, ['createdAt', 'kind', 'fileName', 'sizeBytes'])}
<h3>${escapeHtml(t('notes'))}</h3>${table(r.notes, ['createdAt', 'desk', 'body'])}
<h3>${escapeHtml(t('referrals'))}</h3>${table(r.referrals, ['createdAt', 'fromDesk', 'toDesk', 'status'])}
<h3>${escapeHtml(t('service_referrals'))}</h3>${table(
        r.serviceReferrals.map((s) => ({ ...s, outcome: t(`service_referral_outcome.${String(s.outcome)}`) })),
        ['createdAt', 'service', 'organization', 'note', 'outcome', 'outcomeAt'],
      )}
</section>`,
    )
    .join('\n');
  const title = t('title');
  return printablePage(
    locale,
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t('intro', { date: data.exportedAt.slice(0, 10) }))}</p>
<section><h2>${escapeHtml(t('person'))}</h2>${dl(data.person, PERSON_FIELDS)}</section>
${requests}
<section><h2>${escapeHtml(t('consents'))}</h2>${table(data.consents, ['givenAt', 'kind', 'recipientDeskName', 'recipientCountry', 'dataCategories', 'validUntil', 'withdrawnAt'])}</section>
<section><h2>${escapeHtml(t('erasure'))}</h2>${table(data.erasureRequests, ['requestedAt', 'status', 'retainedReason'])}</section>`,
  );
}
