import {
  InvitationCreateBody,
  LOCALES,
  type InvitableRole,
  type InvitationSentView,
  type Locale,
  type OrganisationView,
  type ProblemFieldError,
} from '@glocal/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { fieldErrorsFromIssues, fieldErrorsOf } from '../../../lib/field-errors';
import { languageEndonym } from '../../../lib/i18n';
import { useInvitationCommand, useInvitations, useInvite } from '../api/invitations';
import { INVITATION_STATUS_MESSAGES, ROLE_MESSAGES } from '../utils/organisation-messages';

interface OrganisationInvitationsProps {
  organisation: OrganisationView;
  /** The roles this person may offer here (see grantable-roles.ts). */
  roles: readonly InvitableRole[];
}

/** Invite staff by e-mail; see, withdraw or resend the invitations still open. */
export function OrganisationInvitations({ organisation, roles }: OrganisationInvitationsProps) {
  const { formatMessage } = useIntl();
  const titleId = useId();
  const [listShown, setListShown] = useState(false);

  return (
    <section aria-labelledby={titleId} className="page-section">
      <h2 id={titleId}>{formatMessage({ id: 'organisations.invitations.title' })}</h2>
      <InviteForm organisation={organisation} roles={roles} onSent={() => setListShown(true)} />
      <h3>{formatMessage({ id: 'organisations.invitations.open_title' })}</h3>
      {listShown ? (
        <InvitationTable organisationId={organisation.id} />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setListShown(true)}>
          {formatMessage({ id: 'organisations.invitations.show' })}
        </button>
      )}
    </section>
  );
}

function InviteForm({ organisation, roles, onSent }: OrganisationInvitationsProps & { onSent: () => void }) {
  const { formatMessage, locale } = useIntl();
  const invite = useInvite(organisation.id);
  const [email, setEmail] = useState('');
  // The least-privileged role first: making someone an administrator should be a deliberate choice.
  const [role, setRole] = useState<string>(roles.at(-1) ?? '');
  const [language, setLanguage] = useState<Locale>(locale as Locale);
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const [sent, setSent] = useState<InvitationSentView | null>(null);
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(invite.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (invite.isPending) return;
    setSent(null);
    const parsed = InvitationCreateBody.safeParse({ email, role, locale: language });
    if (!parsed.success) {
      invite.reset();
      setClientErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setClientErrors(new Map());
    invite.mutate(parsed.data, {
      onSuccess: (invitation) => {
        setSent(invitation);
        setEmail('');
        onSent();
      },
    });
  }

  return (
    <form className="stacked-form" noValidate onSubmit={submit} aria-label={formatMessage({ id: 'organisations.invitations.form_title' })}>
      <FormProblem error={invite.error} fieldErrorCount={errors.size} />
      {sent && (
        <p className="notice notice--success" role="status">
          {formatMessage(
            sent.delivery === 'sent'
              ? { id: 'organisations.invitations.sent' }
              : sent.delivery === 'logged'
                ? { id: 'organisations.invitations.logged' }
                : { id: 'organisations.invitations.delivery_failed' },
            { email: sent.email },
          )}
        </p>
      )}
      <FormField label={formatMessage({ id: 'organisations.invitations.email' })} error={errors.get('/email')}>
        {(control) => (
          <input {...control} type="email" required autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'organisations.invitations.role' })} error={errors.get('/role')}>
        {(control) => (
          <select {...control} value={role} onChange={(event) => setRole(event.target.value)}>
            {roles.map((option) => (
              <option key={option} value={option}>
                {formatMessage(ROLE_MESSAGES[option])}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label={formatMessage({ id: 'organisations.invitations.language' })}
        hint={formatMessage({ id: 'organisations.invitations.language_hint' })}
        error={errors.get('/locale')}
      >
        {(control) => (
          <select {...control} value={language} onChange={(event) => setLanguage(event.target.value as Locale)}>
            {LOCALES.map((option) => (
              <option key={option} value={option} lang={option}>
                {languageEndonym(option)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={invite.isPending}>
          {formatMessage({ id: 'organisations.invitations.submit' })}
        </button>
      </div>
    </form>
  );
}

function InvitationTable({ organisationId }: { organisationId: string }) {
  const { formatMessage, formatDate } = useIntl();
  const invitations = useInvitations(organisationId, true);
  const revoke = useInvitationCommand(organisationId, 'revoke');
  const resend = useInvitationCommand(organisationId, 'resend');
  const captionId = useId();

  if (invitations.isPending) return <LoadingMessage>{formatMessage({ id: 'organisations.invitations.loading' })}</LoadingMessage>;
  if (invitations.isError) return <ProblemMessage error={invitations.error} onRetry={() => void invitations.refetch()} />;
  if (invitations.data.items.length === 0) return <p className="notice">{formatMessage({ id: 'organisations.invitations.empty' })}</p>;

  return (
    <>
      {(revoke.isError || resend.isError) && <ProblemMessage error={revoke.error ?? resend.error} />}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table>
          <caption id={captionId} className="visually-hidden">
            {formatMessage({ id: 'organisations.invitations.open_title' })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{formatMessage({ id: 'organisations.invitations.email' })}</th>
              <th scope="col">{formatMessage({ id: 'organisations.invitations.role' })}</th>
              <th scope="col">{formatMessage({ id: 'organisations.invitations.language' })}</th>
              <th scope="col">{formatMessage({ id: 'organisations.invitations.status' })}</th>
              <th scope="col">{formatMessage({ id: 'organisations.invitations.expires' })}</th>
              <th scope="col">{formatMessage({ id: 'organisations.invitations.actions' })}</th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.items.map((invitation) => (
              <tr key={invitation.id}>
                <td>
                  <bdi>{invitation.email}</bdi>
                </td>
                <td>{formatMessage(ROLE_MESSAGES[invitation.role])}</td>
                <td lang={invitation.locale}>{languageEndonym(invitation.locale)}</td>
                <td>{formatMessage(INVITATION_STATUS_MESSAGES[invitation.status])}</td>
                <td>{formatDate(invitation.expiresAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td className="table-actions">
                  {(invitation.status === 'pending' || invitation.status === 'expired') && (
                    <button
                      type="button"
                      className="button button--small button--secondary"
                      onClick={() => resend.mutate(invitation.id)}
                      aria-label={formatMessage({ id: 'organisations.invitations.resend_label' }, { email: invitation.email })}
                    >
                      {formatMessage({ id: 'organisations.invitations.resend' })}
                    </button>
                  )}
                  {invitation.status === 'pending' && (
                    <button
                      type="button"
                      className="button button--small button--danger"
                      onClick={() => revoke.mutate(invitation.id)}
                      aria-label={formatMessage({ id: 'organisations.invitations.revoke_label' }, { email: invitation.email })}
                    >
                      {formatMessage({ id: 'organisations.invitations.revoke' })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
