import {
  LOCALES,
  OpportunityCreateBody,
  OpportunityKind,
  OpportunityUpdateBody,
  type Locale,
  type OpportunityDetailView,
  type OpportunityTexts,
  type ProblemFieldError,
} from '@glocal/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { fieldErrorsFromIssues, fieldErrorsOf } from '../../../lib/field-errors';
import { languageEndonym, textDirection, useLocale } from '../../../lib/i18n';
import { TerritorySelect } from '../../territories/components/territory-select';
import type { TerritoryChoice } from '../../territories/utils/sort-territories';
import { useDeleteOpportunity, useOpportunity, useSaveOpportunity } from '../api/opportunities';
import { OPPORTUNITY_KIND_MESSAGES } from '../utils/directory-messages';

type Texts = { title: string; description: string };
interface Draft {
  locale: Locale;
  kind: OpportunityKind | '';
  isicCode: string;
  territoryId: string;
  title: string;
  description: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  /** The other languages' texts, blank when the opportunity has none in that language. */
  translations: Record<Locale, Texts>;
}

const blankTexts = (): Record<Locale, Texts> => Object.fromEntries(LOCALES.map((locale) => [locale, { title: '', description: '' }])) as Record<Locale, Texts>;

function draftOf(opportunity: OpportunityDetailView | null, locale: Locale): Draft {
  const translations = blankTexts();
  for (const [language, texts] of Object.entries(opportunity?.texts ?? {})) translations[language as Locale] = { title: texts?.title ?? '', description: texts?.description ?? '' };
  const source = opportunity?.sourceLocale ?? locale;
  return {
    locale: source,
    kind: opportunity?.kind ?? '',
    isicCode: opportunity?.isicCode ?? '',
    territoryId: opportunity?.territoryId ?? '',
    title: translations[source].title,
    description: translations[source].description,
    contactName: opportunity?.contactName ?? '',
    contactEmail: opportunity?.contactEmail ?? '',
    contactPhone: opportunity?.contactPhone ?? '',
    translations,
  };
}

/** The request body of a draft: blank optional fields as null; a language left blank is no translation (removed if it had one). */
function bodyOf(draft: Draft, opportunity: OpportunityDetailView | null) {
  const translations: Partial<Record<Locale, OpportunityTexts | null>> = {};
  for (const language of LOCALES) {
    if (language === draft.locale) continue;
    const texts = draft.translations[language];
    if (texts.title.trim() || texts.description.trim()) translations[language] = texts;
    else if (opportunity?.texts[language]) translations[language] = null;
  }
  const optional = (value: string) => (value.trim() ? value : null);
  return {
    locale: draft.locale,
    kind: draft.kind || undefined,
    isicCode: draft.isicCode,
    territoryId: draft.territoryId || undefined,
    title: draft.title,
    description: draft.description,
    contactName: optional(draft.contactName),
    contactEmail: optional(draft.contactEmail),
    contactPhone: optional(draft.contactPhone),
    translations,
  };
}

interface OpportunityEditorProps {
  /** The opportunity to change, or null for a new one. */
  opportunityId: string | null;
  territories: readonly TerritoryChoice[] | undefined;
  /** Called once saved, deleted or cancelled, with what happened. */
  onDone: (outcome: 'saved' | 'deleted' | 'cancelled') => void;
}

/** Where an opportunity is created or changed, for those the server lets edit it. */
export function OpportunityEditor({ opportunityId, territories, onDone }: OpportunityEditorProps) {
  const { formatMessage } = useIntl();
  const opportunity = useOpportunity(opportunityId);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The button that opened the editor is gone from the list meanwhile: focus moves to the editor's heading.
  const shown = opportunityId === null || opportunity.isSuccess;
  useEffect(() => {
    if (shown) headingRef.current?.focus();
  }, [shown]);
  const heading = (title: string) => (
    <h2 id={headingId} tabIndex={-1} ref={headingRef}>
      {title}
    </h2>
  );
  if (opportunityId === null) {
    return (
      <section aria-labelledby={headingId} className="opportunity-editor">
        {heading(formatMessage({ id: 'directory.opportunity_form.new_title' }))}
        <OpportunityForm opportunity={null} territories={territories} onDone={onDone} />
      </section>
    );
  }
  if (opportunity.isPending) return <LoadingMessage>{formatMessage({ id: 'directory.opportunity_form.loading' })}</LoadingMessage>;
  if (opportunity.isError) return <ProblemMessage error={opportunity.error} onRetry={() => void opportunity.refetch()} />;
  return (
    <section aria-labelledby={headingId} className="opportunity-editor">
      {heading(formatMessage({ id: 'directory.opportunity_form.edit_title' }, { title: opportunity.data.title }))}
      {opportunity.data.canEdit ? (
        <OpportunityForm opportunity={opportunity.data} territories={territories} onDone={onDone} />
      ) : (
        <p className="notice">{formatMessage({ id: 'directory.opportunity_form.not_allowed' })}</p>
      )}
    </section>
  );
}

