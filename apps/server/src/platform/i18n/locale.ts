import { resolveLocale, type Locale } from '@glocal/contracts';
import type { FastifyRequest } from 'fastify';

/** The reader's language: an explicit `locale` parameter wins, then Accept-Language; else English. */
export function requestLocale(request: FastifyRequest, explicit?: string): Locale {
  if (explicit) return resolveLocale(explicit);
  const header = request.headers['accept-language'];
  const first = header?.split(',')[0]?.split(';')[0];
  return resolveLocale(first);
}

/** Picks a translated name: the reader's language, else English, else any we know. */
export function pickName(
  names: Partial<Record<Locale, string>>,
  locale: Locale,
): { name: string; locale: Locale } | undefined {
  const found =
    (names[locale] && locale) || (names.en && 'en') || (Object.keys(names)[0] as Locale | undefined);
  return found ? { name: names[found]!, locale: found } : undefined;
}
