import { LOCALES, type LocaleCode as Locale } from '@glocal/contracts/locales';
import { useId, useOptimistic, useTransition } from 'react';
import { useIntl } from 'react-intl';
import { languageEndonym, useLocale } from '../../lib/i18n';

/** Each language is listed in its own name, so a reader finds theirs whatever is shown now. */
export function LanguageSwitcher() {
  const { formatMessage } = useIntl();
  const { locale, changeLocale } = useLocale();
  // Show the new choice at once, while its catalogue is still loading.
  const [shownLocale, showLocale] = useOptimistic(locale);
  const [, startTransition] = useTransition();
  const selectId = useId();

  function onChange(next: Locale) {
    startTransition(async () => {
      showLocale(next);
      try {
        await changeLocale(next);
      } catch {
        // The catalogue did not arrive (offline): the page simply stays in the current language.
      }
    });
  }

  return (
    <div className="language-switcher">
      <label htmlFor={selectId}>{formatMessage({ id: 'language.label' })}</label>
      <select id={selectId} value={shownLocale} onChange={(event) => onChange(event.target.value as Locale)}>
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {languageEndonym(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
