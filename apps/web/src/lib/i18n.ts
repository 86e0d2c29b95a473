import { LOCALES, RTL_LOCALES, resolveLocale, type LocaleCode as Locale } from '@glocal/contracts/locales';
import { createContext, useContext } from 'react';
import type { IntlConfig } from 'react-intl';
import type englishCatalogue from '../i18n/en.json';
import en from '../i18n/en.json?core';

/** Every message id, taken from the English catalogue, which is the reference. */
export type MessageId = keyof typeof englishCatalogue;
/** Strings in development and tests; ICU ASTs in production builds (see vite.config.ts). */
export type Messages = IntlConfig['messages'];

declare global {
  // Makes react-intl type-check message ids against the English catalogue.
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}

// English ships in the main bundle as the fallback; other catalogues load on demand.
const catalogueLoaders: Record<Locale, () => Promise<Messages>> = {
  en: async () => en,
  fr: async () => (await import('../i18n/fr.json')).default,
  es: async () => (await import('../i18n/es.json')).default,
  it: async () => (await import('../i18n/it.json')).default,
  ar: async () => (await import('../i18n/ar.json')).default,
};

export function loadMessages(locale: Locale): Promise<Messages> {
  return catalogueLoaders[locale]();
}

/**
 * The remittance pages' English messages, which the main bundle leaves out (the home page's
 * weight: a fifth of the catalogue): added to the English catalogue before any of those pages
 * renders (router.tsx). The other catalogues load whole, on demand. In development and tests the
 * `?core` part is the whole file already.
 */
export async function loadRemittanceMessages(): Promise<void> {
  Object.assign(en, (await import('../i18n/en.json?remittances')).default);
}

const STORAGE_KEY = 'glocal.locale';

function isLocale(value: string | null): value is Locale {
  return (LOCALES as readonly (string | null)[]).includes(value);
}

/** The reader's earlier choice, else their browser's language, else English. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled (private browsing, strict settings): not worth failing for.
  }
  return resolveLocale(navigator.language);
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // See initialLocale: the choice then lasts for this visit only.
  }
}

export function textDirection(locale: Locale): 'rtl' | 'ltr' {
  return RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
}

/** `lang` drives screen-reader voices and hyphenation; `dir` flips the logical CSS layout. */
export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = textDirection(locale);
}

/** A language's name written in that language ("Français", "العربية"), from the browser's CLDR data. */
export function languageEndonym(locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

export interface LocaleState {
  locale: Locale;
  /** Resolves once the catalogue is loaded and the page shows the new language. */
  changeLocale: (next: Locale) => Promise<void>;
}

export const LocaleContext = createContext<LocaleState | null>(null);

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale must be used inside <AppProviders>');
  return state;
}
