import { CASE_PRIORITIES, type CaseDetailView, type CasePriority } from '@glocal/contracts';
import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { useUpdateCase } from '../api/cases';
import { PRIORITY_MESSAGES, REQUEST_KIND_MESSAGES, STAGE_MESSAGES, STATUS_MESSAGES } from '../utils/case-messages';
import { nameOf, type NamedOption } from '../utils/options';

/** Where a case stands, who it is for, and (for the lead desk) its status, priority and tags. */
export function CaseSummary({ detail, territories }: { detail: CaseDetailView; territories?: readonly NamedOption[] | undefined }) {
  const { formatMessage } = useIntl();
  const person = detail.person;
  const none = formatMessage({ id: 'cases.summary.none' });
  const rows: [string, string][] = [
    [formatMessage({ id: 'cases.summary.status' }), formatMessage(STATUS_MESSAGES[detail.status])],
    [formatMessage({ id: 'cases.summary.kind' }), formatMessage(REQUEST_KIND_MESSAGES[detail.requestKind])],
    ...(detail.stage ? ([[formatMessage({ id: 'cases.summary.stage' }), formatMessage(STAGE_MESSAGES[detail.stage])]] as [string, string][]) : []),
    [formatMessage({ id: 'cases.summary.priority' }), formatMessage(PRIORITY_MESSAGES[detail.priority])],
    [formatMessage({ id: 'cases.summary.desk' }), detail.deskName],
    [formatMessage({ id: 'cases.summary.coach' }), detail.assignedCoach?.displayName ?? formatMessage({ id: 'cases.list.unassigned' })],
    [formatMessage({ id: 'cases.summary.tags' }), detail.tags.length > 0 ? detail.tags.join(', ') : none],
  ];
  const personRows: [string, string][] = [
    [formatMessage({ id: 'cases.person.name' }), [person.givenName, person.familyName].filter(Boolean).join(' ')],
    [formatMessage({ id: 'cases.person.email' }), person.email ?? none],
    [formatMessage({ id: 'cases.person.phone' }), person.phone ?? none],
    [formatMessage({ id: 'cases.person.birth_date' }), person.birthDate ?? none],
    [formatMessage({ id: 'cases.person.languages' }), person.languages.length > 0 ? person.languages.join(', ') : none],
    [formatMessage({ id: 'cases.person.residence' }), nameOf(territories, person.residenceTerritoryId) ?? none],
    [formatMessage({ id: 'cases.person.origin' }), nameOf(territories, person.originTerritoryId) ?? none],
  ];
  return (
    <>
      <dl className="details-list">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {detail.access === 'shared' && <p className="notice notice--warning">{formatMessage({ id: 'cases.summary.shared_read_only' })}</p>}
      <h3>{formatMessage({ id: 'cases.person.title' })}</h3>
      {person.contactWithheld && <p className="muted">{formatMessage({ id: 'cases.person.contact_withheld' })}</p>}
      <dl className="details-list">
        {personRows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {detail.need && (
        <>
          <h3>{formatMessage({ id: 'cases.summary.need' })}</h3>
          <p className="prose">{detail.need}</p>
        </>
      )}
      {detail.can.update && detail.status !== 'closed' && <CaseSettingsForm detail={detail} />}
    </>
  );
}

const NEXT_STATUSES: Record<string, readonly ('new' | 'active' | 'waiting')[]> = { new: ['new', 'active', 'waiting'], active: ['active', 'waiting'], waiting: ['waiting', 'active'] };

function CaseSettingsForm({ detail }: { detail: CaseDetailView }) {
  const { formatMessage } = useIntl();
  const update = useUpdateCase(detail.id);
  const [status, setStatus] = useState(detail.status as 'new' | 'active' | 'waiting');
  const [priority, setPriority] = useState<CasePriority>(detail.priority);
  const [tags, setTags] = useState(detail.tags.join(', '));
  const errors = fieldErrorsOf(update.error);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update.mutate({ status, priority, tags: tags.split(',').map((tag) => tag.trim()).filter(Boolean) });
  }
  return (
    <form className="stacked-form" onSubmit={onSubmit} aria-labelledby="case-settings-title">
      <h3 id="case-settings-title">{formatMessage({ id: 'cases.settings.title' })}</h3>
      <FormProblem error={update.error} fieldErrorCount={errors.size} />
      <FormField label={formatMessage({ id: 'cases.summary.status' })} error={errors.get('/status')}>
        {(control) => (
          <select {...control} value={status} onChange={(event) => setStatus(event.target.value as typeof status)}>
            {(NEXT_STATUSES[detail.status] ?? []).map((value) => (
              <option key={value} value={value}>
                {formatMessage(STATUS_MESSAGES[value])}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'cases.summary.priority' })} error={errors.get('/priority')}>
        {(control) => (
          <select {...control} value={priority} onChange={(event) => setPriority(event.target.value as CasePriority)}>
            {CASE_PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {formatMessage(PRIORITY_MESSAGES[value])}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'cases.summary.tags' })} hint={formatMessage({ id: 'cases.settings.tags_hint' })} error={errors.get('/tags/0')}>
        {(control) => <input {...control} value={tags} onChange={(event) => setTags(event.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {formatMessage({ id: 'cases.settings.save' })}
        </button>
      </div>
      {update.isSuccess && <p role="status" className="notice notice--success">{formatMessage({ id: 'cases.saved' })}</p>}
    </form>
  );
}
