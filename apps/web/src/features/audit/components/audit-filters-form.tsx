import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { NO_FILTERS, type AuditFilters } from '../utils/audit-filters';

/** Actions the platform records, offered as suggestions; any other value may be typed. */
const KNOWN_ACTIONS = [
  'access.denied',
  'api_token.created',
  'api_token.revoked',
  'audit.exported',
  'audit.searched',
  'auth.mfa_challenged',
  'auth.mfa_disabled',
  'auth.mfa_enabled',
  'auth.sign_in_failed',
  'auth.sign_in_throttled',
  'auth.signed_in',
  'auth.signed_out',
  'invitation.accepted',
  'invitation.created',
  'invitation.revoked',
  'member.list_read',
  'organisation.created',
  'organisation.updated',
  'partnership.created',
  'territory_statistics.imported',
];

interface AuditFiltersFormProps {
  initial: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

export function AuditFiltersForm({ initial, onApply }: AuditFiltersFormProps) {
  const { formatMessage } = useIntl();
  const [filters, setFilters] = useState(initial);
  const set = (name: keyof AuditFilters, value: string) => setFilters((current) => ({ ...current, [name]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(filters);
  }

  return (
    <form role="search" className="filters" aria-label={formatMessage({ id: 'audit.filters.label' })} onSubmit={submit}>
      <FormField label={formatMessage({ id: 'audit.filters.action' })} hint={formatMessage({ id: 'audit.filters.action_hint' })}>
        {(control) => (
          <>
            <input {...control} dir="ltr" list="audit-actions" value={filters.action} onChange={(event) => set('action', event.target.value)} />
            <datalist id="audit-actions">
              {KNOWN_ACTIONS.map((action) => (
                <option key={action} value={action} />
              ))}
            </datalist>
          </>
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'audit.filters.actor' })} hint={formatMessage({ id: 'audit.filters.actor_hint' })}>
        {(control) => <input {...control} dir="ltr" value={filters.actorUserId} onChange={(event) => set('actorUserId', event.target.value)} />}
      </FormField>
      <FormField label={formatMessage({ id: 'audit.filters.subject_type' })}>
        {(control) => <input {...control} dir="ltr" value={filters.subjectType} onChange={(event) => set('subjectType', event.target.value)} />}
      </FormField>
      <FormField label={formatMessage({ id: 'audit.filters.subject_id' })}>
        {(control) => <input {...control} dir="ltr" value={filters.subjectId} onChange={(event) => set('subjectId', event.target.value)} />}
      </FormField>
      <FormField label={formatMessage({ id: 'audit.filters.from' })}>
        {(control) => <input {...control} type="date" max={filters.to || undefined} value={filters.from} onChange={(event) => set('from', event.target.value)} />}
      </FormField>
      <FormField label={formatMessage({ id: 'audit.filters.to' })}>
        {(control) => <input {...control} type="date" min={filters.from || undefined} value={filters.to} onChange={(event) => set('to', event.target.value)} />}
      </FormField>
      <div className="filters__actions">
        <button type="submit" className="button">
          {formatMessage({ id: 'audit.filters.apply' })}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setFilters(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          {formatMessage({ id: 'audit.filters.clear' })}
        </button>
      </div>
    </form>
  );
}
