import {
  CONSENT_DATA_CATEGORIES,
  CONSENT_METHODS,
  ConsentCreateBody,
  LEGAL_BASES,
  REFERRAL_REQUIRED_CATEGORIES,
  ReferralCreateBody,
  type ConsentDataCategory,
  type ConsentView,
  type ProblemFieldError,
} from '@glocal/contracts';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { ApiProblem } from '../../../lib/api-problem';
import { fieldErrorsFromIssues, fieldErrorsOf } from '../../../lib/field-errors';
import { useCaseReferrals, useConsents, useDisclosures, useDocuments, useHelpDesks, useRecordConsent, useRefer, useWithdrawConsent } from '../api/collaboration';
import { PanelFrame } from './panel-frame';
import {
  CONSENT_METHOD_MESSAGES,
  DATA_CATEGORY_MESSAGES,
  LEGAL_BASIS_MESSAGES,
  REFERRAL_STATUS_MESSAGES,
  missingItemMessage,
} from '../utils/collaboration-messages';

interface ConsentReferralPanelProps {
  caseId: string;
  /** The desk leading the case: not offered as a recipient. */
  leadDeskId?: string | undefined;
  /** Whether the reader's roles let them record consent and refer (the server still decides). */
  canRefer: boolean;
  /** Inside a page section that already carries the title. */
  embedded?: boolean;
}

