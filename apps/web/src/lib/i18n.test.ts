import { afterEach, describe, expect, it, vi } from 'vitest';
import { initialLocale, languageEndonym, rememberLocale, textDirection } from './i18n';

function browserLanguage(tag: string) {
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(tag);
}

describe('initialLocale', () => {
  afterEach(() => localStorage.clear());

  it('prefers the language the reader chose before', () => {
    browserLanguage('fr-FR');
    rememberLocale('ar');

    expect(initialLocale()).toBe('ar');
  });

  it('else follows the browser, by base language', () => {
    browserLanguage('es-MX');

    expect(initialLocale()).toBe('es');
  });

  it('else falls back to English, also for a stored value it does not know', () => {
    browserLanguage('de-DE');
    localStorage.setItem('glocal.locale', 'klingon');

    expect(initialLocale()).toBe('en');
  });
});

describe('textDirection', () => {
  it('is right to left for Arabic only', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('it')).toBe('ltr');
  });
});

describe('languageEndonym', () => {
  it('names a language in itself, capitalised as a menu entry', () => {
    expect(languageEndonym('fr')).toBe('Français');
    expect(languageEndonym('ar')).toBe('العربية');
  });
});
