// No zod here: the home page imports these, and must not pull the schema library with them.

/** The interface languages Glocal ships catalogues for; English is the fallback. */
export const LOCALES = ['en', 'fr', 'es', 'it', 'ar'] as const;
export type LocaleCode = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: LocaleCode = 'en';
export const RTL_LOCALES: readonly LocaleCode[] = ['ar'];

/** Resolves any tag ("fr-BE", "AR", "de") to a supported locale, English when unknown. */
export function resolveLocale(tag: string | null | undefined): LocaleCode {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(base) ? (base as LocaleCode) : DEFAULT_LOCALE;
}