/** The person's consents to referral, recording a new one, referring the case, and its referrals so far. */
export function ConsentReferralPanel({ caseId, leadDeskId, canRefer, embedded = false }: ConsentReferralPanelProps) {
  const { formatMessage } = useIntl();
  const consents = useConsents(caseId);
  const referrals = useCaseReferrals(caseId);
  const desks = useHelpDesks();
  const deskOptions = (desks.data?.items ?? []).filter((desk) => desk.id !== leadDeskId);

  return (
    <PanelFrame title={formatMessage({ id: 'case_collaboration.consents.title' })} embedded={embedded}>
      {consents.isPending ? (
        <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>
      ) : consents.isError ? (
        <ProblemMessage error={consents.error} onRetry={() => void consents.refetch()} />
      ) : (
        <ConsentTable caseId={caseId} consents={consents.data.items} canWithdraw={canRefer} />
      )}
      {canRefer && (
        <>
          <RecordConsentForm caseId={caseId} desks={deskOptions} />
          <ReferForm caseId={caseId} desks={deskOptions} />
        </>
      )}
      <h3>{formatMessage({ id: 'case_collaboration.referrals.title' })}</h3>
      {referrals.isError ? (
        <ProblemMessage error={referrals.error} />
      ) : (referrals.data?.items.length ?? 0) === 0 ? (
        <p className="muted">{formatMessage({ id: 'case_collaboration.referrals.none' })}</p>
      ) : (
        <ul className="result-list">
          {referrals.data!.items.map((referral) => (
            <li key={referral.id} className="result-list__item">
              <p className="result-list__title">
                {formatMessage({ id: 'case_collaboration.referrals.route' }, { from: referral.fromDeskName, to: referral.toDeskName })}
              </p>
              <p className="result-list__details">
                {formatMessage(REFERRAL_STATUS_MESSAGES[referral.status]!)}
                {referral.declineReason ? ` · ${referral.declineReason}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canRefer && <Disclosures caseId={caseId} />}
    </PanelFrame>
  );
}

/** Which desks reached the case and what they did, opened on demand (reading it is audited too). */
function Disclosures({ caseId }: { caseId: string }) {
  const { formatMessage, formatDate } = useIntl();
  const [open, setOpen] = useState(false);
  const history = useDisclosures(caseId, open);
  return (
    <details className="audit-details" onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>{formatMessage({ id: 'case_collaboration.disclosures.title' })}</summary>
      {history.isPending && open ? (
        <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>
      ) : history.isError ? (
        <ProblemMessage error={history.error} />
      ) : (
        <ul className="inline-list">
          {(history.data?.items ?? []).map((event, index) => (
            <li key={`${event.occurredAt}-${index}`}>
              {formatMessage(
                { id: 'case_collaboration.disclosures.item' },
                {
                  date: formatDate(event.occurredAt, { dateStyle: 'short', timeStyle: 'short' }),
                  desk: event.organisationName ?? formatMessage({ id: 'case_collaboration.disclosures.no_desk' }),
                  who: event.actorLabel,
                  action: event.action,
                },
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function ConsentTable({ caseId, consents, canWithdraw }: { caseId: string; consents: ConsentView[]; canWithdraw: boolean }) {
  const { formatMessage, formatDate } = useIntl();
  const withdraw = useWithdrawConsent(caseId);
  const referralConsents = consents.filter((consent) => consent.kind === 'referral');
  if (referralConsents.length === 0) return <p className="muted">{formatMessage({ id: 'case_collaboration.consents.none' })}</p>;
  return (
    <div className="table-scroll">
      {withdraw.isError && <ProblemMessage error={withdraw.error} />}
      <table className="audit-table">
        <caption className="visually-hidden">{formatMessage({ id: 'case_collaboration.consents.title' })}</caption>
        <thead>
          <tr>
            <th scope="col">{formatMessage({ id: 'case_collaboration.consents.recipient' })}</th>
            <th scope="col">{formatMessage({ id: 'case_collaboration.consents.data' })}</th>
            <th scope="col">{formatMessage({ id: 'case_collaboration.consents.valid_until' })}</th>
            <th scope="col">{formatMessage({ id: 'case_collaboration.consents.method' })}</th>
            <th scope="col">{formatMessage({ id: 'case_collaboration.consents.status' })}</th>
            <th scope="col">{formatMessage({ id: 'case_collaboration.consents.actions' })}</th>
          </tr>
        </thead>
        <tbody>
          {referralConsents.map((consent) => (
            <tr key={consent.id}>
              <td>
                {consent.recipientDeskName} ({consent.recipientCountry})
              </td>
              <td>
                {consent.dataCategories
                  .map((category) => (category in DATA_CATEGORY_MESSAGES ? formatMessage(DATA_CATEGORY_MESSAGES[category as ConsentDataCategory]) : category))
                  .join(', ')}
              </td>
              <td>{consent.validUntil ? formatDate(`${consent.validUntil}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) : '—'}</td>
              <td>{CONSENT_METHOD_MESSAGES[consent.method] ? formatMessage(CONSENT_METHOD_MESSAGES[consent.method]!) : consent.method}</td>
              <td>
                {formatMessage(
                  consent.withdrawnAt
                    ? { id: 'case_collaboration.consents.withdrawn' }
                    : consent.standing
                      ? { id: 'case_collaboration.consents.standing' }
                      : { id: 'case_collaboration.consents.expired' },
                )}
              </td>
              <td className="table-actions">
                <a href={`/api/v1/cases/${caseId}/consents/${consent.id}/receipt`} target="_blank" rel="noopener">
                  {formatMessage({ id: 'case_collaboration.consents.receipt' })}
                </a>
                {canWithdraw && !consent.withdrawnAt && (
                  <button
                    type="button"
                    className="button button--small button--danger"
                    disabled={withdraw.isPending}
                    onClick={() => withdraw.mutate(consent.id)}
                  >
                    {formatMessage({ id: 'case_collaboration.consents.withdraw' }, { desk: consent.recipientDeskName ?? '' })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type DeskOption = { id: string; name: string };

function RecordConsentForm({ caseId, desks }: { caseId: string; desks: DeskOption[] }) {
  const { formatMessage } = useIntl();
  const record = useRecordConsent(caseId);
  const documents = useDocuments(`/api/v1/cases/${caseId}`);
  const [recipientDeskId, setRecipientDeskId] = useState('');
  const [categories, setCategories] = useState<ConsentDataCategory[]>([...REFERRAL_REQUIRED_CATEGORIES]);
  const [purpose, setPurpose] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [method, setMethod] = useState<string>('in_person');
  const [legalBasis, setLegalBasis] = useState<string>('consent');
  const [documentId, setDocumentId] = useState('');
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const [saved, setSaved] = useState(false);
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(record.error);
  const serverCode = record.error instanceof ApiProblem ? record.error.code : undefined;
  const consentForms = (documents.data?.items ?? []).filter((document) => document.kind === 'consent_form');

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const parsed = ConsentCreateBody.safeParse({
      recipientDeskId, dataCategories: categories, purpose, validUntil, method, legalBasis, ...(documentId ? { documentId } : {}),
    });
    if (!parsed.success) {
      record.reset();
      setClientErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setClientErrors(new Map());
    record.mutate(parsed.data, { onSuccess: () => { setSaved(true); setPurpose(''); } });
  }

  // Problems the server finds in one field are shown next to that field.
  const deskError = errors.get('/recipientDeskId') ?? (serverCode === 'consent.recipient_not_desk' || serverCode === 'consent.country_mismatch' ? { pointer: '/recipientDeskId', code: 'invalid_value' } : undefined);
  const documentError = errors.get('/documentId') ?? (serverCode === 'consent.signed_form_missing' ? { pointer: '/documentId', code: 'required' } : undefined);
  const fieldServerError = deskError || documentError;

  return (
    <form className="stacked-form" noValidate onSubmit={submit} aria-labelledby={`record-consent-${caseId}`}>
      <h3 id={`record-consent-${caseId}`}>{formatMessage({ id: 'case_collaboration.consent_form.title' })}</h3>
      <FormProblem error={fieldServerError ? null : record.error} fieldErrorCount={errors.size + (fieldServerError && errors.size === 0 ? 1 : 0)} />
      {saved && <p className="notice notice--success" role="status">{formatMessage({ id: 'case_collaboration.consent_form.saved' })}</p>}
      <FormField
        label={formatMessage({ id: 'case_collaboration.consent_form.recipient' })}
        error={deskError}
        errorMessage={serverCode === 'consent.country_mismatch' ? { id: 'errors.consent.country_mismatch' } : serverCode === 'consent.recipient_not_desk' ? { id: 'errors.consent.recipient_not_desk' } : undefined}
      >
        {(control) => (
          <select {...control} value={recipientDeskId} onChange={(event) => setRecipientDeskId(event.target.value)}>
            <option value="">{formatMessage({ id: 'case_collaboration.choose' })}</option>
            {desks.map((desk) => (
              <option key={desk.id} value={desk.id}>
                {desk.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <fieldset className="fieldset" aria-describedby={errors.get('/dataCategories') ? `categories-error-${caseId}` : undefined}>
        <legend>{formatMessage({ id: 'case_collaboration.consent_form.categories' })}</legend>
        {CONSENT_DATA_CATEGORIES.map((category) => (
          <label key={category} className="checkbox-field">
            <input
              type="checkbox"
              checked={categories.includes(category)}
              onChange={(event) =>
                setCategories((current) => (event.target.checked ? [...current, category] : current.filter((c) => c !== category)))
              }
            />
            {formatMessage(DATA_CATEGORY_MESSAGES[category])}
          </label>
        ))}
        {errors.get('/dataCategories') && (
          <p id={`categories-error-${caseId}`} className="field-error">
            {formatMessage({ id: 'case_collaboration.consent_form.categories_required' })}
          </p>
        )}
      </fieldset>
      <FormField label={formatMessage({ id: 'case_collaboration.consent_form.purpose' })} error={errors.get('/purpose')}>
        {(control) => <textarea {...control} rows={3} maxLength={1000} value={purpose} onChange={(event) => setPurpose(event.target.value)} />}
      </FormField>
      <div className="form-row">
        <FormField label={formatMessage({ id: 'case_collaboration.consent_form.valid_until' })} error={errors.get('/validUntil')}>
          {(control) => <input {...control} type="date" value={validUntil} onChange={(event) => setValidUntil(event.target.value)} />}
        </FormField>
        <FormField label={formatMessage({ id: 'case_collaboration.consent_form.method' })} error={errors.get('/method')}>
          {(control) => (
            <select {...control} value={method} onChange={(event) => setMethod(event.target.value)}>
              {CONSENT_METHODS.map((option) => (
                <option key={option} value={option}>
                  {formatMessage(CONSENT_METHOD_MESSAGES[option]!)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={formatMessage({ id: 'case_collaboration.consent_form.legal_basis' })} error={errors.get('/legalBasis')}>
          {(control) => (
            <select {...control} value={legalBasis} onChange={(event) => setLegalBasis(event.target.value)}>
              {LEGAL_BASES.map((option) => (
                <option key={option} value={option}>
                  {formatMessage(LEGAL_BASIS_MESSAGES[option]!)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      {method === 'signed_form' && (
        <FormField
          label={formatMessage({ id: 'case_collaboration.consent_form.signed_form' })}
          hint={formatMessage({ id: 'case_collaboration.consent_form.signed_form_hint' })}
          error={documentError}
          errorMessage={documentError ? { id: 'errors.consent.signed_form_missing' } : undefined}
        >
          {(control) => (
            <select {...control} value={documentId} onChange={(event) => setDocumentId(event.target.value)}>
              <option value="">{formatMessage({ id: 'case_collaboration.choose' })}</option>
              {consentForms.map((document) => (
                <option key={document.id} value={document.id}>
                  {document.fileName}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={record.isPending}>
          {formatMessage({ id: 'case_collaboration.consent_form.submit' })}
        </button>
      </div>
    </form>
  );
}

function ReferForm({ caseId, desks }: { caseId: string; desks: DeskOption[] }) {
  const { formatMessage } = useIntl();
  const refer = useRefer(caseId);
  const [toDeskId, setToDeskId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const [sent, setSent] = useState(false);
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(refer.error);
  const problem = refer.error instanceof ApiProblem ? refer.error : undefined;
  const missing = problem?.code === 'referral.consent_missing' ? ((problem.problem?.params?.missing as string[] | undefined) ?? []) : [];
  const deskProblem = problem && ['referral.consent_missing', 'referral.desk_not_partner', 'referral.same_desk', 'referral.already_pending'].includes(problem.code);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    const parsed = ReferralCreateBody.safeParse({ toDeskId, purpose });
    if (!parsed.success) {
      refer.reset();
      setClientErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setClientErrors(new Map());
    refer.mutate(parsed.data, { onSuccess: () => { setSent(true); setPurpose(''); } });
  }

  const deskFieldError = errors.get('/toDeskId') ?? (deskProblem ? { pointer: '/toDeskId', code: 'invalid_value' } : undefined);
  return (
    <form className="stacked-form" noValidate onSubmit={submit} aria-labelledby={`refer-${caseId}`}>
      <h3 id={`refer-${caseId}`}>{formatMessage({ id: 'case_collaboration.refer.title' })}</h3>
      <FormProblem error={deskProblem ? null : refer.error} fieldErrorCount={errors.size} />
      {sent && <p className="notice notice--success" role="status">{formatMessage({ id: 'case_collaboration.refer.sent' })}</p>}
      <FormField
        label={formatMessage({ id: 'case_collaboration.refer.desk' })}
        error={deskFieldError}
        errorMessage={deskProblem ? { id: `errors.${problem.code}` } : undefined}
      >
        {(control) => (
          <select {...control} value={toDeskId} onChange={(event) => setToDeskId(event.target.value)}>
            <option value="">{formatMessage({ id: 'case_collaboration.choose' })}</option>
            {desks.map((desk) => (
              <option key={desk.id} value={desk.id}>
                {desk.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {missing.length > 0 && (
        <ul className="field-error" aria-label={formatMessage({ id: 'case_collaboration.refer.missing' })}>
          {missing.map((item) => {
            const { descriptor, category } = missingItemMessage(item);
            return <li key={item}>{formatMessage(descriptor, category ? { category: formatMessage(DATA_CATEGORY_MESSAGES[category]) } : {})}</li>;
          })}
        </ul>
      )}
      <FormField label={formatMessage({ id: 'case_collaboration.refer.purpose' })} error={errors.get('/purpose')}>
        {(control) => <textarea {...control} rows={3} maxLength={1000} value={purpose} onChange={(event) => setPurpose(event.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" disabled={refer.isPending}>
          {formatMessage({ id: 'case_collaboration.refer.submit' })}
        </button>
      </div>
    </form>
  );
}
