import { CASE_PRIORITIES, CaseCreateBody, type CasePriority, type CaseRequestKind, type ProblemFieldError } from '@glocal/contracts';
import { GENDERS, INTAKE_POLICY_VERSION, INTAKE_RETENTION_YEARS, REQUEST_KINDS } from '@glocal/contracts/intake-form';
import { LOCALES } from '@glocal/contracts/locales';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { useNavigate } from 'react-router';
import { FieldError } from '../../../components/ui/field-error';
import { FormField } from '../../../components/ui/form-field';
import { SpokenLanguagesField } from '../../../components/ui/spoken-languages-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { fieldErrorsFromIssues, fieldErrorsOf } from '../../../lib/field-errors';
import { useSession } from '../../../lib/session';
import { useCreateCase } from '../api/create-case';
import { PRIORITY_MESSAGES, REQUEST_KIND_MESSAGES } from '../utils/case-messages';
import type { NamedOption } from '../utils/options';

const CONSENT_METHODS = ['in_person', 'signed_form'] as const;

const GENDER_MESSAGES: Record<(typeof GENDERS)[number], MessageDescriptor> = {
  female: { id: 'cases.new.gender.female' },
  male: { id: 'cases.new.gender.male' },
  other: { id: 'cases.new.gender.other' },
};
const CONSENT_METHOD_MESSAGES: Record<(typeof CONSENT_METHODS)[number], MessageDescriptor> = {
  in_person: { id: 'cases.new.consent.in_person' },
  signed_form: { id: 'cases.new.consent.signed_form' },
};

/** What the form holds: strings as typed, turned into the request body only when sent. */
interface WalkInDraft {
  /** Empty: the first of my desks. */
  deskId: string;
  requestKind: CaseRequestKind | '';
  idea: string;
  need: string;
  priority: CasePriority;
  givenName: string;
  familyName: string;
  phone: string;
  email: string;
  birthDate: string;
  gender: '' | (typeof GENDERS)[number];
  languages: string[];
  preferredLocale: string;
  residenceTerritoryId: string;
  originTerritoryId: string;
  consent: boolean;
  consentMethod: (typeof CONSENT_METHODS)[number];
  /** Null until changed: yes for a coach of the desk, who usually follows the person met. */
  followMyself: boolean | null;
}

const optional = (value: string) => value.trim() || undefined;

/** The request body, leaving out what was not filled in (the contracts schema checks the rest). */
function bodyOf(draft: WalkInDraft & { followMyself: boolean }, myId: string | undefined): unknown {
  return {
    deskId: draft.deskId || undefined,
    requestKind: draft.requestKind || undefined,
    person: {
      givenName: draft.givenName,
      familyName: optional(draft.familyName),
      phone: optional(draft.phone),
      email: optional(draft.email),
      birthDate: optional(draft.birthDate),
      gender: draft.gender || undefined,
      languages: draft.languages,
      preferredLocale: draft.preferredLocale,
      residenceTerritoryId: draft.residenceTerritoryId || undefined,
      originTerritoryId: draft.originTerritoryId || undefined,
    },
    // Nothing is stored unless the person agreed: without the box ticked, no consent is sent.
    processingConsent: draft.consent ? { method: draft.consentMethod, policyVersion: INTAKE_POLICY_VERSION } : undefined,
    need: optional(draft.need),
    priority: draft.priority,
    idea: draft.requestKind === 'business_project' ? optional(draft.idea) : undefined,
    assignedCoachId: draft.followMyself ? myId : undefined,
  };
}

/** This form's own words for its rules, beyond "required" or "not valid". */
function ownMessage(pointer: string, error: ProblemFieldError | undefined): MessageDescriptor | undefined {
  if (!error) return undefined;
  if (pointer === '/processingConsent') return { id: 'cases.new.errors.consent_required' };
  if (pointer === '/idea') return { id: 'cases.new.errors.idea_required' };
  if (pointer === '/assignedCoachId') return { id: 'errors.case.assignee_not_coach' };
  return undefined;
}

