import '../directory.css';
import { LOCALES, ServiceStatus, TARGET_GROUPS, type Locale, type ProblemFieldError, type ServiceDetailView, type TaxonomyTermView } from '@glocal/contracts';
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { FieldError } from '../../../components/ui/field-error';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { PageHeading } from '../../../components/ui/page-heading';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { ApiProblem } from '../../../lib/api-problem';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { languageEndonym, textDirection, useLocale } from '../../../lib/i18n';
import { useTerritories } from '../../territories/api/get-territories';
import { TerritorySelect } from '../../territories/components/territory-select';
import { useService, useTaxonomy, useUpdateService } from '../api/directory';
import { LocationsEditor } from './location-editor';
import { CostsField, RequiredDocumentsField } from './service-list-fields';
import { SERVICE_STATUS_MESSAGES, TARGET_GROUP_MESSAGES } from '../utils/directory-messages';
import { draftOf, updateBody, type ServiceDraft } from '../utils/service-draft';

interface ServiceEditProps {
  serviceId: string;
  /** What to show when the service does not exist or the reader may not edit it (the app's not-found page). */
  notFound: ReactNode;
}

/**
 * The edit page of a service, for those the API says may edit it: its texts in one language at a
 * time (the API keeps a translation per language), the fields that hold for every language, and
 * "checked today".
 */
export function ServiceEdit({ serviceId, notFound }: ServiceEditProps) {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const [textLocale, setTextLocale] = useState<Locale>(locale);
  const service = useService(serviceId, textLocale);
  const languageId = useId();

  if (service.isPending) return <LoadingMessage>{formatMessage({ id: 'directory.edit.loading' })}</LoadingMessage>;
  if (service.isError) {
    if (service.error instanceof ApiProblem && service.error.status === 404) return notFound;
    return <ProblemMessage error={service.error} onRetry={() => void service.refetch()} />;
  }
  // The server decides: a service the reader may not edit is, for them, no edit page at all.
  if (!service.data.canEdit) return notFound;

  return (
    <>
      <PageHeading>{formatMessage({ id: 'directory.edit.title' }, { name: service.data.name })}</PageHeading>
      <p className="lead">{service.data.organizationName}</p>
      <div className="form-field service-edit__language">
        <label htmlFor={languageId}>{formatMessage({ id: 'directory.edit.language' })}</label>
        <p id={`${languageId}-hint`} className="form-field__hint">
          {formatMessage({ id: 'directory.edit.language_hint' })}
        </p>
        <select id={languageId} aria-describedby={`${languageId}-hint`} value={textLocale} onChange={(event) => setTextLocale(event.target.value as Locale)}>
          {LOCALES.map((option) => (
            <option key={option} value={option} lang={option}>
              {languageEndonym(option)}
            </option>
          ))}
        </select>
      </div>
      {/* A new language is a new form: its texts are that language's. */}
      <ServiceEditForm key={textLocale} service={service.data} textLocale={textLocale} />
      <LocationsEditor service={service.data} textLocale={textLocale} />
    </>
  );
}

type Outcome = 'saved' | 'unchanged' | null;

