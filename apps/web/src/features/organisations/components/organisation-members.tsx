import type { Role } from '@glocal/contracts';
import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { useMemberRoles, useMembers } from '../api/get-organisation';
import { ROLE_MESSAGES } from '../utils/organisation-messages';

interface OrganisationMembersProps {
  organisationId: string;
  /** The roles the reader may give and take away here; empty for a read-only list. */
  manageableRoles: readonly Role[];
}

/**
 * The organisation's staff, shown on request: each look is recorded in the audit trail. Those who
 * may invite here may also change a member's role, or remove them, within the roles they can grant.
 */
export function OrganisationMembers({ organisationId, manageableRoles }: OrganisationMembersProps) {
  const { formatMessage } = useIntl();
  const [shown, setShown] = useState(false);
  const members = useMembers(organisationId, shown);
  const memberRoles = useMemberRoles(organisationId);
  const titleId = useId();
  const rolesOf = (userId: string) => (members.data?.items ?? []).filter((m) => m.userId === userId).map((m) => m.role);

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
                {manageableRoles.length > 0 && (
                  <th scope="col">{formatMessage({ id: 'organisations.members.actions' })}</th>
                )}
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
                  {manageableRoles.length > 0 && (
                    <td>
                      {manageableRoles.includes(member.role) && (
                        <div className="inline-actions">
                          <select
                            aria-label={formatMessage({ id: 'organisations.members.change_role' }, { name: member.displayName })}
                            value={member.role}
                            disabled={memberRoles.isPending}
                            onChange={(event) => {
                              const others = rolesOf(member.userId).filter((role) => role !== member.role);
                              memberRoles.mutate({ userId: member.userId, roles: [...others, event.target.value as Role] });
                            }}
                          >
                            {manageableRoles.map((role) => (
                              <option key={role} value={role}>
                                {formatMessage(ROLE_MESSAGES[role])}
                              </option>
                            ))}
                          </select>
                          <button
                            type="button"
                            className="button button--secondary"
                            disabled={memberRoles.isPending}
                            onClick={() => memberRoles.mutate({ userId: member.userId, roles: [] })}
                          >
                            {formatMessage({ id: 'organisations.members.remove' }, { name: member.displayName })}
                          </button>
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {memberRoles.isError && <ProblemMessage error={memberRoles.error} />}
    </section>
  );
}
