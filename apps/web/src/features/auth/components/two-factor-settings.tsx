import { MfaConfirmBody, MfaDisableBody, type MeView, type MfaSetupView } from '@glocal/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { useSession } from '../../../lib/session';
import { useConfirmTwoFactor, useDisableTwoFactor, useStartTwoFactorSetup } from '../api/two-factor';
import { checkWith, fieldErrorsOfProblem, fieldMessage, isAboutFields, type FieldErrors } from '../utils/form-errors';
import { AuthProblem } from './auth-problem';
import { SubmitButton } from './submit-button';
import { useFocusOnFailure } from './use-focus-on-failure';

export const TWO_FACTOR_SECTION_ID = 'two-factor';

/** The secret in groups of four, easier to copy by hand into an authenticator app. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Two-step sign-in: set up with an authenticator app (recovery codes shown once), or turned off. */
export function TwoFactorSettings({ me }: { me: MeView }) {
  const { formatMessage } = useIntl();
  const { refresh } = useSession();
  const start = useStartTwoFactorSetup();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [disabling, setDisabling] = useState(false);

  let body;
  if (recoveryCodes) {
    body = (
      <RecoveryCodes
        codes={recoveryCodes}
        onDone={async () => {
          await refresh();
          setRecoveryCodes(null);
          start.reset();
        }}
      />
    );
  } else if (me.mfaEnabled) {
    body = disabling ? (
      <DisableForm
        onDisabled={async () => {
          await refresh();
          setDisabling(false);
        }}
        onCancel={() => setDisabling(false)}
      />
    ) : (
      <>
        <p>{formatMessage({ id: 'account.two_factor.on' })}</p>
        <button type="button" className="button button--secondary" onClick={() => setDisabling(true)}>
          {formatMessage({ id: 'account.two_factor.turn_off' })}
        </button>
      </>
    );
  } else if (start.data) {
    body = <SetupForm setup={start.data} onConfirmed={setRecoveryCodes} />;
  } else {
    body = (
      <>
        <p>{formatMessage({ id: 'account.two_factor.off' })}</p>
        {start.error != null && <AuthProblem error={start.error} />}
        <button
          type="button"
          className="button"
          aria-disabled={start.isPending || undefined}
          onClick={() => {
            if (!start.isPending) start.mutate();
          }}
        >
          {formatMessage({ id: 'account.two_factor.set_up' })}
        </button>
      </>
    );
  }

  return (
    <section id={TWO_FACTOR_SECTION_ID} className="page-section" aria-labelledby="account-two-factor-title" tabIndex={-1}>
      <h2 id="account-two-factor-title">{formatMessage({ id: 'account.two_factor.title' })}</h2>
      <p>{formatMessage({ id: 'account.two_factor.intro' })}</p>
      {me.mfaEnrollmentRequired && !me.mfaEnabled && (
        <div className="notice notice--warning">
          <p>{formatMessage({ id: 'account.two_factor.required' })}</p>
        </div>
      )}
      {body}
    </section>
  );
}

