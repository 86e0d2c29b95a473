import type { IntakeOptionsView, ProblemFieldError } from '@glocal/contracts';
import {
  GENDERS,
  INTAKE_CURRENCIES,
  INTAKE_RETENTION_YEARS,
  ISIC_SECTIONS,
  REQUEST_KINDS,
  type IsicSection,
} from '@glocal/contracts/intake-form';
import { useId, type FormEvent, type ReactNode } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { FieldError } from '../../../components/ui/field-error';
import { FormField } from '../../../components/ui/form-field';
import { SpokenLanguagesField } from '../../../components/ui/spoken-languages-field';
import type { IntakeDraft } from '../utils/intake-draft';

/** Languages offered as boxes to tick: the corridor's, named by the browser in the page's language. */

type Territory = IntakeOptionsView['territories'][number];

interface IntakeFormProps {
  options: IntakeOptionsView;
  draft: IntakeDraft;
  onChange: (draft: IntakeDraft) => void;
  errors: Map<string, ProblemFieldError>;
  submitting: boolean;
  onSubmit: () => void;
  /** Shown above the form: what went wrong with the last attempt. */
  notice?: ReactNode;
}

/** Errors whose words belong to this form: its own rules, beyond "required" or "not valid". */
function ownMessage(error: ProblemFieldError | undefined, pointer: string): MessageDescriptor | undefined {
  if (!error) return undefined;
  const reason = error.params?.reason;
  if (pointer === '/person/email' && (error.code === 'custom' || reason === 'contact_required')) return { id: 'intake.errors.contact_required' };
  if (pointer === '/consent/processing') return { id: 'intake.errors.consent_required' };
  if (pointer === '/businessProject/isicDivision' && error.code === 'custom') return { id: 'intake.errors.division_outside_section' };
  if (pointer.startsWith('/businessProject/funds/')) return { id: 'intake.errors.amount' };
  if (pointer === '/deskId' && error.code === 'no_desk_for_territory') return { id: 'intake.errors.no_desk' };
  return undefined;
}

