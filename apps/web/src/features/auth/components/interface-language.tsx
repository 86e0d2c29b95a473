import { MeView } from '@glocal/contracts';
import { LOCALES, type LocaleCode as Locale } from '@glocal/contracts/locales';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { apiSend } from '../../../lib/api-client';
import { languageEndonym, useLocale } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';

/**
 * The interface language (remembered by this browser, as the header's switcher does), saved to
 * the account too, so that the e-mails Glocal sends follow it.
 */
export function InterfaceLanguage({ accountLocale }: { accountLocale: Locale }) {
  const { formatMessage } = useIntl();
  const { locale, changeLocale } = useLocale();
  const { signedIn } = useSession();
  const selectId = useId();
  const hintId = `${selectId}-hint`;

  async function choose(next: Locale) {
    await changeLocale(next);
    signedIn(await apiSend('PATCH', '/api/v1/auth/me', { locale: next, body: { locale: next }, schema: MeView }));
  }

  return (
    <section className="page-section" aria-labelledby="account-language-title">
      <h2 id="account-language-title">{formatMessage({ id: 'account.language.title' })}</h2>
      <div className="form-field">
        <label htmlFor={selectId}>{formatMessage({ id: 'account.language.label' })}</label>
        <p id={hintId} className="form-field__hint">
          {formatMessage({ id: 'account.language.hint' })}
        </p>
        <select
          id={selectId}
          aria-describedby={hintId}
          value={locale}
          onChange={(event) => void choose(event.target.value as Locale).catch(() => undefined)}
        >
          {LOCALES.map((option) => (
            <option key={option} value={option} lang={option}>
              {languageEndonym(option)}
            </option>
          ))}
        </select>
      </div>
      <p>{formatMessage({ id: 'account.language.emails' }, { language: languageEndonym(accountLocale) })}</p>
    </section>
  );
}
