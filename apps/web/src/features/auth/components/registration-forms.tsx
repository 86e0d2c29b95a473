import { RegistrationBody, type MeView } from '@glocal/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { ApiProblem } from '../../../lib/api-problem';
import { useLocale } from '../../../lib/i18n';
import { useConfirmRegistration, useRegister } from '../api/registration';
import { checkWith, fieldErrorsOfProblem, fieldMessage, isAboutFields, passwordTooShort, type FieldErrors } from '../utils/form-errors';
import { AuthProblem } from './auth-problem';
import { SubmitButton } from './submit-button';
import { useFocusOnFailure } from './use-focus-on-failure';

/** A migrant creates their own account; it exists once they open the link e-mailed to them. */
export function RegistrationForm() {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const register = useRegister();
  const [values, setValues] = useState({ displayName: '', email: '', password: '' });
  const [checked, setChecked] = useState<FieldErrors>(new Map());
  const form = useRef<HTMLFormElement>(null);

  const fieldErrors = checked.size > 0 ? checked : fieldErrorsOfProblem(register.error, { 'auth.password_too_weak': '/password' });
  const problem = useFocusOnFailure(form, checked.size > 0 ? checked : register.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (register.isPending) return;
    // The account, and the e-mails it gets, speak the language the page is shown in.
    const body = { ...values, locale };
    const found = checkWith(RegistrationBody, body);
    const short = passwordTooShort('/password', values.password);
    if (short && !found.has('/password')) found.set('/password', short);
    setChecked(found);
    if (found.size > 0) {
      register.reset();
      return;
    }
    register.mutate(RegistrationBody.parse(body));
  }

  if (register.isSuccess) {
    return (
      <div className="notice" role="status">
        <p>{formatMessage({ id: 'auth.register.sent' }, { email: values.email.trim() })}</p>
      </div>
    );
  }

  const field = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <form ref={form} className="stacked-form" onSubmit={submit} noValidate>
      {register.error != null && !isAboutFields(register.error, fieldErrors) && <AuthProblem ref={problem} error={register.error} />}
      <FormField label={formatMessage({ id: 'auth.field.display_name' })} error={fieldErrors.get('/displayName')}>
        {(control) => <input {...control} {...field('displayName')} autoComplete="name" />}
      </FormField>
      <FormField label={formatMessage({ id: 'auth.field.email' })} error={fieldErrors.get('/email')}>
        {(control) => <input {...control} {...field('email')} type="email" autoComplete="email" spellCheck={false} />}
      </FormField>
      <FormField
        label={formatMessage({ id: 'auth.field.new_password' })}
        hint={formatMessage({ id: 'auth.field.new_password_hint' })}
        error={fieldErrors.get('/password')}
        errorMessage={fieldMessage(fieldErrors.get('/password'))}
      >
        {(control) => <input {...control} {...field('password')} type="password" autoComplete="new-password" />}
      </FormField>
      <SubmitButton
        pending={register.isPending}
        label={formatMessage({ id: 'auth.register.submit' })}
        pendingLabel={formatMessage({ id: 'auth.sending' })}
      />
      <p>
        <Link to="/sign-in">{formatMessage({ id: 'auth.register.have_account' })}</Link>
      </p>
    </form>
  );
}

/**
 * Confirms the account from the e-mailed link, on a click rather than on opening the page: mail
 * scanners open links by themselves, and must not use the link up.
 */
export function RegistrationConfirmation({ token, onConfirmed }: { token: string; onConfirmed: (me: MeView) => void }) {
  const { formatMessage } = useIntl();
  const confirm = useConfirmRegistration();
  const problem = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusOnFailure(form, confirm.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (confirm.isPending) return;
    confirm.mutate({ token }, { onSuccess: onConfirmed });
  }

  const invalidLink =
    confirm.error instanceof ApiProblem &&
    (confirm.error.code === 'auth.registration_token_invalid' || confirm.error.code === 'validation_failed');
  if (invalidLink) {
    return (
      <>
        <AuthProblem ref={problem} error={new ApiProblem('auth.registration_token_invalid', 400)} />
        <p>
          <Link to="/register">{formatMessage({ id: 'auth.register.start_again' })}</Link>
        </p>
      </>
    );
  }

  return (
    <form ref={form} className="stacked-form" onSubmit={submit}>
      <p>{formatMessage({ id: 'auth.register.confirm_intro' })}</p>
      {confirm.error != null && <AuthProblem error={confirm.error} />}
      <SubmitButton
        pending={confirm.isPending}
        label={formatMessage({ id: 'auth.register.confirm_submit' })}
        pendingLabel={formatMessage({ id: 'auth.sending' })}
      />
    </form>
  );
}
