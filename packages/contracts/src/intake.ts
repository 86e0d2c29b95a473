import { z } from 'zod';
import { CurrencyCode, Id, Locale } from './common.js';
import {
  AMOUNT_PATTERN,
  DATE_PATTERN,
  GENDERS,
  INTAKE_CURRENCIES,
  INTAKE_LIMITS,
  INTAKE_POLICY_VERSION,
  ISIC_DIVISION_CODES,
  ISIC_SECTION_CODES,
  LANGUAGE_PATTERN,
  PHONE_PATTERN,
  REQUEST_KINDS,
  isicDivisionInSection,
} from './intake-form.js';

export * from './intake-form.js';

export const RequestKind = z.enum(REQUEST_KINDS);
export const Gender = z.enum(GENDERS);
export const IsicSectionCode = z.enum(ISIC_SECTION_CODES as [string, ...string[]]);
export const IsicDivisionCode = z.enum(ISIC_DIVISION_CODES as [string, ...string[]]);

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), text(max).optional());

/** A decimal amount as a string ("1500", "1500.50"): exact, never a float. */
export const Amount = z.string().trim().regex(AMOUNT_PATTERN, 'a decimal amount such as 1500 or 1500.50');

export const IntakePersonBody = z
  .object({
    givenName: text(INTAKE_LIMITS.name),
    familyName: optionalText(INTAKE_LIMITS.name),
    email: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      z.string().trim().toLowerCase().max(INTAKE_LIMITS.email).pipe(z.email()).optional(),
    ),
    phone: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      z.string().trim().regex(PHONE_PATTERN, 'digits, spaces and + ( ) . -').optional(),
    ),
    birthDate: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.string().regex(DATE_PATTERN).pipe(z.iso.date()).optional(),
    ),
    /** ISO 639-1 codes of the languages the person speaks. */
    languages: z.array(z.string().regex(LANGUAGE_PATTERN, 'an ISO 639-1 code such as "fr"')).max(INTAKE_LIMITS.languages).default([]),
    gender: Gender.optional(),
    residenceTerritoryId: Id,
    originTerritoryId: Id.optional(),
  })
  .superRefine((person, ctx) => {
    // One way to reach the person is enough; none leaves the desk unable to answer.
    if (!person.email && !person.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'an e-mail or a phone', params: { reason: 'contact_required' } });
  });
export type IntakePersonBody = z.infer<typeof IntakePersonBody>;

export const IntakeFunds = z.object({
  currency: z.enum(INTAKE_CURRENCIES),
  own: Amount.optional(),
  needed: Amount.optional(),
});

export const IntakeBusinessProjectBody = z
  .object({
    idea: text(INTAKE_LIMITS.idea),
    isicSection: IsicSectionCode.optional(),
    isicDivision: IsicDivisionCode.optional(),
    setupTerritoryId: Id.optional(),
    funds: IntakeFunds.optional(),
  })
  .superRefine((project, ctx) => {
    if (project.isicDivision && (!project.isicSection || !isicDivisionInSection(project.isicSection, project.isicDivision))) {
      ctx.addIssue({ code: 'custom', path: ['isicDivision'], message: 'not a division of this ISIC Rev.4 section', params: { reason: 'isic_division_outside_section' } });
    }
  });
export type IntakeBusinessProjectBody = z.infer<typeof IntakeBusinessProjectBody>;

export const IntakeConsentBody = z.object({
  /** Must be exactly true: nothing is stored without it. */
  processing: z.literal(true),
  /** The version of the words shown (INTAKE_POLICY_VERSION when the page is current). */
  policyVersion: z.string().trim().min(1).max(40),
});

export const IntakeBody = z
  .object({
    requestKind: RequestKind,
    person: IntakePersonBody,
    need: text(INTAKE_LIMITS.need),
    businessProject: IntakeBusinessProjectBody.optional(),
    /** The desk the person chose; else the one serving their territory of residence. */
    deskId: Id.optional(),
    locale: Locale.default('en'),
    consent: IntakeConsentBody,
    /** A field people never see: a bot that fills it is answered as if accepted, and nothing is kept. */
    website: z.string().max(500).optional(),
    /** Set by the page for a submission kept on the device while offline and sent later. */
    submittedOfflineAt: z.iso.datetime({ offset: true }).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.requestKind === 'business_project' && !body.businessProject) {
      ctx.addIssue({ code: 'custom', path: ['businessProject', 'idea'], message: 'the business idea is required', params: { reason: 'idea_required' } });
    }
  });
export type IntakeBody = z.infer<typeof IntakeBody>;

export const IntakeReceiptView = z.object({
  reference: z.string(),
  deskName: z.string(),
  confirmationEmail: z.boolean(),
});
export type IntakeReceiptView = z.infer<typeof IntakeReceiptView>;

export const IntakeOptionsQuery = z.object({ locale: z.string().max(35).optional() });

export const IntakeOptionsView = z.object({
  policyVersion: z.literal(INTAKE_POLICY_VERSION),
  desks: z.array(z.object({ id: Id, name: z.string(), territoryIds: z.array(Id) })),
  territories: z.array(z.object({ id: Id, parentId: Id.nullable(), code: z.string(), level: z.string(), name: z.string() })),
  requestKinds: z.array(RequestKind),
  currencies: z.array(CurrencyCode),
  sectors: z.array(z.object({ section: z.string(), divisions: z.array(z.string()) })),
});
export type IntakeOptionsView = z.infer<typeof IntakeOptionsView>;