function OpportunityForm({ opportunity, territories, onDone }: { opportunity: OpportunityDetailView | null; territories: readonly TerritoryChoice[] | undefined; onDone: OpportunityEditorProps['onDone'] }) {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const [draft, setDraft] = useState<Draft>(() => draftOf(opportunity, locale));
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = useSaveOpportunity(opportunity?.id ?? null);
  const remove = useDeleteOpportunity(opportunity?.id ?? '');
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(save.error);
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft((current) => ({ ...current, [field]: value }));
  const setTranslation = (language: Locale, field: keyof Texts, value: string) =>
    setDraft((current) => ({ ...current, translations: { ...current.translations, [language]: { ...current.translations[language], [field]: value } } }));
  const translationsId = useId();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const body = bodyOf(draft, opportunity);
    const checked = opportunity ? OpportunityUpdateBody.safeParse(body) : OpportunityCreateBody.safeParse(body);
    if (!checked.success) {
      save.reset();
      setClientErrors(fieldErrorsFromIssues(checked.error.issues));
      return;
    }
    setClientErrors(new Map());
    save.mutate(checked.data, { onSuccess: () => onDone('saved') });
  }

  const text = (field: 'title' | 'description', language: Locale, value: string, onChange: (value: string) => void, pointer: string) => (
    <FormField label={formatMessage(field === 'title' ? { id: 'directory.opportunity_form.title' } : { id: 'directory.opportunity_form.description' })} error={errors.get(pointer)}>
      {(control) =>
        field === 'title' ? (
          <input {...control} lang={language} dir={textDirection(language)} maxLength={200} value={value} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <textarea {...control} lang={language} dir={textDirection(language)} rows={4} maxLength={5000} value={value} onChange={(event) => onChange(event.target.value)} />
        )
      }
    </FormField>
  );

  return (
    <form noValidate onSubmit={onSubmit} className="opportunity-form">
      <FormProblem error={save.error ?? remove.error} fieldErrorCount={errors.size} />
      {opportunity === null && (
        <FormField label={formatMessage({ id: 'directory.opportunity_form.language' })} error={errors.get('/locale')}>
          {(control) => (
            <select {...control} value={draft.locale} onChange={(event) => set('locale', event.target.value as Locale)}>
              {LOCALES.map((option) => (
                <option key={option} value={option} lang={option}>
                  {languageEndonym(option)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {text('title', draft.locale, draft.title, (value) => set('title', value), '/title')}
      {text('description', draft.locale, draft.description, (value) => set('description', value), '/description')}
      <FormField label={formatMessage({ id: 'directory.opportunity_form.kind' })} error={errors.get('/kind')}>
        {(control) => (
          <select {...control} value={draft.kind} onChange={(event) => set('kind', event.target.value as OpportunityKind | '')}>
            <option value="" disabled>
              {formatMessage({ id: 'directory.opportunity_form.kind_choose' })}
            </option>
            {OpportunityKind.options.map((option) => (
              <option key={option} value={option}>
                {formatMessage(OPPORTUNITY_KIND_MESSAGES[option])}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label={formatMessage({ id: 'directory.opportunity_form.isic' })}
        hint={formatMessage({ id: 'directory.opportunity_form.isic_hint' })}
        error={errors.get('/isicCode')}
        errorMessage={errors.get('/isicCode')?.code === 'custom' || errors.get('/isicCode')?.code === 'invalid_format' ? { id: 'directory.opportunity_form.isic_invalid' } : undefined}
      >
        {(control) => <input {...control} value={draft.isicCode} maxLength={4} autoComplete="off" onChange={(event) => set('isicCode', event.target.value.toUpperCase())} />}
      </FormField>
      <TerritorySelect
        territories={territories}
        value={draft.territoryId}
        onChange={(value) => set('territoryId', value)}
        label={formatMessage({ id: 'directory.opportunity_form.territory' })}
        noneLabel={formatMessage({ id: 'directory.opportunity_form.territory_choose' })}
        error={errors.get('/territoryId')}
        required
      />
      <FormField label={formatMessage({ id: 'directory.opportunity_form.contact_name' })} error={errors.get('/contactName')}>
        {(control) => <input {...control} maxLength={200} autoComplete="off" value={draft.contactName} onChange={(event) => set('contactName', event.target.value)} />}
      </FormField>
      <FormField label={formatMessage({ id: 'directory.opportunity_form.contact_email' })} error={errors.get('/contactEmail')}>
        {(control) => <input {...control} type="email" maxLength={200} autoComplete="off" value={draft.contactEmail} onChange={(event) => set('contactEmail', event.target.value)} />}
      </FormField>
      <FormField label={formatMessage({ id: 'directory.opportunity_form.contact_phone' })} error={errors.get('/contactPhone')}>
        {(control) => <input {...control} type="tel" maxLength={40} autoComplete="off" value={draft.contactPhone} onChange={(event) => set('contactPhone', event.target.value)} />}
      </FormField>
      <fieldset aria-describedby={`${translationsId}-hint`}>
        <legend>{formatMessage({ id: 'directory.opportunity_form.translations' })}</legend>
        <p id={`${translationsId}-hint`} className="form-field__hint">
          {formatMessage({ id: 'directory.opportunity_form.translations_hint' })}
        </p>
        {LOCALES.filter((language) => language !== draft.locale).map((language) => (
          <fieldset key={language} lang={language}>
            <legend>{languageEndonym(language)}</legend>
            {text('title', language, draft.translations[language].title, (value) => setTranslation(language, 'title', value), `/translations/${language}/title`)}
            {text('description', language, draft.translations[language].description, (value) => setTranslation(language, 'description', value), `/translations/${language}/description`)}
          </fieldset>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {formatMessage(opportunity ? { id: 'directory.opportunity_form.save' } : { id: 'directory.opportunity_form.create' })}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone('cancelled')}>
          {formatMessage({ id: 'directory.opportunity_form.cancel' })}
        </button>
        {opportunity &&
          (confirmDelete ? (
            <button type="button" className="button button--danger" disabled={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: () => onDone('deleted') })}>
              {formatMessage({ id: 'directory.opportunity_form.delete_confirm' }, { title: opportunity.title })}
            </button>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setConfirmDelete(true)}>
              {formatMessage({ id: 'directory.opportunity_form.delete' })}
            </button>
          ))}
      </div>
    </form>
  );
}