function SetupForm({ setup, onConfirmed }: { setup: MfaSetupView; onConfirmed: (codes: string[]) => void }) {
  const { formatMessage } = useIntl();
  const confirm = useConfirmTwoFactor();
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState<FieldErrors>(new Map());
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const fieldErrors = checked.size > 0 ? checked : fieldErrorsOfProblem(confirm.error, { 'auth.mfa_code_invalid': '/code' });
  const problem = useFocusOnFailure(form, checked.size > 0 ? checked : confirm.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (confirm.isPending) return;
    const found = checkWith(MfaConfirmBody, { code });
    setChecked(found);
    if (found.size > 0) {
      confirm.reset();
      return;
    }
    confirm.mutate(MfaConfirmBody.parse({ code }), { onSuccess: (answer) => onConfirmed(answer.recoveryCodes) });
  }

  return (
    <form ref={form} className="stacked-form" onSubmit={submit} noValidate>
      <h3 ref={heading} tabIndex={-1}>
        {formatMessage({ id: 'account.two_factor.setup.title' })}
      </h3>
      <ol className="steps">
        <li>{formatMessage({ id: 'account.two_factor.setup.install' })}</li>
        <li>
          <p>{formatMessage({ id: 'account.two_factor.setup.key' })}</p>
          <p>
            <code className="secret" dir="ltr" data-testid="mfa-secret">
              {groupSecret(setup.secret)}
            </code>
          </p>
          <p>{formatMessage({ id: 'account.two_factor.setup.uri' })}</p>
          <p>
            <code className="secret" dir="ltr">
              {setup.otpauthUri}
            </code>
          </p>
        </li>
        <li>
          {confirm.error != null && !isAboutFields(confirm.error, fieldErrors) && <AuthProblem ref={problem} error={confirm.error} />}
          <FormField
            label={formatMessage({ id: 'account.two_factor.setup.code' })}
            error={fieldErrors.get('/code')}
            errorMessage={fieldMessage(fieldErrors.get('/code')) ?? { id: 'account.two_factor.setup.code_invalid' }}
          >
            {(control) => (
              <input
                {...control}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
            )}
          </FormField>
          <SubmitButton
            pending={confirm.isPending}
            label={formatMessage({ id: 'account.two_factor.setup.submit' })}
            pendingLabel={formatMessage({ id: 'auth.sending' })}
          />
        </li>
      </ol>
    </form>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => Promise<void> }) {
  const { formatMessage } = useIntl();
  const [saved, setSaved] = useState(false);
  const [reminded, setReminded] = useState(false);
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const checkbox = useRef<HTMLInputElement>(null);
  const checkboxId = useId();
  const errorId = `${checkboxId}-error`;
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied(true);
    } catch {
      // No clipboard (an insecure page, a refusing browser): the codes stay on screen to copy by hand.
    }
  }

  function done(event: FormEvent) {
    event.preventDefault();
    if (!saved) {
      setReminded(true);
      checkbox.current?.focus();
      return;
    }
    void onDone();
  }

  return (
    <form className="stacked-form" onSubmit={done} noValidate>
      <h3 ref={heading} tabIndex={-1}>
        {formatMessage({ id: 'account.two_factor.recovery.title' })}
      </h3>
      <div className="notice" role="status">
        <p>{formatMessage({ id: 'account.two_factor.recovery.enabled' })}</p>
      </div>
      <p>{formatMessage({ id: 'account.two_factor.recovery.intro' })}</p>
      <ul className="recovery-codes" dir="ltr" aria-label={formatMessage({ id: 'account.two_factor.recovery.list' })}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {formatMessage({ id: 'account.two_factor.recovery.copy' })}
        </button>{' '}
        <span role="status">{copied ? formatMessage({ id: 'account.two_factor.recovery.copied' }) : ''}</span>
      </p>
      <div className={reminded && !saved ? 'form-field form-field--invalid' : 'form-field'}>
        <div className="checkbox-field">
          <input
            ref={checkbox}
            id={checkboxId}
            type="checkbox"
            checked={saved}
            aria-invalid={reminded && !saved ? true : undefined}
            aria-describedby={reminded && !saved ? errorId : undefined}
            onChange={(event) => setSaved(event.target.checked)}
          />
          <label htmlFor={checkboxId}>{formatMessage({ id: 'account.two_factor.recovery.saved' })}</label>
        </div>
        {reminded && !saved && (
          <p id={errorId} className="field-error">
            {formatMessage({ id: 'account.two_factor.recovery.saved_required' })}
          </p>
        )}
      </div>
      <button type="submit" className="button">
        {formatMessage({ id: 'account.two_factor.recovery.done' })}
      </button>
    </form>
  );
}

function DisableForm({ onDisabled, onCancel }: { onDisabled: () => Promise<void>; onCancel: () => void }) {
  const { formatMessage } = useIntl();
  const disable = useDisableTwoFactor();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState<FieldErrors>(new Map());
  const form = useRef<HTMLFormElement>(null);

  const fieldErrors =
    checked.size > 0
      ? checked
      : fieldErrorsOfProblem(disable.error, { 'auth.mfa_code_invalid': '/code', 'auth.password_mismatch': '/password', 'auth.invalid_credentials': '/password' });
  const problem = useFocusOnFailure(form, checked.size > 0 ? checked : disable.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (disable.isPending) return;
    const body = { ...(code.trim() ? { code } : {}), ...(password ? { password } : {}) };
    const found = checkWith(MfaDisableBody, body);
    setChecked(found);
    if (found.size > 0) {
      disable.reset();
      return;
    }
    disable.mutate(MfaDisableBody.parse(body), { onSuccess: () => void onDisabled() });
  }

  return (
    <form ref={form} className="stacked-form" onSubmit={submit} noValidate>
      <p>{formatMessage({ id: 'account.two_factor.disable.intro' })}</p>
      {disable.error != null && !isAboutFields(disable.error, fieldErrors) && <AuthProblem ref={problem} error={disable.error} />}
      <FormField
        label={formatMessage({ id: 'auth.field.code' })}
        error={fieldErrors.get('/code')}
        errorMessage={fieldMessage(fieldErrors.get('/code')) ?? { id: 'account.two_factor.disable.code_or_password' }}
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
      <FormField
        label={formatMessage({ id: 'account.two_factor.disable.password' })}
        error={fieldErrors.get('/password')}
        errorMessage={fieldMessage(fieldErrors.get('/password'))}
      >
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
      <div className="form-actions">
        <SubmitButton
          pending={disable.isPending}
          label={formatMessage({ id: 'account.two_factor.disable.submit' })}
          pendingLabel={formatMessage({ id: 'auth.sending' })}
        />
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {formatMessage({ id: 'auth.cancel' })}
        </button>
      </div>
    </form>
  );
}
