import { MyRequestLinkBody } from '@glocal/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { ApiProblem } from '../../../lib/api-problem';
import { useLinkRequest } from '../api/my-requests';

/**
 * Links the signed-in account to a request by its reference. The server compares the account's
 * verified e-mail with the one given at intake, and says the same thing whatever went wrong.
 */
export function LinkRequestForm({ onLinked }: { onLinked?: () => void }) {
  const { formatMessage, formatNumber } = useIntl();
  const link = useLinkRequest();
  const [reference, setReference] = useState('');
  const [invalid, setInvalid] = useState(false);
  const id = useId();
  const problem = link.error instanceof ApiProblem ? link.error : undefined;
  const retryMinutes = Math.ceil(Number(problem?.problem?.params?.retryAfterSeconds ?? 0) / 60);
  const errorText = invalid
    ? formatMessage({ id: 'my_requests.link.reference_invalid' })
    : problem?.code === 'rate_limited'
      ? formatMessage({ id: 'my_requests.link.throttled' }, { minutes: formatNumber(Math.max(1, retryMinutes)) })
      : link.error
        ? formatMessage({ id: `errors.${problem?.code ?? 'internal_error'}` })
        : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = MyRequestLinkBody.safeParse({ reference });
    if (!parsed.success) {
      link.reset();
      setInvalid(true);
      return;
    }
    setInvalid(false);
    link.mutate(parsed.data.reference, { onSuccess: () => { setReference(''); onLinked?.(); } });
  }

  return (
    <form className="stacked-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{formatMessage({ id: 'my_requests.link.title' })}</h2>
      <p>{formatMessage({ id: 'my_requests.link.explain' })}</p>
      <div className={errorText ? 'form-field form-field--invalid' : 'form-field'}>
        <label htmlFor={`${id}-reference`}>{formatMessage({ id: 'my_requests.link.reference' })}</label>
        <p id={`${id}-hint`} className="form-field__hint">
          {formatMessage({ id: 'my_requests.link.reference_hint' })}
        </p>
        <input
          id={`${id}-reference`}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={reference}
          onChange={(event) => setReference(event.target.value)}
          aria-describedby={errorText ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={errorText ? true : undefined}
        />
        {errorText && (
          <p id={`${id}-error`} className="field-error">
            {errorText}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={link.isPending}>
          {formatMessage({ id: 'my_requests.link.submit' })}
        </button>
      </div>
    </form>
  );
}
