import {
  OrganisationCreateBody,
  OrganisationUpdateBody,
  type OrganisationType,
  type OrganisationView,
  type ProblemFieldError,
} from '@glocal/contracts';
import { fieldErrorsFromIssues } from '../../../lib/field-errors';

/** What the organisation form holds: text as typed, turned into the API's shape on submit. */
export interface OrganisationDraft {
  type: OrganisationType | '';
  name: string;
  homeTerritoryId: string;
  hostOrganisationId: string;
  servedTerritoryIds: string[];
  /** ISO 639-1 codes as typed: "fr, wo". */
  languages: string;
  email: string;
  phone: string;
  website: string;
  requireMfa: boolean;
}

export const EMPTY_DRAFT: OrganisationDraft = {
  type: '',
  name: '',
  homeTerritoryId: '',
  hostOrganisationId: '',
  servedTerritoryIds: [],
  languages: '',
  email: '',
  phone: '',
  website: '',
  requireMfa: false,
};

export function draftOf(organisation: OrganisationView): OrganisationDraft {
  return {
    type: organisation.type,
    name: organisation.name,
    homeTerritoryId: organisation.homeTerritoryId,
    hostOrganisationId: organisation.hostOrganisationId ?? '',
    servedTerritoryIds: organisation.servedTerritoryIds,
    languages: organisation.languages.join(', '),
    email: organisation.email ?? '',
    phone: organisation.phone ?? '',
    website: organisation.website ?? '',
    requireMfa: organisation.requireMfa,
  };
}

export function parseLanguages(typed: string): string[] {
  return [...new Set(typed.split(/[\s,;]+/).map((code) => code.trim().toLowerCase()).filter(Boolean))];
}

const orNull = (typed: string) => (typed.trim() === '' ? null : typed.trim());

type Checked<T> = { ok: true; body: T } | { ok: false; errors: Map<string, ProblemFieldError> };

/** The creation request, checked with the same contract the server uses. */
export function creationBody(draft: OrganisationDraft): Checked<OrganisationCreateBody> {
  const parsed = OrganisationCreateBody.safeParse({
    type: draft.type || undefined,
    name: draft.name,
    homeTerritoryId: draft.homeTerritoryId || undefined,
    hostOrganisationId: draft.hostOrganisationId || null,
    servedTerritoryIds: draft.servedTerritoryIds,
    languages: parseLanguages(draft.languages),
    email: orNull(draft.email),
    phone: orNull(draft.phone),
    website: orNull(draft.website),
    requireMfa: draft.requireMfa,
  });
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));

/**
 * Only what changed from `original`, so a save never overwrites a field someone else changed
 * meanwhile that this person did not touch. `null` body: nothing changed.
 */
export function updateBody(original: OrganisationView, draft: OrganisationDraft): Checked<OrganisationUpdateBody> | null {
  const changes: Record<string, unknown> = {};
  if (draft.name.trim() !== original.name) changes.name = draft.name;
  if ((draft.hostOrganisationId || null) !== original.hostOrganisationId) changes.hostOrganisationId = draft.hostOrganisationId || null;
  if (!sameSet(draft.servedTerritoryIds, original.servedTerritoryIds)) changes.servedTerritoryIds = draft.servedTerritoryIds;
  const languages = parseLanguages(draft.languages);
  if (languages.join(',') !== original.languages.join(',')) changes.languages = languages;
  for (const field of ['email', 'phone', 'website'] as const) {
    if (orNull(draft[field]) !== original[field]) changes[field] = orNull(draft[field]);
  }
  if (draft.requireMfa !== original.requireMfa) changes.requireMfa = draft.requireMfa;
  if (Object.keys(changes).length === 0) return null;
  const parsed = OrganisationUpdateBody.safeParse(changes);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
}
