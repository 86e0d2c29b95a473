import { LoginBody, LoginMfaBody, type MeView } from '@glocal/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { ApiProblem } from '../../../lib/api-problem';
import { useCompleteSignIn, useSignIn } from '../api/sign-in';
import { checkWith, fieldErrorsOfProblem, fieldMessage, isAboutFields, type FieldErrors } from '../utils/form-errors';
import { AuthProblem } from './auth-problem';
import { useFocusOnFailure } from './use-focus-on-failure';
import { SubmitButton } from './submit-button';

interface SignInFormProps {
  onSignedIn: (me: MeView) => void;
}

/** E-mail and password, then, for accounts with two-step sign-in, a code from the authenticator app. */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const [email, setEmail] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  if (challenge) return <CodeStep challenge={challenge} onSignedIn={onSignedIn} onRestart={() => setChallenge(null)} />;
  return <PasswordStep email={email} onEmailChange={setEmail} onChallenge={setChallenge} onSignedIn={onSignedIn} />;
}


interface PasswordStepProps {
  email: string;
  onEmailChange: (email: string) => void;
  onChallenge: (challenge: string) => void;
  onSignedIn: (me: MeView) => void;
}

function PasswordStep({ email, onEmailChange, onChallenge, onSignedIn }: PasswordStepProps) {
  const { formatMessage } = useIntl();
  const signIn = useSignIn();
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState<FieldErrors>(new Map());
  const form = useRef<HTMLFormElement>(null);

  const fieldErrors = checked.size > 0 ? checked : fieldErrorsOfProblem(signIn.error);
  const problem = useFocusOnFailure(form, checked.size > 0 ? checked : signIn.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (signIn.isPending) return;
    const body = { email, password };
    const found = checkWith(LoginBody, body);
    setChecked(found);
    if (found.size > 0) {
      signIn.reset();
      return;
    }
    signIn.mutate(LoginBody.parse(body), {
      onSuccess: (answer) => ('mfaRequired' in answer ? onChallenge(answer.challenge) : onSignedIn(answer)),
    });
  }

  return (
    <form ref={form} className="stacked-form" onSubmit={submit} noValidate>
      {signIn.error != null && !isAboutFields(signIn.error, fieldErrors) && <AuthProblem ref={problem} error={signIn.error} />}
      <FormField label={formatMessage({ id: 'auth.field.email' })} error={fieldErrors.get('/email')}>
        {(control) => (
          <input
            {...control}
            type="email"
            name="email"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={(event) => onEmailChange(event.target.value)}
          />
        )}
      </FormField>
      <FormField label={formatMessage({ id: 'auth.field.password' })} error={fieldErrors.get('/password')}>
        {(control) => (
          <input
            {...control}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </FormField>
      <SubmitButton
        pending={signIn.isPending}
        label={formatMessage({ id: 'auth.sign_in.submit' })}
        pendingLabel={formatMessage({ id: 'auth.sign_in.submitting' })}
      />
      <ul className="link-list">
        <li>
          <Link to="/password-reset">{formatMessage({ id: 'auth.sign_in.forgot_password' })}</Link>
        </li>
        <li>
          <Link to="/register">{formatMessage({ id: 'auth.sign_in.register' })}</Link>
        </li>
      </ul>
    </form>
  );
}

interface CodeStepProps {
  challenge: string;
  onSignedIn: (me: MeView) => void;
  onRestart: () => void;
}

function CodeStep({ challenge, onSignedIn, onRestart }: CodeStepProps) {
  const { formatMessage } = useIntl();
  const completeSignIn = useCompleteSignIn();
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState<FieldErrors>(new Map());
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The page changed under the reader: tell screen readers by moving focus to the new step.
  useEffect(() => heading.current?.focus(), []);

  const fieldErrors = checked.size > 0 ? checked : fieldErrorsOfProblem(completeSignIn.error, { 'auth.mfa_code_invalid': '/code' });
  const problem = useFocusOnFailure(form, checked.size > 0 ? checked : completeSignIn.error);
  const expired = completeSignIn.error instanceof ApiProblem && completeSignIn.error.code === 'auth.mfa_challenge_expired';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (completeSignIn.isPending) return;
    const body = { challenge, code };
    const found = checkWith(LoginMfaBody, body);
    setChecked(found);
    if (found.size > 0) {
      completeSignIn.reset();
      return;
    }
    completeSignIn.mutate(LoginMfaBody.parse(body), { onSuccess: onSignedIn });
  }

  return (
    <form ref={form} className="stacked-form" onSubmit={submit} noValidate aria-labelledby="sign-in-code-title">
      <h2 id="sign-in-code-title" ref={heading} tabIndex={-1}>
        {formatMessage({ id: 'auth.sign_in.code.title' })}
      </h2>
      <p>{formatMessage({ id: 'auth.sign_in.code.intro' })}</p>
      {completeSignIn.error != null && !isAboutFields(completeSignIn.error, fieldErrors) && (
        <AuthProblem ref={problem} error={completeSignIn.error} />
      )}
      {!expired && (
        <>
          <FormField
            label={formatMessage({ id: 'auth.field.code' })}
            hint={formatMessage({ id: 'auth.field.code_hint' })}
            error={fieldErrors.get('/code')}
            errorMessage={fieldMessage(fieldErrors.get('/code'))}
          >
            {(control) => (
              <input
                {...control}
                name="code"
                autoComplete="one-time-code"
                autoCapitalize="none"
                spellCheck={false}
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
            )}
          </FormField>
          <SubmitButton
            pending={completeSignIn.isPending}
            label={formatMessage({ id: 'auth.sign_in.code.submit' })}
            pendingLabel={formatMessage({ id: 'auth.sign_in.submitting' })}
          />
        </>
      )}
      <p>
        <button type="button" className="button button--secondary" onClick={onRestart}>
          {formatMessage({ id: 'auth.sign_in.code.restart' })}
        </button>
      </p>
    </form>
  );
}