interface CaseCreateFormProps {
  /** Places a person may live in or come from, passed in by the app (territories are their own feature). */
  territories: readonly NamedOption[];
}

/**
 * "New case" at the desk: a person who came in person, their request and the consent they gave
 * there. The server's field errors show next to their fields; on success, the new case opens.
 */
export function CaseCreateForm({ territories }: CaseCreateFormProps) {
  const { formatMessage, locale } = useIntl();
  const navigate = useNavigate();
  const { me, can } = useSession();
  const create = useCreateCase();
  const kindId = useId();
  const consentId = useId();
  const followId = useId();

  // The desks where I may open cases (a membership per role: one entry per desk).
  const desks = useMemo(() => {
    const byId = new Map<string, string>();
    for (const membership of me?.memberships ?? []) {
      if (membership.organisationId && can('cases:create', membership.organisationId)) {
        byId.set(membership.organisationId, membership.organisationName ?? membership.organisationId);
      }
    }
    return [...byId].map(([id, name]) => ({ id, name }));
  }, [me, can]);
  const coachAt = (desk: string) => !!me?.memberships.some((m) => m.organisationId === desk && m.role === 'coach');

  const [typed, setTyped] = useState<WalkInDraft>(() => ({
    deskId: '',
    requestKind: '',
    idea: '',
    need: '',
    priority: 'normal',
    givenName: '',
    familyName: '',
    phone: '',
    email: '',
    birthDate: '',
    gender: '',
    languages: [],
    preferredLocale: locale,
    residenceTerritoryId: '',
    originTerritoryId: '',
    consent: false,
    consentMethod: 'in_person',
    followMyself: null,
  }));
  // Who I am arrives with the session: the defaults that depend on it are settled here.
  const deskId = typed.deskId || desks[0]?.id || '';
  const draft = { ...typed, deskId, followMyself: coachAt(deskId) && (typed.followMyself ?? true) };
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const errors = useMemo(() => {
    const found = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(create.error);
    // The server names the coach `/coachId` when it refuses them: that is the "follow it myself" box.
    const coach = found.get('/coachId');
    return coach ? new Map([...found, ['/assignedCoachId', coach]]) : found;
  }, [clientErrors, create.error]);

  const collator = useMemo(() => new Intl.Collator(locale), [locale]);
  const places = useMemo(() => [...territories].sort((a, b) => collator.compare(a.name, b.name)), [territories, collator]);

  const set = <K extends keyof WalkInDraft>(name: K, value: WalkInDraft[K]) => setTyped((current) => ({ ...current, [name]: value }));
  const text = (name: 'idea' | 'need' | 'givenName' | 'familyName' | 'phone' | 'email' | 'birthDate' | 'residenceTerritoryId' | 'originTerritoryId') => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) => set(name, event.target.value),
  });
  const field = (pointer: string) => ({ error: errors.get(pointer), errorMessage: ownMessage(pointer, errors.get(pointer)) });
  const shownErrors = [...errors.keys()].filter((pointer) => pointer !== '/coachId').length;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const parsed = CaseCreateBody.safeParse(bodyOf(draft, me?.id));
    if (!parsed.success) {
      create.reset();
      setClientErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setClientErrors(new Map());
    create.mutate(parsed.data, { onSuccess: (created) => navigate(`/cases/${created.id}`) });
  }

  const placeOptions = places.map((place) => (
    <option key={place.id} value={place.id}>
      {place.code ? formatMessage({ id: 'cases.project.territory_option' }, { name: place.name, code: place.code }) : place.name}
    </option>
  ));

  return (
    <form className="stacked-form" noValidate onSubmit={submit}>
      <FormProblem error={create.error} fieldErrorCount={shownErrors} />

      <fieldset className="fieldset">
        <legend>{formatMessage({ id: 'cases.new.section.request' })}</legend>
        <FormField label={formatMessage({ id: 'cases.new.desk' })} {...field('/deskId')}>
          {(control) => (
            <select
              {...control}
              value={draft.deskId}
              onChange={(event) => set('deskId', event.target.value)}
            >
              {desks.map((desk) => (
                <option key={desk.id} value={desk.id}>
                  {desk.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <fieldset
          className={errors.get('/requestKind') ? 'fieldset fieldset--nested form-field--invalid' : 'fieldset fieldset--nested'}
          aria-describedby={errors.get('/requestKind') ? `${kindId}-error` : undefined}
        >
          <legend>{formatMessage({ id: 'cases.new.kind' })}</legend>
          <div className="radio-group">
            {REQUEST_KINDS.map((kind) => (
              <label key={kind} className="radio">
                <input type="radio" name="requestKind" value={kind} checked={draft.requestKind === kind} onChange={() => set('requestKind', kind)} />
                {formatMessage(REQUEST_KIND_MESSAGES[kind])}
              </label>
            ))}
          </div>
          <FieldError id={`${kindId}-error`} error={errors.get('/requestKind')} />
        </fieldset>
        {draft.requestKind === 'business_project' && (
          <FormField label={formatMessage({ id: 'cases.new.idea' })} {...field('/idea')}>
            {(control) => <textarea {...control} {...text('idea')} rows={3} maxLength={4000} />}
          </FormField>
        )}
        <FormField label={formatMessage({ id: 'cases.new.need' })} hint={formatMessage({ id: 'cases.new.need_hint' })} {...field('/need')}>
          {(control) => <textarea {...control} {...text('need')} rows={4} maxLength={4000} />}
        </FormField>
        <FormField label={formatMessage({ id: 'cases.list.priority' })} {...field('/priority')}>
          {(control) => (
            <select {...control} value={draft.priority} onChange={(event) => set('priority', event.target.value as CasePriority)}>
              {CASE_PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {formatMessage(PRIORITY_MESSAGES[priority])}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{formatMessage({ id: 'cases.new.section.person' })}</legend>
        <FormField label={formatMessage({ id: 'cases.new.given_name' })} {...field('/person/givenName')}>
          {(control) => <input {...control} {...text('givenName')} maxLength={200} autoComplete="off" />}
        </FormField>
        <FormField label={formatMessage({ id: 'cases.new.family_name' })} {...field('/person/familyName')}>
          {(control) => <input {...control} {...text('familyName')} maxLength={200} autoComplete="off" />}
        </FormField>
        <div className="form-row">
          <FormField label={formatMessage({ id: 'cases.new.phone' })} {...field('/person/phone')}>
            {(control) => <input {...control} {...text('phone')} type="tel" autoComplete="off" dir="ltr" />}
          </FormField>
          <FormField label={formatMessage({ id: 'cases.new.email' })} {...field('/person/email')}>
            {(control) => <input {...control} {...text('email')} type="email" autoComplete="off" spellCheck={false} dir="ltr" />}
          </FormField>
        </div>
        <div className="form-row">
          <FormField label={formatMessage({ id: 'cases.new.birth_date' })} {...field('/person/birthDate')}>
            {(control) => <input {...control} {...text('birthDate')} type="date" autoComplete="off" />}
          </FormField>
          <FormField label={formatMessage({ id: 'cases.new.gender' })} {...field('/person/gender')}>
            {(control) => (
              <select {...control} value={draft.gender} onChange={(event) => set('gender', event.target.value as WalkInDraft['gender'])}>
                <option value="">{formatMessage({ id: 'cases.new.gender.none' })}</option>
                {GENDERS.map((gender) => (
                  <option key={gender} value={gender}>
                    {formatMessage(GENDER_MESSAGES[gender])}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <SpokenLanguagesField legend={formatMessage({ id: 'cases.new.languages' })} value={draft.languages} onChange={(languages) => set('languages', languages)} />
        <FormField
          label={formatMessage({ id: 'cases.new.preferred_locale' })}
          hint={formatMessage({ id: 'cases.new.preferred_locale_hint' })}
          {...field('/person/preferredLocale')}
        >
          {(control) => (
            <select {...control} value={draft.preferredLocale} onChange={(event) => set('preferredLocale', event.target.value)}>
              {LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={formatMessage({ id: 'cases.new.residence' })} {...field('/person/residenceTerritoryId')}>
          {(control) => (
            <select {...control} {...text('residenceTerritoryId')}>
              <option value="">{formatMessage({ id: 'cases.new.place_unknown' })}</option>
              {placeOptions}
            </select>
          )}
        </FormField>
        <FormField label={formatMessage({ id: 'cases.new.origin' })} {...field('/person/originTerritoryId')}>
          {(control) => (
            <select {...control} {...text('originTerritoryId')}>
              <option value="">{formatMessage({ id: 'cases.new.place_unknown' })}</option>
              {placeOptions}
            </select>
          )}
        </FormField>
      </fieldset>

      <fieldset className={errors.get('/processingConsent') ? 'fieldset form-field--invalid' : 'fieldset'}>
        <legend>{formatMessage({ id: 'cases.new.section.consent' })}</legend>
        <p className="form-field__hint">{formatMessage({ id: 'cases.new.consent.read_out' })}</p>
        <p>{formatMessage({ id: 'cases.new.consent.text' }, { years: INTAKE_RETENTION_YEARS })}</p>
        <label className="checkbox-field">
          <input
            type="checkbox"
            name="consent"
            checked={draft.consent}
            onChange={(event) => set('consent', event.target.checked)}
            aria-invalid={errors.get('/processingConsent') ? true : undefined}
            aria-describedby={errors.get('/processingConsent') ? `${consentId}-error` : undefined}
          />
          {formatMessage({ id: 'cases.new.consent.checkbox' })}
        </label>
        <FieldError id={`${consentId}-error`} error={errors.get('/processingConsent')} message={ownMessage('/processingConsent', errors.get('/processingConsent'))} />
        <fieldset className="fieldset fieldset--nested">
          <legend>{formatMessage({ id: 'cases.new.consent.method' })}</legend>
          <div className="radio-group">
            {CONSENT_METHODS.map((method) => (
              <label key={method} className="radio">
                <input type="radio" name="consentMethod" value={method} checked={draft.consentMethod === method} onChange={() => set('consentMethod', method)} />
                {formatMessage(CONSENT_METHOD_MESSAGES[method])}
              </label>
            ))}
          </div>
        </fieldset>
        <p className="form-field__hint">{formatMessage({ id: 'cases.new.consent.version' }, { version: INTAKE_POLICY_VERSION })}</p>
      </fieldset>

      {coachAt(draft.deskId) && (
        <div className={errors.get('/assignedCoachId') ? 'form-field form-field--invalid' : 'form-field'}>
          <label className="checkbox-field">
            <input
              type="checkbox"
              name="followMyself"
              checked={draft.followMyself}
              onChange={(event) => set('followMyself', event.target.checked)}
              aria-invalid={errors.get('/assignedCoachId') ? true : undefined}
              aria-describedby={errors.get('/assignedCoachId') ? `${followId}-error` : undefined}
            />
            {formatMessage({ id: 'cases.new.follow_myself' })}
          </label>
          <FieldError id={`${followId}-error`} error={errors.get('/assignedCoachId')} message={ownMessage('/assignedCoachId', errors.get('/assignedCoachId'))} />
        </div>
      )}

      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={create.isPending || undefined}>
          {formatMessage(create.isPending ? { id: 'cases.new.submitting' } : { id: 'cases.new.submit' })}
        </button>
      </div>
    </form>
  );
}
