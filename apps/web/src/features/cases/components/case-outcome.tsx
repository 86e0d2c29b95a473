import { CASE_OUTCOMES, FINANCING_KINDS, type CaseDetailView, type CaseOutcomeKind, type FinancingKind } from '@glocal/contracts';
import { INTAKE_CURRENCIES } from '@glocal/contracts/intake-form';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { useAddFinancing, useCloseCase, useRecordOutcome } from '../api/cases';
import { FINANCING_MESSAGES, OUTCOME_MESSAGES } from '../utils/case-messages';
import type { NamedOption } from '../utils/options';

const jobs = (value: string) => (value.trim() === '' ? null : Number(value));

/** What the case achieved: the business created, jobs by sex, financing obtained; closing for managers. */
export function CaseOutcome({ detail, organisations }: { detail: CaseDetailView; organisations?: readonly NamedOption[] | undefined }) {
  const { formatMessage, formatNumber } = useIntl();
  const outcome = detail.outcome;
  const editable = detail.can.update && detail.status !== 'closed';
  return (
    <>
      {outcome.outcome && (
        <p className="notice notice--success">{formatMessage({ id: 'cases.outcome.closed_with' }, { outcome: formatMessage(OUTCOME_MESSAGES[outcome.outcome]) })}</p>
      )}
      <BusinessOutcomeForm key={JSON.stringify(outcome)} detail={detail} editable={editable} />
      <h3>{formatMessage({ id: 'cases.financing.title' })}</h3>
      {outcome.financing.length === 0 ? (
        <p className="muted">{formatMessage({ id: 'cases.financing.empty' })}</p>
      ) : (
        <ul className="link-list">
          {outcome.financing.map((item) => (
            <li key={item.id}>
              {formatMessage(item.fromRemittances ? { id: 'cases.financing.line_remittances' } : { id: 'cases.financing.line' }, {
                kind: formatMessage(FINANCING_MESSAGES[item.kind]),
                // The exact decimal string, formatted for reading only (never computed with).
                amount: formatNumber(Number(item.amount), { style: 'currency', currency: item.currency }),
                source: item.sourceOrganisationName ?? item.sourceName ?? '',
              })}
            </li>
          ))}
        </ul>
      )}
      {editable && <FinancingForm caseId={detail.id} organisations={organisations} />}
      {detail.can.close && detail.status !== 'closed' && <CloseForm caseId={detail.id} />}
    </>
  );
}

function BusinessOutcomeForm({ detail, editable }: { detail: CaseDetailView; editable: boolean }) {
  const { formatMessage } = useIntl();
  const record = useRecordOutcome(detail.id);
  const o = detail.outcome;
  const [draft, setDraft] = useState({
    businessCreatedOn: o.businessCreatedOn ?? '',
    legalForm: o.legalForm ?? '',
    jobsWomen: o.jobsWomen?.toString() ?? '',
    jobsMen: o.jobsMen?.toString() ?? '',
    jobsOther: o.jobsOther?.toString() ?? '',
  });
  const errors = fieldErrorsOf(record.error);
  const set = (name: keyof typeof draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    record.mutate({
      businessCreatedOn: draft.businessCreatedOn || null,
      legalForm: draft.legalForm.trim() || null,
      jobsWomen: jobs(draft.jobsWomen),
      jobsMen: jobs(draft.jobsMen),
      jobsOther: jobs(draft.jobsOther),
    });
  }
  return (
    <form className="stacked-form" onSubmit={onSubmit} aria-labelledby="business-outcome-title">
      <h3 id="business-outcome-title">{formatMessage({ id: 'cases.outcome.business_title' })}</h3>
      <FormProblem error={record.error} fieldErrorCount={errors.size} />
      <fieldset className="fieldset" disabled={!editable}>
        <legend className="visually-hidden">{formatMessage({ id: 'cases.outcome.business_title' })}</legend>
        <FormField label={formatMessage({ id: 'cases.outcome.created_on' })} error={errors.get('/businessCreatedOn')}>
          {(control) => <input {...control} type="date" value={draft.businessCreatedOn} onChange={set('businessCreatedOn')} />}
        </FormField>
        <FormField label={formatMessage({ id: 'cases.project.legal_form' })} error={errors.get('/legalForm')}>
          {(control) => <input {...control} value={draft.legalForm} maxLength={100} onChange={set('legalForm')} />}
        </FormField>
        <div className="form-row">
          {(['jobsWomen', 'jobsMen', 'jobsOther'] as const).map((name) => (
            <FormField
              key={name}
              label={formatMessage(name === 'jobsWomen' ? { id: 'cases.outcome.jobs_women' } : name === 'jobsMen' ? { id: 'cases.outcome.jobs_men' } : { id: 'cases.outcome.jobs_other' })}
              error={errors.get(`/${name}`)}
            >
              {(control) => <input {...control} type="number" min={0} step={1} inputMode="numeric" value={draft[name]} onChange={set(name)} />}
            </FormField>
          ))}
        </div>
      </fieldset>
      {editable && (
        <div className="form-actions">
          <button type="submit" className="button" disabled={record.isPending}>
            {formatMessage({ id: 'cases.outcome.save' })}
          </button>
        </div>
      )}
    </form>
  );
}

