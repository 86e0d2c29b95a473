import { ServiceCreateBody, ServiceUpdateBody, type Locale, type ProblemFieldError, type ServiceDetailView, type ServiceStatus, type TargetGroup } from '@glocal/contracts';
import { fieldErrorsFromIssues } from '../../../lib/field-errors';

/** What the service form holds: text as typed, turned into the API's shape on submit. */
export interface ServiceDraft {
  name: string;
  description: string;
  eligibilityDescription: string;
  applicationProcess: string;
  feesDescription: string;
  alert: string;
  status: ServiceStatus;
  /** Where it is offered (searches by that territory or one above it find it); '' for not stated. */
  territoryId: string;
  /** ISO 639-1 codes as typed: "fr, wo". */
  staffLanguages: string;
  diasporaEligible: boolean;
  returneeEligible: boolean;
  targetGroups: TargetGroup[];
  /** The taxonomy terms that describe it (its kinds of service). */
  taxonomyTermIds: string[];
  /** Loan terms, for credit and micro-credit: decimals and an ISO 4217 code as typed. */
  loanMin: string;
  loanMax: string;
  loanCurrency: string;
  interestMin: string;
  interestMax: string;
  collateralRequired: 'unknown' | 'yes' | 'no';
  url: string;
  email: string;
  /** Documents to bring, in this language; `id` for those the service has. */
  requiredDocuments: { id?: string; document: string }[];
  /** What it costs: what for, an amount (0 is free) and its currency, as typed. */
  costs: { id?: string; option: string; amount: string; currency: string }[];
  /** Languages the service is offered in, ISO 639-1 codes as typed: "fr, wo". */
  languages: string;
  /** "I checked it with the service today": sets its last verification to today. */
  verified: boolean;
}

export const emptyCost = (): ServiceDraft['costs'][number] => ({ option: '', amount: '', currency: '' });

/** The texts written per language; the other fields hold for every language. */
const TEXT_FIELDS = ['name', 'description', 'eligibilityDescription', 'applicationProcess', 'feesDescription', 'alert'] as const;

const textsOf = (service: ServiceDetailView): Record<(typeof TEXT_FIELDS)[number], string | null> => ({
  name: service.name,
  description: service.description,
  eligibilityDescription: service.eligibility,
  applicationProcess: service.applicationProcess,
  feesDescription: service.feesDescription,
  alert: service.alert,
});

export function draftOf(service: ServiceDetailView): ServiceDraft {
  const texts = textsOf(service);
  return {
    name: texts.name ?? '',
    description: texts.description ?? '',
    eligibilityDescription: texts.eligibilityDescription ?? '',
    applicationProcess: texts.applicationProcess ?? '',
    feesDescription: texts.feesDescription ?? '',
    alert: texts.alert ?? '',
    status: service.status,
    territoryId: service.territoryId ?? '',
    staffLanguages: service.profile.staffLanguages.join(', '),
    diasporaEligible: service.profile.diasporaEligible ?? false,
    returneeEligible: service.profile.returneeEligible ?? false,
    targetGroups: service.profile.targetGroups,
    taxonomyTermIds: service.terms.map((term) => term.id),
    loanMin: service.profile.loanMin ?? '',
    loanMax: service.profile.loanMax ?? '',
    loanCurrency: service.profile.loanCurrency ?? '',
    interestMin: service.profile.interestMin ?? '',
    interestMax: service.profile.interestMax ?? '',
    collateralRequired: service.profile.collateralRequired === null ? 'unknown' : service.profile.collateralRequired ? 'yes' : 'no',
    url: service.url ?? '',
    email: service.email ?? '',
    requiredDocuments: service.requiredDocuments.map(({ id, document }) => ({ id, document })),
    costs: service.costs.map((cost) => ({ id: cost.id, option: cost.option ?? '', amount: cost.amount ?? '', currency: cost.currency ?? '' })),
    languages: service.languages.flatMap((language) => (language.code ? [language.code] : [])).join(', '),
    verified: false,
  };
}

export function parseLanguages(typed: string): string[] {
  return [...new Set(typed.split(/[\s,;]+/).map((code) => code.trim().toLowerCase()).filter(Boolean))];
}

const orNull = (typed: string) => (typed.trim() === '' ? null : typed.trim());
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));

/** The costs in the API's shape: amounts and currencies always, a text only when new or changed (so a translation is never a copy of the source). */
function costsBody(draft: ServiceDraft, original: ServiceDetailView | null) {
  return draft.costs.map((cost) => {
    const before = original?.costs.find((candidate) => candidate.id === cost.id);
    const option = orNull(cost.option);
    return {
      ...(cost.id !== undefined && { id: cost.id }),
      ...((before?.option ?? null) !== option || !before ? { option } : {}),
      amount: orNull(cost.amount),
      currency: orNull(cost.currency)?.toUpperCase() ?? null,
    };
  });
}

