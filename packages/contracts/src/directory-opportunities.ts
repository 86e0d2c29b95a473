import { z } from 'zod';
import { Locale } from './common.js';
import { EntryId, OpportunityKind, OpportunityView } from './directory.js';
import { PHONE_PATTERN } from './intake-form.js';
import { isKnownIsicCode } from './isic.js';

/**
 * Creating, changing and deleting the economic opportunities of a territory
 * (`/api/v1/directory/opportunities`); the list and its filters are in directory.ts.
 */

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** An opportunity's sector: an ISIC Rev.4 section letter, or 2 to 4 digits beginning with one of its divisions (contracts/isic.ts). */
export const IsicCode = z
  .string()
  .trim()
  .regex(/^([A-U]|\d{2,4})$/)
  .refine(isKnownIsicCode, { message: 'not an ISIC Rev.4 section or division' });
/** An opportunity's title and description in one language. */
export const OpportunityTexts = z.object({ title: Text(200), description: Text(5000) }).strict();
export type OpportunityTexts = z.infer<typeof OpportunityTexts>;
/** Texts in other languages than `locale`, by language; `null` removes that language's translation. */
const OpportunityTranslations = z.partialRecord(Locale, OpportunityTexts.nullable());
const OpportunityContactName = OptionalText(200);
const OpportunityContactEmail = z.email().max(200).nullable().optional();
const OpportunityContactPhone = z.string().trim().regex(PHONE_PATTERN).nullable().optional();
/** `translations` holds the other languages: the one the title and description are written in is not among them. */
const noTranslationInOwnLocale = (body: { locale: Locale; translations?: Partial<Record<Locale, unknown>> | undefined }, context: z.RefinementCtx) => {
  if (body.translations && body.translations[body.locale] !== undefined) {
    context.addIssue({ code: 'custom', path: ['translations', body.locale], message: 'the title and description are already in this language' });
  }
};

/** A new opportunity: its title and description written in `locale`, other languages in `translations`. */
export const OpportunityCreateBody = z
  .object({
    territoryId: EntryId,
    kind: OpportunityKind,
    isicCode: IsicCode,
    locale: Locale,
    title: Text(200),
    description: Text(5000),
    contactName: OpportunityContactName,
    contactEmail: OpportunityContactEmail,
    contactPhone: OpportunityContactPhone,
    /** The HSDS organization that offers it, if any: its staff may then edit it too. */
    organizationId: EntryId.nullable().optional(),
    translations: OpportunityTranslations.optional(),
  })
  .strict()
  .superRefine(noTranslationInOwnLocale);
export type OpportunityCreateBody = z.infer<typeof OpportunityCreateBody>;

/** A change to an opportunity: `title` and `description` are written in `locale` (the source row if it is the opportunity's own language). */
export const OpportunityUpdateBody = z
  .object({
    locale: Locale,
    territoryId: EntryId.optional(),
    kind: OpportunityKind.optional(),
    isicCode: IsicCode.optional(),
    title: Text(200).optional(),
    description: Text(5000).optional(),
    contactName: OpportunityContactName,
    contactEmail: OpportunityContactEmail,
    contactPhone: OpportunityContactPhone,
    organizationId: EntryId.nullable().optional(),
    translations: OpportunityTranslations.optional(),
  })
  .strict()
  .superRefine(noTranslationInOwnLocale);
export type OpportunityUpdateBody = z.infer<typeof OpportunityUpdateBody>;

/** One opportunity, with its texts in every language it has (for editing), in the reader's language at the top. */
export const OpportunityDetailView = OpportunityView.extend({
  organizationId: EntryId.nullable(),
  /** The language of the source row; `texts` holds it and every translation. */
  sourceLocale: Locale,
  texts: z.partialRecord(Locale, z.object({ title: z.string().nullable(), description: z.string().nullable() })),
});
export type OpportunityDetailView = z.infer<typeof OpportunityDetailView>;
