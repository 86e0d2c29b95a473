import { ORGANISATION_TYPES, type OrganisationView, type ProblemFieldError } from '@glocal/contracts';
import { useMemo, type FormEvent, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { sortTerritories } from '../../territories/utils/sort-territories';
import { ORGANISATION_TYPE_MESSAGES } from '../utils/organisation-messages';
import type { OrganisationDraft } from '../utils/organisation-draft';
import type { TerritoryOption } from '../utils/territory-lookup';

interface OrganisationFormProps {
  mode: 'create' | 'edit';
  draft: OrganisationDraft;
  onChange: (draft: OrganisationDraft) => void;
  onSubmit: () => void;
  errors: Map<string, ProblemFieldError>;
  territories: readonly TerritoryOption[];
  /** Candidate host organisations (a desk is hosted by its local authority). */
  organisations: readonly OrganisationView[];
  /** The organisation being edited, never its own host. */
  selfId?: string | undefined;
  submitting: boolean;
  submitLabel: string;
  /** Problem and success messages, shown above the fields. */
  status?: ReactNode;
}

/** The fields of an organisation: all of them to register one, the changeable ones to edit it. */
export function OrganisationForm(props: OrganisationFormProps) {
  const { mode, draft, onChange, errors, territories, organisations, selfId, submitting, submitLabel, status } = props;
  const { formatMessage, locale } = useIntl();
  const sortedTerritories = useMemo(() => sortTerritories(territories, locale), [territories, locale]);
  const hosts = useMemo(() => organisations.filter((organisation) => organisation.id !== selfId), [organisations, selfId]);
  const set = <K extends keyof OrganisationDraft>(field: K, value: OrganisationDraft[K]) => onChange({ ...draft, [field]: value });
  const territoryLabel = (territory: TerritoryOption) =>
    formatMessage({ id: 'organisations.territory_option' }, { name: territory.name, code: territory.code });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!submitting) props.onSubmit();
  }

  return (
    <form className="stacked-form" noValidate onSubmit={submit}>
      {status}
      {mode === 'create' && (
        <FormField label={formatMessage({ id: 'organisations.form.type' })} error={errors.get('/type')}>
          {(control) => (
            <select {...control} required value={draft.type} onChange={(event) => set('type', event.target.value as OrganisationDraft['type'])}>
              <option value="">{formatMessage({ id: 'organisations.form.choose' })}</option>
              {ORGANISATION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {formatMessage(ORGANISATION_TYPE_MESSAGES[type])}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField label={formatMessage({ id: 'organisations.form.name' })} error={errors.get('/name')}>
        {(control) => (
          <input {...control} required maxLength={200} autoComplete="organization" value={draft.name} onChange={(event) => set('name', event.target.value)} />
        )}
      </FormField>
      {mode === 'create' && (
        <FormField label={formatMessage({ id: 'organisations.form.home_territory' })} error={errors.get('/homeTerritoryId')}>
          {(control) => (
            <select {...control} required value={draft.homeTerritoryId} onChange={(event) => set('homeTerritoryId', event.target.value)}>
              <option value="">{formatMessage({ id: 'organisations.form.choose' })}</option>
              {sortedTerritories.map((territory) => (
                <option key={territory.id} value={territory.id}>
                  {territoryLabel(territory)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField
        label={formatMessage({ id: 'organisations.form.host' })}
        hint={formatMessage({ id: 'organisations.form.host_hint' })}
        error={errors.get('/hostOrganisationId')}
      >
        {(control) => (
          <select {...control} value={draft.hostOrganisationId} onChange={(event) => set('hostOrganisationId', event.target.value)}>
            <option value="">{formatMessage({ id: 'organisations.form.no_host' })}</option>
            {hosts.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label={formatMessage({ id: 'organisations.form.served_territories' })}
        hint={formatMessage({ id: 'organisations.form.served_territories_hint' })}
        error={errors.get('/servedTerritoryIds')}
      >
        {(control) => (
          <select
            {...control}
            multiple
            size={6}
            value={draft.servedTerritoryIds}
            onChange={(event) => set('servedTerritoryIds', Array.from(event.target.selectedOptions, (option) => option.value))}
          >
            {sortedTerritories.map((territory) => (
              <option key={territory.id} value={territory.id}>
                {territoryLabel(territory)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label={formatMessage({ id: 'organisations.form.languages' })}
        hint={formatMessage({ id: 'organisations.form.languages_hint' })}
        error={[...errors.values()].find((error) => error.pointer.startsWith('/languages'))}
      >
        {(control) => <input {...control} value={draft.languages} onChange={(event) => set('languages', event.target.value)} />}
      </FormField>
      <FormField label={formatMessage({ id: 'organisations.form.email' })} error={errors.get('/email')}>
        {(control) => (
          <input {...control} type="email" autoComplete="email" value={draft.email} onChange={(event) => set('email', event.target.value)} />
        )}
      </FormField>
      <FormField
        label={formatMessage({ id: 'organisations.form.phone' })}
        error={errors.get('/phone')}
        errorMessage={{ id: 'organisations.form.phone_invalid' }}
      >
        {(control) => <input {...control} type="tel" autoComplete="tel" value={draft.phone} onChange={(event) => set('phone', event.target.value)} />}
      </FormField>
      <FormField
        label={formatMessage({ id: 'organisations.form.website' })}
        hint={formatMessage({ id: 'organisations.form.website_hint' })}
        error={errors.get('/website')}
      >
        {(control) => <input {...control} type="url" autoComplete="url" value={draft.website} onChange={(event) => set('website', event.target.value)} />}
      </FormField>
      <div className="checkbox-field">
        <input
          id={`require-mfa-${mode}`}
          type="checkbox"
          checked={draft.requireMfa}
          onChange={(event) => set('requireMfa', event.target.checked)}
        />
        <label htmlFor={`require-mfa-${mode}`}>{formatMessage({ id: 'organisations.form.require_mfa' })}</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={submitting}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
