import { DEFAULT_LOCALE, type Locale } from '@glocal/contracts';
import { IntlMessageFormat } from 'intl-messageformat';
import ar from './messages/ar.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import fr from './messages/fr.json' with { type: 'json' };
import it from './messages/it.json' with { type: 'json' };

/** The catalogues of text the server writes itself (e-mails); the web has its own. */
export const SERVER_MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, fr, es, it, ar };

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;

const compiled = new Map<string, IntlMessageFormat>();

/** A catalogue message in `locale` (English when the locale lacks it), ICU arguments filled in. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const source = SERVER_MESSAGES[locale]?.[key] !== undefined ? locale : DEFAULT_LOCALE;
  const cacheKey = `${source}\u0000${key}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(SERVER_MESSAGES[source][key], source);
    compiled.set(cacheKey, format);
  }
  return String(format.format(params));
}
