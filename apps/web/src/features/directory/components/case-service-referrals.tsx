import '../directory.css';
import type { CaseServiceReferralOutcome, CaseServiceReferralView } from '@glocal/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FieldError } from '../../../components/ui/field-error';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { useServiceSearch } from '../api/directory';
import { useCaseServiceReferrals, useRecordReferralOutcome, useReferCaseToService } from '../api/case-referrals';
import { OUTCOME_MESSAGES } from '../utils/directory-messages';

const OUTCOMES = Object.keys(OUTCOME_MESSAGES) as CaseServiceReferralOutcome[];

/**
 * "Services for this case": find a directory service, refer the case to it ("referred to this
 * service"), and record whether the person got it. The list, with its dates, is the case's record
 * of those referrals.
 */
export function CaseServiceReferrals({ caseId, canRefer }: { caseId: string; canRefer: boolean }) {
  const { formatMessage } = useIntl();
  const referrals = useCaseServiceReferrals(caseId);
  return (
    <div className="case-service-referrals">
      {canRefer && <ReferToService caseId={caseId} />}
      <h3>{formatMessage({ id: 'directory.case_referrals.list_title' })}</h3>
      {referrals.isPending && <LoadingMessage>{formatMessage({ id: 'directory.case_referrals.loading' })}</LoadingMessage>}
      {referrals.isError && <ProblemMessage error={referrals.error} onRetry={() => void referrals.refetch()} />}
      {referrals.data && referrals.data.items.length === 0 && <p>{formatMessage({ id: 'directory.case_referrals.empty' })}</p>}
      {referrals.data && referrals.data.items.length > 0 && (
        <ul className="case-service-referrals__list">
          {referrals.data.items.map((referral) => (
            <ReferralItem key={referral.id} caseId={caseId} referral={referral} canRecord={canRefer} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ReferToService({ caseId }: { caseId: string }) {
  const { formatMessage } = useIntl();
  const [words, setWords] = useState('');
  const [q, setQ] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [note, setNote] = useState('');
  const [missingService, setMissingService] = useState(false);
  const refer = useReferCaseToService(caseId);
  const errors = fieldErrorsOf(refer.error);

  function onSearch(event: FormEvent) {
    event.preventDefault();
    setQ(words.trim());
    setServiceId('');
  }

  function onRefer(event: FormEvent) {
    event.preventDefault();
    if (!serviceId) {
      setMissingService(true);
      return;
    }
    setMissingService(false);
    refer.mutate(
      { serviceId, note: note.trim() || undefined },
      {
        onSuccess: () => {
          setServiceId('');
          setNote('');
        },
      },
    );
  }

  return (
    <>
      <form className="form" role="search" onSubmit={onSearch}>
        <FormField label={formatMessage({ id: 'directory.case_referrals.search' })} hint={formatMessage({ id: 'directory.case_referrals.search_hint' })}>
          {(control) => <input {...control} type="search" value={words} maxLength={200} onChange={(event) => setWords(event.target.value)} />}
        </FormField>
        <button type="submit" className="button button--secondary">
          {formatMessage({ id: 'directory.case_referrals.search_submit' })}
        </button>
      </form>
      {q && (
        <form className="form" onSubmit={onRefer} noValidate>
          <FormProblem error={refer.error} fieldErrorCount={errors.size + (missingService ? 1 : 0)} />
          <ServiceChoice q={q} value={serviceId} missing={missingService} onChange={(id) => { setServiceId(id); setMissingService(false); }} />
          <FormField label={formatMessage({ id: 'directory.case_referrals.note' })} hint={formatMessage({ id: 'directory.case_referrals.note_hint' })} error={errors.get('/note')}>
            {(control) => <textarea {...control} value={note} maxLength={1000} rows={2} onChange={(event) => setNote(event.target.value)} />}
          </FormField>
          <button type="submit" className="button" disabled={refer.isPending}>
            {formatMessage({ id: 'directory.case_referrals.submit' })}
          </button>
        </form>
      )}
      {refer.isSuccess && <p role="status">{formatMessage({ id: 'directory.case_referrals.referred' }, { service: refer.data.serviceName })}</p>}
    </>
  );
}

/** The first page of matching services, as one choice; the error sits next to the group. */
function ServiceChoice({ q, value, missing, onChange }: { q: string; value: string; missing: boolean; onChange: (serviceId: string) => void }) {
  const { formatMessage } = useIntl();
  const id = useId();
  const search = useServiceSearch({ q });
  if (search.isPending) return <LoadingMessage>{formatMessage({ id: 'directory.case_referrals.searching' })}</LoadingMessage>;
  if (search.isError) return <ProblemMessage error={search.error} onRetry={() => void search.refetch()} />;
  const services = search.data.pages[0]?.items ?? [];
  if (services.length === 0) return <p role="status">{formatMessage({ id: 'directory.case_referrals.no_results' })}</p>;
  return (
    <fieldset className={missing ? 'form-field form-field--invalid' : 'form-field'} aria-describedby={missing ? `${id}-error` : undefined} aria-invalid={missing || undefined}>
      <legend>{formatMessage({ id: 'directory.case_referrals.choose' })}</legend>
      <ul className="case-service-referrals__choices">
        {services.map((service) => (
          <li key={service.id}>
            <label>
              <input type="radio" name={`${id}-service`} value={service.id} checked={value === service.id} onChange={() => onChange(service.id)} />{' '}
              {formatMessage({ id: 'directory.case_referrals.choice' }, { service: service.name, organisation: service.organizationName })}
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={`${id}-error`} error={missing ? { pointer: '/serviceId', code: 'required', params: {} } : undefined} message={{ id: 'directory.case_referrals.choose_required' }} />
    </fieldset>
  );
}

function ReferralItem({ caseId, referral, canRecord }: { caseId: string; referral: CaseServiceReferralView; canRecord: boolean }) {
  const { formatMessage, formatDate } = useIntl();
  const id = useId();
  const [outcome, setOutcome] = useState<CaseServiceReferralOutcome>(referral.outcome);
  const record = useRecordReferralOutcome(caseId);

  function onRecord(event: FormEvent) {
    event.preventDefault();
    record.mutate({ referralId: referral.id, outcome });
  }

  return (
    <li className="case-service-referrals__item" aria-labelledby={`${id}-name`}>
      <p>
        <strong id={`${id}-name`}>{referral.serviceName}</strong> · {referral.organizationName}
      </p>
      <p>
        {formatMessage({ id: 'directory.case_referrals.referred_on' }, { date: formatDate(referral.referredAt, { dateStyle: 'medium' }) })}
        {' · '}
        {referral.outcomeAt
          ? formatMessage({ id: 'directory.case_referrals.status_on' }, { status: formatMessage(OUTCOME_MESSAGES[referral.outcome]), date: formatDate(referral.outcomeAt, { dateStyle: 'medium' }) })
          : formatMessage({ id: 'directory.case_referrals.status' }, { status: formatMessage(OUTCOME_MESSAGES[referral.outcome]) })}
      </p>
      {referral.note && <p className="case-service-referrals__note">{referral.note}</p>}
      {canRecord && (
        <form className="form case-service-referrals__record" onSubmit={onRecord}>
          <FormField label={formatMessage({ id: 'directory.case_referrals.outcome_label' }, { service: referral.serviceName })}>
            {(control) => (
              <select {...control} value={outcome} onChange={(event) => setOutcome(event.target.value as CaseServiceReferralOutcome)}>
                {OUTCOMES.map((value) => (
                  <option key={value} value={value}>
                    {formatMessage(OUTCOME_MESSAGES[value])}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <button type="submit" className="button button--secondary" disabled={record.isPending || outcome === referral.outcome}>
            {formatMessage({ id: 'directory.case_referrals.record' })}
          </button>
          {record.isError && <ProblemMessage error={record.error} />}
        </form>
      )}
    </li>
  );
}