/** Countries as groups, each with its own regions and departments under it. */
function TerritoryOptions({ territories }: { territories: Territory[] }) {
  const byId = new Map(territories.map((t) => [t.id, t]));
  const countryOf = (t: Territory): Territory => {
    let current = t;
    while (current.parentId && byId.has(current.parentId)) current = byId.get(current.parentId)!;
    return current;
  };
  const depth = (t: Territory) => {
    let level = 0;
    for (let current = t; current.parentId && byId.has(current.parentId); current = byId.get(current.parentId)!) level++;
    return level;
  };
  const countries = territories.filter((t) => !t.parentId);
  return (
    <>
      {countries.map((country) => (
        <optgroup key={country.id} label={country.name}>
          <option value={country.id}>{country.name}</option>
          {territories
            .filter((t) => t.parentId && countryOf(t).id === country.id)
            .map((t) => (
              <option key={t.id} value={t.id}>
                {`${'\u00a0\u00a0'.repeat(depth(t))}${t.name}`}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

/** The public intake form: phone-first, one column, each field's error right under it. */
export function IntakeForm({ options, draft, onChange, errors, submitting, onSubmit, notice }: IntakeFormProps) {
  const { formatMessage } = useIntl();
  const kindLegend = useId();
  const consentError = useId();
  const set = <K extends keyof IntakeDraft>(name: K, value: IntakeDraft[K]) => onChange({ ...draft, [name]: value });
  const text = (name: keyof IntakeDraft) => ({
    name,
    value: draft[name] as string,
    onChange: (event: { target: { value: string } }) => set(name, event.target.value as never),
  });
  const fieldProps = (pointer: string) => ({ error: errors.get(pointer), errorMessage: ownMessage(errors.get(pointer), pointer) });
  const business = draft.requestKind === 'business_project';
  const divisions = draft.isicSection ? ISIC_SECTIONS[draft.isicSection as IsicSection] ?? [] : [];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!submitting) onSubmit();
  }

  return (
    <form className="stacked-form intake-form" onSubmit={submit} noValidate>
      {notice}
      <h2>{formatMessage({ id: 'intake.section.request' })}</h2>
      <fieldset className="fieldset" aria-describedby={errors.get('/requestKind') ? `${kindLegend}-error` : undefined}>
        <legend id={kindLegend}>{formatMessage({ id: 'intake.field.kind' })}</legend>
        <div className="radio-group">
          {REQUEST_KINDS.map((kind) => (
            <label key={kind} className="radio">
              <input type="radio" name="requestKind" value={kind} checked={draft.requestKind === kind} onChange={() => set('requestKind', kind)} />
              {formatMessage({ id: `intake.kind.${kind}` })}
            </label>
          ))}
        </div>
        <FieldError id={`${kindLegend}-error`} error={errors.get('/requestKind')} />
      </fieldset>

      <FormField label={formatMessage({ id: 'intake.field.need' })} {...fieldProps('/need')}>
        {(control) => <textarea {...control} {...text('need')} rows={4} maxLength={4000} />}
      </FormField>

      {business && (
        <fieldset className="fieldset">
          <legend>{formatMessage({ id: 'intake.section.project' })}</legend>
          <FormField label={formatMessage({ id: 'intake.field.idea' })} {...fieldProps('/businessProject/idea')}>
            {(control) => <textarea {...control} {...text('idea')} rows={3} maxLength={4000} />}
          </FormField>
          <FormField label={formatMessage({ id: 'intake.field.isic_section' })} {...fieldProps('/businessProject/isicSection')}>
            {(control) => (
              <select {...control} name="isicSection" value={draft.isicSection} onChange={(event) => onChange({ ...draft, isicSection: event.target.value, isicDivision: '' })}>
                <option value="">{formatMessage({ id: 'intake.choose' })}</option>
                {(Object.keys(ISIC_SECTIONS) as IsicSection[]).map((section) => (
                  <option key={section} value={section}>
                    {`${section} · ${formatMessage({ id: `intake.isic.section.${section.toLowerCase() as Lowercase<IsicSection>}` })}`}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {divisions.length > 0 && (
            <FormField label={formatMessage({ id: 'intake.field.isic_division' })} {...fieldProps('/businessProject/isicDivision')}>
              {(control) => (
                <select {...control} {...text('isicDivision')}>
                  <option value="">{formatMessage({ id: 'intake.choose' })}</option>
                  {divisions.map((division) => (
                    <option key={division} value={division}>
                      {`${division} · ${formatMessage({ id: `intake.isic.division.${division}` })}`}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          )}
          <FormField label={formatMessage({ id: 'intake.field.setup' })} {...fieldProps('/businessProject/setupTerritoryId')}>
            {(control) => (
              <select {...control} {...text('setupTerritoryId')}>
                <option value="">{formatMessage({ id: 'intake.choose' })}</option>
                <TerritoryOptions territories={options.territories} />
              </select>
            )}
          </FormField>
          <FormField label={formatMessage({ id: 'intake.field.currency' })} {...fieldProps('/businessProject/funds/currency')}>
            {(control) => (
              <select {...control} {...text('currency')}>
                {INTAKE_CURRENCIES.map((currency) => (
                  <option key={currency} value={currency}>
                    {currency}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={formatMessage({ id: 'intake.field.own_funds' })} hint={formatMessage({ id: 'intake.field.amount_hint' })} {...fieldProps('/businessProject/funds/own')}>
            {(control) => <input {...control} {...text('ownFunds')} inputMode="decimal" autoComplete="off" />}
          </FormField>
          <FormField label={formatMessage({ id: 'intake.field.needed_funds' })} hint={formatMessage({ id: 'intake.field.amount_hint' })} {...fieldProps('/businessProject/funds/needed')}>
            {(control) => <input {...control} {...text('neededFunds')} inputMode="decimal" autoComplete="off" />}
          </FormField>
        </fieldset>
      )}

      <fieldset className="fieldset">
        <legend>{formatMessage({ id: 'intake.section.person' })}</legend>
        <p className="form-field__hint">{formatMessage({ id: 'intake.section.person_hint' })}</p>
        <FormField label={formatMessage({ id: 'intake.field.given_name' })} {...fieldProps('/person/givenName')}>
          {(control) => <input {...control} {...text('givenName')} autoComplete="given-name" />}
        </FormField>
        <FormField label={formatMessage({ id: 'intake.field.family_name' })} {...fieldProps('/person/familyName')}>
          {(control) => <input {...control} {...text('familyName')} autoComplete="family-name" />}
        </FormField>
        <FormField label={formatMessage({ id: 'intake.field.phone' })} hint={formatMessage({ id: 'intake.field.contact_hint' })} {...fieldProps('/person/phone')}>
          {(control) => <input {...control} {...text('phone')} type="tel" autoComplete="tel" dir="ltr" />}
        </FormField>
        <FormField label={formatMessage({ id: 'intake.field.email' })} {...fieldProps('/person/email')}>
          {(control) => <input {...control} {...text('email')} type="email" autoComplete="email" spellCheck={false} dir="ltr" />}
        </FormField>
        <FormField label={formatMessage({ id: 'intake.field.residence' })} {...fieldProps('/person/residenceTerritoryId')}>
          {(control) => (
            <select {...control} {...text('residenceTerritoryId')}>
              <option value="">{formatMessage({ id: 'intake.choose' })}</option>
              <TerritoryOptions territories={options.territories} />
            </select>
          )}
        </FormField>
        <FormField label={formatMessage({ id: 'intake.field.origin' })} {...fieldProps('/person/originTerritoryId')}>
          {(control) => (
            <select {...control} {...text('originTerritoryId')}>
              <option value="">{formatMessage({ id: 'intake.choose' })}</option>
              <TerritoryOptions territories={options.territories} />
            </select>
          )}
        </FormField>
        <SpokenLanguagesField legend={formatMessage({ id: 'intake.field.languages' })} value={draft.languages} onChange={(languages) => set('languages', languages)} />
        <FormField label={formatMessage({ id: 'intake.field.gender' })} {...fieldProps('/person/gender')}>
          {(control) => (
            <select {...control} {...text('gender')}>
              <option value="">{formatMessage({ id: 'intake.gender.none' })}</option>
              {GENDERS.map((gender) => (
                <option key={gender} value={gender}>
                  {formatMessage({ id: `intake.gender.${gender}` })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label={formatMessage({ id: 'intake.field.birth_date' })}
          hint={formatMessage({ id: 'intake.field.birth_date_hint' })}
          {...fieldProps('/person/birthDate')}
        >
          {(control) => <input {...control} {...text('birthDate')} type="date" autoComplete="bday" />}
        </FormField>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{formatMessage({ id: 'intake.section.desk' })}</legend>
        <FormField label={formatMessage({ id: 'intake.field.desk' })} {...fieldProps('/deskId')}>
          {(control) => (
            <select {...control} {...text('deskId')}>
              <option value="">{formatMessage({ id: 'intake.desk.automatic' })}</option>
              {options.desks.map((desk) => (
                <option key={desk.id} value={desk.id}>
                  {desk.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </fieldset>

      {/* The honeypot: off-screen and out of the tab order, so only bots fill it in. */}
      <div className="intake-form__trap" aria-hidden="true">
        <label>
          {formatMessage({ id: 'intake.honeypot' })}
          <input {...text('website')} tabIndex={-1} autoComplete="off" />
        </label>
      </div>

      <fieldset className={errors.get('/consent/processing') ? 'fieldset form-field--invalid' : 'fieldset'}>
        <legend>{formatMessage({ id: 'intake.section.consent' })}</legend>
        <p>{formatMessage({ id: 'intake.consent.text' }, { years: INTAKE_RETENTION_YEARS })}</p>
        <label className="checkbox-field">
          <input
            type="checkbox"
            name="consent"
            checked={draft.consent}
            onChange={(event) => set('consent', event.target.checked)}
            aria-invalid={errors.get('/consent/processing') ? true : undefined}
            aria-describedby={errors.get('/consent/processing') ? consentError : undefined}
          />
          {formatMessage({ id: 'intake.consent.checkbox' })}
        </label>
        <FieldError id={consentError} error={errors.get('/consent/processing')} message={ownMessage(errors.get('/consent/processing'), '/consent/processing')} />
        <p className="form-field__hint">{formatMessage({ id: 'intake.consent.version' }, { version: options.policyVersion })}</p>
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={submitting || undefined}>
          {formatMessage(submitting ? { id: 'intake.submitting' } : { id: 'intake.submit' })}
        </button>
      </div>
    </form>
  );
}
