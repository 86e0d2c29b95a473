import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useMembers } from '../api/get-organisation';
import { ROLE_MESSAGES } from '../utils/organisation-messages';

/** The organisation's staff, shown on request: each look is recorded in the audit trail. */
export function OrganisationMembers({ organisationId }: { organisationId: string }) {
  const { formatMessage } = useIntl();
  const [shown, setShown] = useState(false);
  const members = useMembers(organisationId, shown);
  const titleId = useId();

  return (
    <section aria-labelledby={titleId} className="page-section">
      <h2 id={titleId}>{formatMessage({ id: 'organisations.members.title' })}</h2>
      <p className="form-field__hint">{formatMessage({ id: 'organisations.members.audited' })}</p>
      {!shown ? (
        <button type="button" className="button button--secondary" onClick={() => setShown(true)}>
          {formatMessage({ id: 'organisations.members.show' })}
        </button>
      ) : members.isPending ? (
        <LoadingMessage>{formatMessage({ id: 'organisations.members.loading' })}</LoadingMessage>
      ) : members.isError ? (
        <ProblemMessage error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.items.length === 0 ? (
        <p className="notice">{formatMessage({ id: 'organisations.members.empty' })}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={titleId}>
          <table>
            <thead>
              <tr>
                <th scope="col">{formatMessage({ id: 'organisations.members.name' })}</th>
                <th scope="col">{formatMessage({ id: 'organisations.members.email' })}</th>
                <th scope="col">{formatMessage({ id: 'organisations.members.role' })}</th>
              </tr>
            </thead>
            <tbody>
              {members.data.items.map((member) => (
                <tr key={`${member.userId}-${member.role}`}>
                  <td>{member.displayName}</td>
                  <td>
                    <bdi>{member.email}</bdi>
                  </td>
                  <td>{formatMessage(ROLE_MESSAGES[member.role])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
