import { PasswordResetConfirmBody, PasswordResetRequestBody } from '@glocal/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { ApiProblem } from '../../../lib/api-problem';
import { useConfirmPasswordReset, useRequestPasswordReset } from '../api/password-reset';
import { checkWith, fieldErrorsOfProblem, fieldMessage, isAboutFields, passwordTooShort, type FieldErrors } from '../utils/form-errors';
import { AuthProblem } from './auth-problem';
import { SubmitButton } from './submit-button';
import { useFocusOnFailure } from './use-focus-on-failure';

/** Asks for a link by e-mail. The answer is the same whether or not an account has the address. */
export function PasswordResetRequestForm() {
  const { formatMessage } = useIntl();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [checked, setChecked] = useState<FieldErrors>(new Map());
  const form = useRef<HTMLFormElement>(null);

  const fieldErrors = checked.size > 0 ? checked : fieldErrorsOfProblem(request.error);
  const problem = useFocusOnFailure(form, checked.size > 0 ? checked : request.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (request.isPending) return;
    const found = checkWith(PasswordResetRequestBody, { email });
    setChecked(found);
    if (found.size > 0) {
      request.reset();
      return;
    }
    request.mutate(PasswordResetRequestBody.parse({ email }));
  }

  if (request.isSuccess) {
    return (
      <div className="notice" role="status">
        <p>{formatMessage({ id: 'auth.password_reset.sent' })}</p>
      </div>
    );
  }

  return (
    <form ref={form} className="stacked-form" onSubmit={submit} noValidate>
      <p>{formatMessage({ id: 'auth.password_reset.request_intro' })}</p>
      {request.error != null && !isAboutFields(request.error, fieldErrors) && <AuthProblem ref={problem} error={request.error} />}
      <FormField label={formatMessage({ id: 'auth.field.email' })} error={fieldErrors.get('/email')}>
        {(control) => (
          <input
            {...control}
            type="email"
            name="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
      </FormField>
      <SubmitButton
        pending={request.isPending}
        label={formatMessage({ id: 'auth.password_reset.request_submit' })}
        pendingLabel={formatMessage({ id: 'auth.sending' })}
      />
    </form>
  );
}

/** Chooses the new password with the token from the e-mailed link. */
export function PasswordResetConfirmForm({ token }: { token: string }) {
  const { formatMessage } = useIntl();
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState<FieldErrors>(new Map());
  const form = useRef<HTMLFormElement>(null);

  const fieldErrors = checked.size > 0 ? checked : fieldErrorsOfProblem(confirm.error, { 'auth.password_too_weak': '/password' });
  const problem = useFocusOnFailure(form, checked.size > 0 ? checked : confirm.error);
  const linkUnusable =
    confirm.error instanceof ApiProblem &&
    (confirm.error.code === 'auth.reset_token_invalid' || (confirm.error.code === 'validation_failed' && fieldErrors.has('/token')));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (confirm.isPending) return;
    const body = { token, password };
    const found = checkWith(PasswordResetConfirmBody, body);
    const short = passwordTooShort('/password', password);
    if (short && !found.has('/password')) found.set('/password', short);
    // A malformed token is the server's to report: it says the link is not valid, with what to do.
    found.delete('/token');
    setChecked(found);
    if (found.size > 0) {
      confirm.reset();
      return;
    }
    confirm.mutate(body);
  }

  if (confirm.isSuccess) {
    return (
      <div className="notice" role="status">
        <p>{formatMessage({ id: 'auth.password_reset.done' })}</p>
        <p>
          <Link to="/sign-in">{formatMessage({ id: 'auth.password_reset.sign_in' })}</Link>
        </p>
      </div>
    );
  }

  if (linkUnusable) {
    return (
      <>
        <AuthProblem error={new ApiProblem('auth.reset_token_invalid', 400)} />
        <p>
          <Link to="/password-reset">{formatMessage({ id: 'auth.password_reset.ask_again' })}</Link>
        </p>
      </>
    );
  }

  return (
    <form ref={form} className="stacked-form" onSubmit={submit} noValidate>
      {confirm.error != null && !isAboutFields(confirm.error, fieldErrors) && <AuthProblem ref={problem} error={confirm.error} />}
      <FormField
        label={formatMessage({ id: 'auth.field.new_password' })}
        hint={formatMessage({ id: 'auth.field.new_password_hint' })}
        error={fieldErrors.get('/password')}
        errorMessage={fieldMessage(fieldErrors.get('/password'))}
      >
        {(control) => (
          <input
            {...control}
            type="password"
            name="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </FormField>
      <SubmitButton
        pending={confirm.isPending}
        label={formatMessage({ id: 'auth.password_reset.confirm_submit' })}
        pendingLabel={formatMessage({ id: 'auth.sending' })}
      />
    </form>
  );
}
