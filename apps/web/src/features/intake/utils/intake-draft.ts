// Hand-written checks instead of the zod schema: this page must stay under 100 KB of JS on a
// phone, and zod alone would take a good part of that. The server checks again with the schema.
import type { IntakeBody, ProblemFieldError } from '@glocal/contracts';
import {
  AMOUNT_PATTERN,
  DATE_PATTERN,
  INTAKE_LIMITS,
  PHONE_PATTERN,
  isicDivisionInSection,
  type IntakeCurrency,
  type RequestKind,
} from '@glocal/contracts/intake-form';

/** What the form holds: strings as typed, so nothing the person wrote is lost between checks. */
export interface IntakeDraft {
  requestKind: RequestKind;
  givenName: string;
  familyName: string;
  email: string;
  phone: string;
  birthDate: string;
  languages: string[];
  gender: '' | 'female' | 'male' | 'other';
  residenceTerritoryId: string;
  originTerritoryId: string;
  need: string;
  idea: string;
  isicSection: string;
  isicDivision: string;
  setupTerritoryId: string;
  currency: IntakeCurrency;
  ownFunds: string;
  neededFunds: string;
  deskId: string;
  consent: boolean;
  /** The honeypot: people never see it. */
  website: string;
}

export const EMPTY_DRAFT: IntakeDraft = {
  requestKind: 'business_project',
  givenName: '',
  familyName: '',
  email: '',
  phone: '',
  birthDate: '',
  languages: [],
  gender: '',
  residenceTerritoryId: '',
  originTerritoryId: '',
  need: '',
  idea: '',
  isicSection: '',
  isicDivision: '',
  setupTerritoryId: '',
  currency: 'EUR',
  ownFunds: '',
  neededFunds: '',
  deskId: '',
  consent: false,
  website: '',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const blank = (value: string) => value.trim() === '';
const optional = (value: string) => (blank(value) ? undefined : value.trim());

/** The request body the API takes, from the draft: empty fields left out. */
export function toIntakeBody(draft: IntakeDraft, locale: IntakeBody['locale'], policyVersion: string): IntakeBody {
  const business = draft.requestKind === 'business_project';
  const own = optional(draft.ownFunds);
  const needed = optional(draft.neededFunds);
  const body: IntakeBody = {
    requestKind: draft.requestKind,
    person: {
      givenName: draft.givenName.trim(),
      ...(optional(draft.familyName) ? { familyName: draft.familyName.trim() } : {}),
      ...(optional(draft.email) ? { email: draft.email.trim() } : {}),
      ...(optional(draft.phone) ? { phone: draft.phone.trim() } : {}),
      ...(optional(draft.birthDate) ? { birthDate: draft.birthDate } : {}),
      languages: draft.languages,
      ...(draft.gender ? { gender: draft.gender } : {}),
      residenceTerritoryId: draft.residenceTerritoryId,
      ...(draft.originTerritoryId ? { originTerritoryId: draft.originTerritoryId } : {}),
    },
    need: draft.need.trim(),
    locale,
    consent: { processing: draft.consent as true, policyVersion },
    ...(draft.deskId ? { deskId: draft.deskId } : {}),
    ...(draft.website ? { website: draft.website } : {}),
  };
  if (business) {
    body.businessProject = {
      idea: draft.idea.trim(),
      ...(draft.isicSection ? { isicSection: draft.isicSection } : {}),
      ...(draft.isicDivision ? { isicDivision: draft.isicDivision } : {}),
      ...(draft.setupTerritoryId ? { setupTerritoryId: draft.setupTerritoryId } : {}),
      ...(own || needed ? { funds: { currency: draft.currency, ...(own ? { own } : {}), ...(needed ? { needed } : {}) } } : {}),
    };
  }
  return body;
}

/** The same rules as the server's schema, as field errors under the same JSON Pointers. */
export function checkDraft(draft: IntakeDraft): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  const add = (pointer: string, code: string, params: Record<string, unknown> = {}) => errors.push({ pointer, code, params });
  const required = (pointer: string, value: string, max: number) => {
    if (blank(value)) add(pointer, 'too_small', { minimum: 1, origin: 'string' });
    else if (value.trim().length > max) add(pointer, 'too_big', { maximum: max });
  };

  required('/person/givenName', draft.givenName, INTAKE_LIMITS.name);
  if (draft.familyName.trim().length > INTAKE_LIMITS.name) add('/person/familyName', 'too_big', { maximum: INTAKE_LIMITS.name });
  if (!blank(draft.email) && !EMAIL.test(draft.email.trim())) add('/person/email', 'invalid_format');
  else if (blank(draft.email) && blank(draft.phone)) add('/person/email', 'custom', { reason: 'contact_required' });
  if (!blank(draft.phone) && !PHONE_PATTERN.test(draft.phone.trim())) add('/person/phone', 'invalid_format');
  if (!blank(draft.birthDate) && !DATE_PATTERN.test(draft.birthDate)) add('/person/birthDate', 'invalid_format');
  if (!draft.residenceTerritoryId) add('/person/residenceTerritoryId', 'invalid_type');
  required('/need', draft.need, INTAKE_LIMITS.need);
  if (draft.requestKind === 'business_project') {
    required('/businessProject/idea', draft.idea, INTAKE_LIMITS.idea);
    if (draft.isicDivision && !isicDivisionInSection(draft.isicSection, draft.isicDivision)) {
      add('/businessProject/isicDivision', 'custom', { reason: 'isic_division_outside_section' });
    }
    if (!blank(draft.ownFunds) && !AMOUNT_PATTERN.test(draft.ownFunds.trim())) add('/businessProject/funds/own', 'invalid_format');
    if (!blank(draft.neededFunds) && !AMOUNT_PATTERN.test(draft.neededFunds.trim())) add('/businessProject/funds/needed', 'invalid_format');
  }
  if (!draft.consent) add('/consent/processing', 'invalid_value');
  return errors;
}
