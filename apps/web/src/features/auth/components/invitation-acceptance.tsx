import { InvitationAcceptBody, type InvitationLookupView, type MeView } from '@glocal/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ApiProblem } from '../../../lib/api-problem';
import { useAcceptInvitation, useInvitation } from '../api/invitations';
import { checkWith, fieldErrorsOfProblem, fieldMessage, isAboutFields, passwordTooShort, type FieldErrors } from '../utils/form-errors';
import { ROLE_MESSAGES } from '../../../lib/role-messages';
import { AuthProblem } from './auth-problem';
import { SubmitButton } from './submit-button';
import { useFocusOnFailure } from './use-focus-on-failure';

interface InvitationAcceptanceProps {
  token: string;
  /** The new account, signed in; null when the role was added to an existing account. */
  onAccepted: (me: MeView | null) => void;
}

/** What the invitation offers, then the form that accepts it. */
export function InvitationAcceptance({ token, onAccepted }: InvitationAcceptanceProps) {
  const { formatMessage } = useIntl();
  const invitation = useInvitation(token);

  if (invitation.isPending) return <LoadingMessage>{formatMessage({ id: 'auth.invitation.loading' })}</LoadingMessage>;
  if (invitation.isError) return <InvitationUnusable error={invitation.error} />;
  return <AcceptForm token={token} invitation={invitation.data} onAccepted={onAccepted} />;
}

/** Why the link cannot be used, and what to do about it. */
export function InvitationUnusable({ error }: { error: unknown }) {
  const { formatMessage } = useIntl();
  // A malformed token (a link cut short) is, for the reader, a link that does not work.
  const shown = error instanceof ApiProblem && error.code === 'validation_failed' ? new ApiProblem('invitation.not_found', 404) : error;
  const used = shown instanceof ApiProblem && shown.code === 'invitation.already_used';
  return (
    <>
      <AuthProblem error={shown} />
      {used && (
        <p>
          <Link to="/sign-in">{formatMessage({ id: 'auth.invitation.sign_in' })}</Link>
        </p>
      )}
    </>
  );
}

interface AcceptFormProps {
  token: string;
  invitation: InvitationLookupView;
  onAccepted: (me: MeView | null) => void;
}

function AcceptForm({ token, invitation, onAccepted }: AcceptFormProps) {
  const { formatMessage } = useIntl();
  const accept = useAcceptInvitation();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState<FieldErrors>(new Map());
  const form = useRef<HTMLFormElement>(null);
  const { accountExists } = invitation;

  const fieldErrors =
    checked.size > 0
      ? checked
      : fieldErrorsOfProblem(accept.error, { 'auth.password_too_weak': '/password', 'auth.password_mismatch': '/password' });
  const problem = useFocusOnFailure(form, checked.size > 0 ? checked : accept.error);
  // Expired, used or withdrawn while the page was open: the form is of no use any more.
  const unusable = accept.error instanceof ApiProblem && accept.error.code.startsWith('invitation.');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (accept.isPending) return;
    const body = accountExists ? { token, password } : { token, displayName, password };
    const found = checkWith(InvitationAcceptBody, body);
    const short = accountExists ? undefined : passwordTooShort('/password', password);
    if (short && !found.has('/password')) found.set('/password', short);
    if (!accountExists && displayName.trim() === '' && !found.has('/displayName')) {
      found.set('/displayName', { pointer: '/displayName', code: 'too_small', params: { minimum: 1, origin: 'string' } });
    }
    setChecked(found);
    if (found.size > 0) {
      accept.reset();
      return;
    }
    accept.mutate(InvitationAcceptBody.parse(body), { onSuccess: (accepted) => onAccepted(accepted.me) });
  }

  if (unusable) return <InvitationUnusable error={accept.error} />;

  const role = formatMessage(ROLE_MESSAGES[invitation.role]);
  return (
    <>
      <p className="lead">
        {formatMessage({ id: 'auth.invitation.summary' }, { organisation: invitation.organisationName, role })}
      </p>
      <p>{formatMessage({ id: 'auth.invitation.address' }, { email: invitation.email })}</p>
      <p>
        {formatMessage({ id: 'auth.invitation.expires' }, { expiresAt: new Date(invitation.expiresAt) })}
      </p>
      <form ref={form} className="stacked-form" onSubmit={submit} noValidate>
        <p>{formatMessage(accountExists ? { id: 'auth.invitation.existing_account' } : { id: 'auth.invitation.new_account' })}</p>
        {accept.error != null && !isAboutFields(accept.error, fieldErrors) && <AuthProblem ref={problem} error={accept.error} />}
        {!accountExists && (
          <FormField label={formatMessage({ id: 'auth.field.display_name' })} error={fieldErrors.get('/displayName')}>
            {(control) => (
              <input
                {...control}
                name="displayName"
                autoComplete="name"
                value={displayName}
                onChange={(event) => setDisplayName(event.target.value)}
              />
            )}
          </FormField>
        )}
        <FormField
          label={formatMessage(accountExists ? { id: 'auth.field.password' } : { id: 'auth.field.new_password' })}
          hint={accountExists ? undefined : formatMessage({ id: 'auth.field.new_password_hint' })}
          error={fieldErrors.get('/password')}
          errorMessage={fieldMessage(fieldErrors.get('/password'))}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              name="password"
              autoComplete={accountExists ? 'current-password' : 'new-password'}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </FormField>
        <SubmitButton
          pending={accept.isPending}
          label={formatMessage({ id: 'auth.invitation.submit' })}
          pendingLabel={formatMessage({ id: 'auth.invitation.submitting' })}
        />
      </form>
    </>
  );
}
