import { LOCALES } from '@glocal/contracts';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { INVITABLE_ROLES } from '@glocal/contracts';
import { SERVER_MESSAGES, translate, type MessageKey } from './translate.js';

type AstElement = { type: number; value?: string; options?: Record<string, { value: AstElement[] }>; children?: AstElement[] };

/** The argument names a message uses, plural and select branches included. */
function argumentNames(elements: AstElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (typeof element.value === 'string' && element.type !== 0 /* literal */) into.add(element.value);
    for (const option of Object.values(element.options ?? {})) argumentNames(option.value, into);
    if (element.children) argumentNames(element.children, into);
  }
  return into;
}

const englishKeys = Object.keys(SERVER_MESSAGES.en).sort();

describe('server message catalogues', () => {
  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has exactly the English keys', (locale) => {
    expect(Object.keys(SERVER_MESSAGES[locale]).sort()).toEqual(englishKeys);
  });

  it.each(LOCALES)('%s is valid ICU MessageFormat, with the arguments English uses, and no empty message', (locale) => {
    for (const [key, message] of Object.entries(SERVER_MESSAGES[locale])) {
      expect(message.trim(), `${locale} ${key}`).not.toBe('');
      const ast = new IntlMessageFormat(message, locale).getAst() as AstElement[];
      const english = new IntlMessageFormat(SERVER_MESSAGES.en[key as MessageKey], 'en').getAst() as AstElement[];
      expect([...argumentNames(ast)].sort(), `${locale} ${key}`).toEqual([...argumentNames(english)].sort());
    }
  });

  it('names every role an invitation can grant', () => {
    for (const role of INVITABLE_ROLES) expect(englishKeys).toContain(`roles.${role}`);
  });
});

describe('translate', () => {
  it('fills arguments and picks the plural form of the language', () => {
    expect(translate('en', 'mail.password_reset.body', { name: 'Awa', link: 'L', minutes: 60 })).toContain('expires in 60 minutes');
    expect(translate('fr', 'mail.invitation.body', { inviter: 'A', organisation: 'O', role: 'R', link: 'L', days: 1 })).toContain(
      'expire dans 1 jour.',
    );
    expect(translate('ar', 'mail.invitation.body', { inviter: 'A', organisation: 'O', role: 'R', link: 'L', days: 7 })).toContain(
      '7 أيام',
    );
  });
});
