import { useMemo } from 'react';
import { useIntl } from 'react-intl';

/** The languages a person may say they speak: those of the corridors' desks, named in the reader's language. */
export const SPOKEN_LANGUAGES = ['fr', 'wo', 'en', 'ar', 'it', 'es', 'pt', 'nl', 'de'] as const;

/** "Languages spoken", as checkboxes: the public intake and the desk's walk-in form ask it alike. */
export function SpokenLanguagesField({ legend, value, onChange }: { legend: string; value: readonly string[]; onChange: (languages: string[]) => void }) {
  const { locale } = useIntl();
  const names = useMemo(() => new Intl.DisplayNames([locale], { type: 'language' }), [locale]);
  return (
    <fieldset className="fieldset fieldset--nested">
      <legend>{legend}</legend>
      {SPOKEN_LANGUAGES.map((language) => (
        <label key={language} className="checkbox-field">
          <input
            type="checkbox"
            name="languages"
            value={language}
            checked={value.includes(language)}
            onChange={(event) => onChange(event.target.checked ? [...value, language] : value.filter((known) => known !== language))}
          />
          {names.of(language) ?? language}
        </label>
      ))}
    </fieldset>
  );
}