function ServiceEditForm({ service, textLocale }: { service: ServiceDetailView; textLocale: Locale }) {
  const { formatMessage } = useIntl();
  const [original, setOriginal] = useState(service);
  const [draft, setDraft] = useState<ServiceDraft>(() => draftOf(service));
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const [outcome, setOutcome] = useState<Outcome>(null);
  const update = useUpdateService(service.id);
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(update.error);
  const set: SetDraftField = (field, value) => setDraft((current) => ({ ...current, [field]: value }));
  const detailsId = useId();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending) return;
    setOutcome(null);
    const checked = updateBody(original, draft, textLocale);
    if (checked === null) {
      update.reset();
      setClientErrors(new Map());
      setOutcome('unchanged');
      return;
    }
    if (!checked.ok) {
      update.reset();
      setClientErrors(checked.errors);
      return;
    }
    setClientErrors(new Map());
    update.mutate(checked.body, {
      onSuccess: (saved) => {
        setOriginal(saved);
        setDraft(draftOf(saved));
        setOutcome('saved');
      },
    });
  }

  return (
    <form className="stacked-form" noValidate onSubmit={onSubmit}>
      <FormProblem error={update.error} fieldErrorCount={errors.size} />
      {outcome && (
        <p className="notice notice--success" role="status">
          {formatMessage(outcome === 'saved' ? { id: 'directory.edit.saved' } : { id: 'directory.edit.unchanged' })}{' '}
          {outcome === 'saved' && <Link to={`/directory/services/${service.id}`}>{formatMessage({ id: 'directory.edit.view' })}</Link>}
        </p>
      )}

      <ServiceFormFields draft={draft} set={set} errors={errors} textLocale={textLocale} textsHint={formatMessage({ id: 'directory.edit.texts_hint' })} />

      <div className="checkbox-field">
        <input id={`${detailsId}-verified`} type="checkbox" checked={draft.verified} onChange={(event) => set('verified', event.target.checked)} />
        <label htmlFor={`${detailsId}-verified`}>{formatMessage({ id: 'directory.edit.verified' })}</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={update.isPending}>
          {formatMessage({ id: 'directory.edit.submit' })}
        </button>
      </div>
    </form>
  );
}

export type SetDraftField = <K extends keyof ServiceDraft>(field: K, value: ServiceDraft[K]) => void;

interface ServiceFormFieldsProps {
  draft: ServiceDraft;
  set: SetDraftField;
  /** Field errors by JSON Pointer, from the browser's check or the API's answer. */
  errors: Map<string, ProblemFieldError>;
  /** The language the texts are written in. */
  textLocale: Locale;
  textsHint: string;
}