/** The documents in the API's shape: a kept document whose text is unchanged goes by its id alone. */
function documentsBody(draft: ServiceDraft, original: ServiceDetailView | null) {
  return draft.requiredDocuments.map(({ id, document }) => {
    const before = original?.requiredDocuments.find((candidate) => candidate.id === id);
    return before && before.document.trim() === document.trim() ? { id: before.id } : { ...(id !== undefined && { id }), document };
  });
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

type Checked = { ok: true; body: ServiceUpdateBody } | { ok: false; errors: Map<string, ProblemFieldError> };

/**
 * Only what changed from `original`, texts written in `locale`, so a save never overwrites what
 * someone else changed meanwhile, nor copies the original language's text (shown where this
 * language has none yet) into a translation. `null`: nothing to send.
 */
export function updateBody(original: ServiceDetailView, draft: ServiceDraft, locale: Locale): Checked | null {
  const changes: Record<string, unknown> = {};
  const texts = textsOf(original);
  for (const field of TEXT_FIELDS) {
    if (draft[field].trim() !== (texts[field] ?? '').trim()) changes[field] = field === 'name' ? draft.name : orNull(draft[field]);
  }
  if (draft.status !== original.status) changes.status = draft.status;
  if ((draft.territoryId || null) !== original.territoryId) changes.territoryId = draft.territoryId || null;
  const languages = parseLanguages(draft.staffLanguages);
  if (languages.join(',') !== original.profile.staffLanguages.join(',')) changes.staffLanguages = languages;
  if (draft.diasporaEligible !== (original.profile.diasporaEligible ?? false)) changes.diasporaEligible = draft.diasporaEligible;
  if (draft.returneeEligible !== (original.profile.returneeEligible ?? false)) changes.returneeEligible = draft.returneeEligible;
  if (!sameSet(draft.targetGroups, original.profile.targetGroups)) changes.targetGroups = draft.targetGroups;
  if (!sameSet(draft.taxonomyTermIds, original.terms.map((term) => term.id))) changes.taxonomyTermIds = draft.taxonomyTermIds;
  for (const field of ['loanMin', 'loanMax', 'interestMin', 'interestMax'] as const) {
    if (orNull(draft[field]) !== original.profile[field]) changes[field] = orNull(draft[field]);
  }
  const currency = orNull(draft.loanCurrency)?.toUpperCase() ?? null;
  if (currency !== original.profile.loanCurrency) changes.loanCurrency = currency;
  const collateral = draft.collateralRequired === 'unknown' ? null : draft.collateralRequired === 'yes';
  if (collateral !== original.profile.collateralRequired) changes.collateralRequired = collateral;
  if (orNull(draft.url) !== original.url) changes.url = orNull(draft.url);
  if (orNull(draft.email) !== original.email) changes.email = orNull(draft.email);
  const documentsBefore = original.requiredDocuments.map(({ id, document }) => ({ id, document: document.trim() }));
  if (!sameList(draft.requiredDocuments.map(({ id, document }) => ({ id, document: document.trim() })), documentsBefore)) changes.requiredDocuments = documentsBody(draft, original);
  const costsBefore = original.costs.map((cost) => ({ id: cost.id, option: cost.option ?? null, amount: cost.amount, currency: cost.currency }));
  const costsNow = draft.costs.map((cost) => ({ id: cost.id, option: orNull(cost.option), amount: orNull(cost.amount), currency: orNull(cost.currency)?.toUpperCase() ?? null }));
  if (!sameList(costsNow, costsBefore)) changes.costs = costsBody(draft, original);
  const offeredIn = parseLanguages(draft.languages);
  if (!sameSet(offeredIn, original.languages.flatMap((language) => (language.code ? [language.code] : [])))) changes.languages = offeredIn;
  if (draft.verified) changes.verified = true;
  if (Object.keys(changes).length === 0) return null;
  const parsed = ServiceUpdateBody.safeParse({ locale, ...changes });
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}

/** An empty form for a new service, placed in `territoryId` ('' for not stated). */
export function emptyDraft(territoryId = ''): ServiceDraft {
  return {
    name: '',
    description: '',
    eligibilityDescription: '',
    applicationProcess: '',
    feesDescription: '',
    alert: '',
    status: 'active',
    territoryId,
    staffLanguages: '',
    diasporaEligible: false,
    returneeEligible: false,
    targetGroups: [],
    taxonomyTermIds: [],
    loanMin: '',
    loanMax: '',
    loanCurrency: '',
    interestMin: '',
    interestMax: '',
    collateralRequired: 'unknown',
    url: '',
    email: '',
    requiredDocuments: [],
    costs: [],
    languages: '',
    verified: false,
  };
}

type CheckedCreate = { ok: true; body: ServiceCreateBody } | { ok: false; errors: Map<string, ProblemFieldError> };

/** A new service of `organizationId` in the API's shape, its texts in `locale`; what was left empty is not sent. */
export function createBody(organizationId: string, draft: ServiceDraft, locale: Locale): CheckedCreate {
  const body: Record<string, unknown> = { organizationId, locale, name: draft.name, status: draft.status, territoryId: draft.territoryId || null };
  for (const field of ['description', 'eligibilityDescription', 'applicationProcess', 'feesDescription', 'alert', 'loanMin', 'loanMax', 'interestMin', 'interestMax', 'url', 'email'] as const) {
    const value = orNull(draft[field]);
    if (value !== null) body[field] = value;
  }
  const currency = orNull(draft.loanCurrency)?.toUpperCase();
  if (currency) body.loanCurrency = currency;
  const languages = parseLanguages(draft.staffLanguages);
  if (languages.length > 0) body.staffLanguages = languages;
  if (draft.diasporaEligible) body.diasporaEligible = true;
  if (draft.returneeEligible) body.returneeEligible = true;
  if (draft.targetGroups.length > 0) body.targetGroups = draft.targetGroups;
  if (draft.taxonomyTermIds.length > 0) body.taxonomyTermIds = draft.taxonomyTermIds;
  if (draft.collateralRequired !== 'unknown') body.collateralRequired = draft.collateralRequired === 'yes';
  if (draft.requiredDocuments.length > 0) body.requiredDocuments = documentsBody(draft, null);
  if (draft.costs.length > 0) body.costs = costsBody(draft, null);
  const offeredIn = parseLanguages(draft.languages);
  if (offeredIn.length > 0) body.languages = offeredIn;
  const parsed = ServiceCreateBody.safeParse(body);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}