function FinancingForm({ caseId, organisations }: { caseId: string; organisations?: readonly NamedOption[] | undefined }) {
  const { formatMessage } = useIntl();
  const add = useAddFinancing(caseId);
  const empty = { kind: 'micro_credit' as FinancingKind, amount: '', currency: 'XOF', sourceOrganisationId: '', sourceName: '', fromRemittances: false, obtainedOn: '' };
  const [draft, setDraft] = useState(empty);
  const errors = fieldErrorsOf(add.error);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      {
        kind: draft.kind,
        amount: draft.amount.trim(),
        currency: draft.currency,
        fromRemittances: draft.fromRemittances,
        ...(draft.sourceOrganisationId ? { sourceOrganisationId: draft.sourceOrganisationId } : {}),
        ...(draft.sourceName.trim() ? { sourceName: draft.sourceName.trim() } : {}),
        ...(draft.obtainedOn ? { obtainedOn: draft.obtainedOn } : {}),
      },
      { onSuccess: () => setDraft(empty) },
    );
  }
  return (
    <form className="stacked-form" onSubmit={onSubmit} aria-labelledby="financing-title">
      <h3 id="financing-title">{formatMessage({ id: 'cases.financing.new' })}</h3>
      <FormProblem error={add.error} fieldErrorCount={errors.size} />
      <FormField label={formatMessage({ id: 'cases.financing.kind' })}>
        {(control) => (
          <select {...control} value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value as FinancingKind })}>
            {FINANCING_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {formatMessage(FINANCING_MESSAGES[kind])}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="form-row">
        <FormField label={formatMessage({ id: 'cases.financing.amount' })} hint={formatMessage({ id: 'cases.project.amount_hint' })} error={errors.get('/amount')} errorMessage={errors.get('/amount')?.code === 'too_precise' ? { id: 'cases.pipeline.too_precise' } : undefined}>
          {(control) => <input {...control} required inputMode="decimal" value={draft.amount} onChange={(event) => setDraft({ ...draft, amount: event.target.value })} />}
        </FormField>
        <FormField label={formatMessage({ id: 'cases.project.currency' })} error={errors.get('/currency')}>
          {(control) => (
            <select {...control} value={draft.currency} onChange={(event) => setDraft({ ...draft, currency: event.target.value })}>
              {INTAKE_CURRENCIES.map((currency) => (
                <option key={currency} value={currency}>
                  {currency}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField label={formatMessage({ id: 'cases.financing.source_organisation' })} error={errors.get('/sourceOrganisationId')}>
        {(control) => (
          <select {...control} value={draft.sourceOrganisationId} onChange={(event) => setDraft({ ...draft, sourceOrganisationId: event.target.value })}>
            <option value="">{formatMessage({ id: 'cases.financing.source_other' })}</option>
            {(organisations ?? []).map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {!draft.sourceOrganisationId && (
        <FormField label={formatMessage({ id: 'cases.financing.source_name' })} error={errors.get('/sourceName')}>
          {(control) => <input {...control} value={draft.sourceName} maxLength={200} onChange={(event) => setDraft({ ...draft, sourceName: event.target.value })} />}
        </FormField>
      )}
      <FormField label={formatMessage({ id: 'cases.financing.obtained_on' })} error={errors.get('/obtainedOn')}>
        {(control) => <input {...control} type="date" value={draft.obtainedOn} onChange={(event) => setDraft({ ...draft, obtainedOn: event.target.value })} />}
      </FormField>
      <div className="checkbox-field">
        <input type="checkbox" id={`financing-remittances-${caseId}`} checked={draft.fromRemittances} onChange={(event) => setDraft({ ...draft, fromRemittances: event.target.checked })} />
        <label htmlFor={`financing-remittances-${caseId}`}>{formatMessage({ id: 'cases.financing.from_remittances' })}</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={add.isPending}>
          {formatMessage({ id: 'cases.financing.add' })}
        </button>
      </div>
    </form>
  );
}

function CloseForm({ caseId }: { caseId: string }) {
  const { formatMessage } = useIntl();
  const close = useCloseCase(caseId);
  const [outcome, setOutcome] = useState<CaseOutcomeKind>('business_created');
  const errors = fieldErrorsOf(close.error);
  return (
    <form
      className="stacked-form"
      aria-labelledby="close-title"
      onSubmit={(event) => {
        event.preventDefault();
        close.mutate({ outcome });
      }}
    >
      <h3 id="close-title">{formatMessage({ id: 'cases.close.title' })}</h3>
      <FormProblem error={close.error} fieldErrorCount={0} />
      {errors.size > 0 && <p className="field-error">{formatMessage({ id: 'cases.close.details_missing' })}</p>}
      <FormField label={formatMessage({ id: 'cases.close.outcome' })}>
        {(control) => (
          <select {...control} value={outcome} onChange={(event) => setOutcome(event.target.value as CaseOutcomeKind)}>
            {CASE_OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {formatMessage(OUTCOME_MESSAGES[value])}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button--danger" disabled={close.isPending}>
          {formatMessage({ id: 'cases.close.submit' })}
        </button>
      </div>
    </form>
  );
}
