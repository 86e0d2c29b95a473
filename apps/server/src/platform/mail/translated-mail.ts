import type { Locale } from '@glocal/contracts';
import { translate, type MessageParams } from '../i18n/translate.js';
import type { OutgoingMail } from './mailer.js';

/** The e-mails the server writes; each has `mail.<kind>.subject` and `mail.<kind>.body` in the catalogues. */
export type MailKind = 'invitation' | 'password_reset' | 'registration' | 'registration_existing' | 'intake_confirmation' | 'task_reminder'
  | 'case_message_to_person' | 'case_message_to_coach';

/** One of our e-mails in the recipient's language, signed. */
export function translatedMail(to: string, locale: Locale, kind: MailKind, params: MessageParams): OutgoingMail {
  return {
    to,
    locale,
    subject: translate(locale, `mail.${kind}.subject`, params),
    // "-- " on its own line: mail clients recognise (and can fold) a signature.
    text: `${translate(locale, `mail.${kind}.body`, params)}\n\n-- \n${translate(locale, 'mail.signature')}`,
  };
}

/** A page of the web app with an e-mailed token, under PUBLIC_URL (which may carry a path). */
export const linkWithToken = (publicUrl: string, path: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}${path}?token=${encodeURIComponent(token)}`;
