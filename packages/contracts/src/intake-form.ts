// No zod here: the public intake page imports these constants and must stay light (≤ 100 KB of JS).
export * from './isic.js';

/** The kinds of request a person can bring to a desk (the S.T.E.P. desks' services). */
export const REQUEST_KINDS = [
  'business_project', 'job', 'return_reintegration', 'training', 'legal_social_support', 'pre_departure_information',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const GENDERS = ['female', 'male', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

/** Currencies offered for a business project's money (ISO 4217): the corridor's, and the usual ones. */
export const INTAKE_CURRENCIES = ['EUR', 'XOF', 'USD', 'GBP', 'CHF', 'MAD', 'XAF'] as const;
export type IntakeCurrency = (typeof INTAKE_CURRENCIES)[number];

/**
 * The processing-consent text shown on the intake page, by version: the version is stored with
 * the consent so we can tell later which words the person agreed to. Change the words, bump it.
 */
export const INTAKE_POLICY_VERSION = '2026-12-01';
/** How long a closed request's personal data are kept, as told to the person. */
export const INTAKE_RETENTION_YEARS = 5;

/** Limits shared by the page's light checks and the server's schema. */
export const INTAKE_LIMITS = {
  name: 200,
  email: 254,
  phone: 40,
  need: 4000,
  idea: 4000,
  languages: 10,
} as const;

/** Decimal amounts as strings, never floats: up to 16 digits and 2 decimals (numeric(18, 2)). */
export const AMOUNT_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;
export const PHONE_PATTERN = /^\+?[0-9 ().-]{6,40}$/;
export const LANGUAGE_PATTERN = /^[a-z]{2}$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The reference a person gets: GLC- then 12 characters of Crockford's base32 in three groups. */
export const REFERENCE_PATTERN = /^GLC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
