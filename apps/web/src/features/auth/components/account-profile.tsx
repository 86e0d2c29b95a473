import type { MeView } from '@glocal/contracts';
import { useIntl } from 'react-intl';
import { ROLE_MESSAGES } from '../../../lib/role-messages';

/** Who the person is to Glocal: name, address, and their roles in each organisation. */
export function AccountProfile({ me }: { me: MeView }) {
  const { formatMessage } = useIntl();
  return (
    <section className="page-section" aria-labelledby="account-profile-title">
      <h2 id="account-profile-title">{formatMessage({ id: 'account.profile.title' })}</h2>
      <dl className="details-list">
        <div>
          <dt>{formatMessage({ id: 'account.profile.name' })}</dt>
          <dd>{me.displayName}</dd>
        </div>
        <div>
          <dt>{formatMessage({ id: 'account.profile.email' })}</dt>
          <dd>{me.email}</dd>
        </div>
      </dl>
      <h3>{formatMessage({ id: 'account.profile.roles' })}</h3>
      {me.memberships.length === 0 ? (
        <p>{formatMessage({ id: 'account.profile.no_roles' })}</p>
      ) : (
        <ul className="role-list">
          {me.memberships.map((membership) => (
            <li key={`${membership.organisationId ?? 'platform'}-${membership.role}`}>
              {formatMessage(
                { id: 'account.profile.role_in' },
                {
                  role: formatMessage(ROLE_MESSAGES[membership.role]),
                  organisation: membership.organisationName ?? formatMessage({ id: 'account.profile.whole_platform' }),
                },
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
