import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useSession } from '../../../lib/session';
import { useServiceReview } from '../api/directory';

/** For staff: confirm the entry is still right (its editors), or flag it for a check (desk staff, officers). */
export function ServiceReview({ serviceId, canEdit }: { serviceId: string; canEdit: boolean }) {
  const { formatMessage } = useIntl();
  const { can } = useSession();
  const { verify, flag } = useServiceReview(serviceId);
  const [reason, setReason] = useState('');
  const canFlag = can('directory:flag');
  if (!canEdit && !canFlag) return null;

  function onFlag(event: FormEvent) {
    event.preventDefault();
    if (reason.trim()) flag.mutate(reason.trim(), { onSuccess: () => setReason('') });
  }

  return (
    <section className="service-page__section" aria-labelledby="service-review">
      <h2 id="service-review">{formatMessage({ id: 'directory.review.title' })}</h2>
      {canEdit && (
        <p className="form-actions">
          <button type="button" className="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
            {formatMessage({ id: 'directory.review.verify' })}
          </button>
          <Link className="button button--secondary" to={`/directory/services/${encodeURIComponent(serviceId)}/edit`}>
            {formatMessage({ id: 'directory.edit.link' })}
          </Link>
        </p>
      )}
      {verify.isSuccess && <p role="status">{formatMessage({ id: 'directory.review.verified' })}</p>}
      {verify.isError && <ProblemMessage error={verify.error} />}
      {canFlag && (
        <form className="form" onSubmit={onFlag}>
          <FormField label={formatMessage({ id: 'directory.review.reason' })}>
            {(control) => <textarea {...control} value={reason} maxLength={1000} rows={3} required onChange={(event) => setReason(event.target.value)} />}
          </FormField>
          <button type="submit" className="button button--secondary" disabled={flag.isPending}>
            {formatMessage({ id: 'directory.review.flag' })}
          </button>
        </form>
      )}
      {flag.isSuccess && <p role="status">{formatMessage({ id: 'directory.review.flagged' })}</p>}
      {flag.isError && <ProblemMessage error={flag.error} />}
    </section>
  );
}
