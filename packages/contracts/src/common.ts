import { z } from 'zod';
import { LOCALES } from './locales.js';

export { DEFAULT_LOCALE, LOCALES, RTL_LOCALES, resolveLocale } from './locales.js';
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

export const IdParams = z.object({ id: Id });

/** Cursor pagination: every list endpoint takes these and answers a ListEnvelope. */
export const PageQuery = z.object({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const listEnvelope = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export type ListEnvelope<T> = { items: T[]; nextCursor: string | null };

/** A name in each interface language; a locale may be missing when nobody knows the name in it. */
export const LocalizedNames = z.partialRecord(Locale, z.string());
export type LocalizedNames = z.infer<typeof LocalizedNames>;

/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/);
/** ISO 4217 alphabetic currency code. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/);
/** Money is a decimal string plus its currency: never a binary float. */
export const Money = z.object({
  amount: z.string().regex(/^-?\d+(\.\d+)?$/),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;