/** The fields of a service, shared by its edit page and the new-service form: its texts in one language, then what holds for every language. */
export function ServiceFormFields({ draft, set, errors, textLocale, textsHint }: ServiceFormFieldsProps) {
  const { formatMessage, locale } = useIntl();
  const languageName = useMemo(() => new Intl.DisplayNames([locale], { type: 'language' }).of(textLocale) ?? textLocale, [locale, textLocale]);
  const territories = useTerritories();
  const firstError = (prefix: string) => [...errors.values()].find((error) => error.pointer === prefix || error.pointer.startsWith(`${prefix}/`));
  const textsId = useId();
  const detailsId = useId();
  const groupsId = useId();
  const loanId = useId();

  const text = (field: 'description' | 'eligibilityDescription' | 'applicationProcess' | 'feesDescription', label: string, maxLength: number, hint?: string) => (
    <FormField label={label} hint={hint} error={errors.get(`/${field}`)}>
      {(control) => <textarea {...control} lang={textLocale} dir={textDirection(textLocale)} rows={field === 'description' ? 6 : 3} maxLength={maxLength} value={draft[field]} onChange={(event) => set(field, event.target.value)} />}
    </FormField>
  );

  const decimal = (field: 'loanMin' | 'loanMax' | 'interestMin' | 'interestMax', label: string) => (
    <FormField label={label} error={errors.get(`/${field}`)}>
      {(control) => <input {...control} inputMode="decimal" value={draft[field]} onChange={(event) => set(field, event.target.value)} />}
    </FormField>
  );

  return (
    <>
      <fieldset className="fieldset" aria-describedby={`${textsId}-hint`}>
        <legend>{formatMessage({ id: 'directory.edit.texts' }, { language: languageName })}</legend>
        <p id={`${textsId}-hint`} className="form-field__hint">
          {textsHint}
        </p>
        <FormField label={formatMessage({ id: 'directory.edit.name' })} error={errors.get('/name')}>
          {(control) => <input {...control} lang={textLocale} dir={textDirection(textLocale)} required maxLength={200} value={draft.name} onChange={(event) => set('name', event.target.value)} />}
        </FormField>
        {text('description', formatMessage({ id: 'directory.service.what' }), 5000)}
        {text('eligibilityDescription', formatMessage({ id: 'directory.service.who' }), 2000)}
        {text('applicationProcess', formatMessage({ id: 'directory.service.apply' }), 2000)}
        {text('feesDescription', formatMessage({ id: 'directory.service.cost' }), 2000, formatMessage({ id: 'directory.edit.fees_hint' }))}
        <FormField label={formatMessage({ id: 'directory.edit.alert' })} hint={formatMessage({ id: 'directory.edit.alert_hint' })} error={errors.get('/alert')}>
          {(control) => <input {...control} lang={textLocale} dir={textDirection(textLocale)} maxLength={500} value={draft.alert} onChange={(event) => set('alert', event.target.value)} />}
        </FormField>
        <RequiredDocumentsField value={draft.requiredDocuments} onChange={(documents) => set('requiredDocuments', documents)} errors={errors} textLocale={textLocale} />
        <CostsField value={draft.costs} onChange={(costs) => set('costs', costs)} errors={errors} textLocale={textLocale} />
      </fieldset>

      <fieldset className="fieldset">
        <legend>{formatMessage({ id: 'directory.edit.details' })}</legend>
        <FormField label={formatMessage({ id: 'directory.edit.status' })} error={errors.get('/status')}>
          {(control) => (
            <select {...control} value={draft.status} onChange={(event) => set('status', event.target.value as ServiceDraft['status'])}>
              {ServiceStatus.options.map((status) => (
                <option key={status} value={status}>
                  {formatMessage(SERVICE_STATUS_MESSAGES[status])}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <TerritorySelect
          territories={territories.data}
          value={draft.territoryId}
          onChange={(territoryId) => set('territoryId', territoryId)}
          label={formatMessage({ id: 'directory.edit.territory' })}
          noneLabel={formatMessage({ id: 'directory.edit.territory_none' })}
          hint={formatMessage({ id: 'directory.edit.territory_hint' })}
          error={errors.get('/territoryId')}
        />
        <FormField
          label={formatMessage({ id: 'directory.edit.offered_in' })}
          hint={formatMessage({ id: 'directory.edit.languages_hint' })}
          error={firstError('/languages')}
          errorMessage={{ id: 'directory.edit.languages_invalid' }}
        >
          {(control) => <input {...control} value={draft.languages} onChange={(event) => set('languages', event.target.value)} />}
        </FormField>
        <FormField
          label={formatMessage({ id: 'directory.edit.languages' })}
          hint={formatMessage({ id: 'directory.edit.languages_hint' })}
          error={firstError('/staffLanguages')}
          errorMessage={{ id: 'directory.edit.languages_invalid' }}
        >
          {(control) => <input {...control} value={draft.staffLanguages} onChange={(event) => set('staffLanguages', event.target.value)} />}
        </FormField>
        <div className="checkbox-field">
          <input id={`${detailsId}-diaspora`} type="checkbox" checked={draft.diasporaEligible} onChange={(event) => set('diasporaEligible', event.target.checked)} />
          <label htmlFor={`${detailsId}-diaspora`}>{formatMessage({ id: 'directory.service.diaspora_eligible' })}</label>
        </div>
        <div className="checkbox-field">
          <input id={`${detailsId}-returnee`} type="checkbox" checked={draft.returneeEligible} onChange={(event) => set('returneeEligible', event.target.checked)} />
          <label htmlFor={`${detailsId}-returnee`}>{formatMessage({ id: 'directory.service.returnee_eligible' })}</label>
        </div>
        <fieldset className="fieldset fieldset--nested">
          <legend>{formatMessage({ id: 'directory.edit.target_groups' })}</legend>
          {TARGET_GROUPS.map((group) => (
            <div key={group} className="checkbox-field">
              <input
                id={`${groupsId}-${group}`}
                type="checkbox"
                checked={draft.targetGroups.includes(group)}
                onChange={(event) => set('targetGroups', event.target.checked ? [...draft.targetGroups, group] : draft.targetGroups.filter((chosen) => chosen !== group))}
              />
              <label htmlFor={`${groupsId}-${group}`}>{formatMessage(TARGET_GROUP_MESSAGES[group])}</label>
            </div>
          ))}
        </fieldset>
        <TermsField chosen={draft.taxonomyTermIds} onChange={(ids) => set('taxonomyTermIds', ids)} error={firstError('/taxonomyTermIds')} />
        <fieldset className="fieldset fieldset--nested" aria-describedby={`${loanId}-hint`}>
          <legend>{formatMessage({ id: 'directory.service.loan' })}</legend>
          <p id={`${loanId}-hint`} className="form-field__hint">
            {formatMessage({ id: 'directory.edit.loan_hint' })}
          </p>
          {decimal('loanMin', formatMessage({ id: 'directory.edit.loan_min' }))}
          {decimal('loanMax', formatMessage({ id: 'directory.edit.loan_max' }))}
          <FormField label={formatMessage({ id: 'directory.edit.loan_currency' })} hint={formatMessage({ id: 'directory.edit.loan_currency_hint' })} error={errors.get('/loanCurrency')}>
            {(control) => <input {...control} maxLength={3} autoCapitalize="characters" value={draft.loanCurrency} onChange={(event) => set('loanCurrency', event.target.value)} />}
          </FormField>
          {decimal('interestMin', formatMessage({ id: 'directory.edit.interest_min' }))}
          {decimal('interestMax', formatMessage({ id: 'directory.edit.interest_max' }))}
          <FormField label={formatMessage({ id: 'directory.service.collateral' })} error={errors.get('/collateralRequired')}>
            {(control) => (
              <select {...control} value={draft.collateralRequired} onChange={(event) => set('collateralRequired', event.target.value as ServiceDraft['collateralRequired'])}>
                <option value="unknown">{formatMessage({ id: 'directory.edit.collateral_unknown' })}</option>
                <option value="yes">{formatMessage({ id: 'directory.service.collateral_yes' })}</option>
                <option value="no">{formatMessage({ id: 'directory.service.collateral_no' })}</option>
              </select>
            )}
          </FormField>
        </fieldset>
        <FormField label={formatMessage({ id: 'directory.edit.url' })} hint={formatMessage({ id: 'directory.edit.url_hint' })} error={errors.get('/url')}>
          {(control) => <input {...control} type="url" autoComplete="url" maxLength={500} value={draft.url} onChange={(event) => set('url', event.target.value)} />}
        </FormField>
        <FormField label={formatMessage({ id: 'directory.edit.email' })} error={errors.get('/email')}>
          {(control) => <input {...control} type="email" autoComplete="email" maxLength={200} value={draft.email} onChange={(event) => set('email', event.target.value)} />}
        </FormField>
      </fieldset>
    </>
  );
}

/** The kinds of service, as checkboxes under their top-level kind. */
function TermsField({ chosen, onChange, error }: { chosen: readonly string[]; onChange: (ids: string[]) => void; error: ProblemFieldError | undefined }) {
  const { formatMessage } = useIntl();
  const taxonomy = useTaxonomy();
  const id = useId();
  const terms = taxonomy.data?.items ?? [];
  const toggle = (termId: string, on: boolean) => onChange(on ? [...chosen, termId] : chosen.filter((other) => other !== termId));
  const box = (term: TaxonomyTermView) => (
    <div key={term.id} className="checkbox-field">
      <input id={`${id}-${term.id}`} type="checkbox" checked={chosen.includes(term.id)} onChange={(event) => toggle(term.id, event.target.checked)} />
      <label htmlFor={`${id}-${term.id}`}>{term.name}</label>
    </div>
  );
  return (
    <fieldset className="fieldset fieldset--nested" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{formatMessage({ id: 'directory.edit.terms' })}</legend>
      <p id={`${id}-hint`} className="form-field__hint">
        {formatMessage({ id: 'directory.edit.terms_hint' })}
      </p>
      <FieldError id={`${id}-error`} error={error} message={{ id: 'directory.edit.terms_invalid' }} />
      {taxonomy.isPending && <LoadingMessage>{formatMessage({ id: 'directory.edit.terms_loading' })}</LoadingMessage>}
      {taxonomy.isError && <ProblemMessage error={taxonomy.error} onRetry={() => void taxonomy.refetch()} />}
      {terms
        .filter((term) => term.parentId === null)
        .map((top) => (
          <div key={top.id} className="service-edit__terms">
            {box(top)}
            <div className="service-edit__subterms">{terms.filter((term) => term.parentId === top.id).map(box)}</div>
          </div>
        ))}
    </fieldset>
  );
}
