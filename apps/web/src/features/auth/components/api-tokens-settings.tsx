import { ApiTokenCreateBody, ApiTokenPermission, type ApiTokenCreatedView, type ApiTokenView, type MeView } from '@glocal/contracts';
import { ROLE_PERMISSIONS } from '@glocal/contracts/roles';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { meCan } from '../../../lib/session';
import { useApiTokens, useCreateApiToken, useOrganisationChoices, useRevokeApiToken } from '../api/api-tokens';
import { checkWith, fieldErrorsOfProblem, isAboutFields, type FieldErrors } from '../utils/form-errors';
import { PERMISSION_MESSAGES } from '../utils/permission-messages';
import { AuthProblem } from './auth-problem';
import { SubmitButton } from './submit-button';
import { useFocusOnFailure } from './use-focus-on-failure';

interface OrganisationChoice {
  id: string;
  name: string;
}

/** Organisations the person may manage tokens of: their own, or every one for a platform administrator. */
function useTokenOrganisations(me: MeView) {
  const platformWide = me.memberships.some(
    (membership) => membership.organisationId === null && ROLE_PERMISSIONS[membership.role].includes('api_tokens:manage'),
  );
  const all = useOrganisationChoices(platformWide);
  const choices = useMemo<OrganisationChoice[]>(() => {
    if (platformWide) return (all.data?.items ?? []).map(({ id, name }) => ({ id, name }));
    const own = new Map<string, string>();
    for (const { organisationId, organisationName, role } of me.memberships) {
      if (organisationId && ROLE_PERMISSIONS[role].includes('api_tokens:manage')) own.set(organisationId, organisationName ?? organisationId);
    }
    return [...own].map(([id, name]) => ({ id, name }));
  }, [platformWide, all.data, me.memberships]);
  return { choices, pending: platformWide && all.isPending, error: platformWide ? all.error : null, retry: all.refetch };
}

/** API tokens let an organisation's own software use the API; shown once, revocable at any time. */
export function ApiTokensSettings({ me }: { me: MeView }) {
  const { formatMessage } = useIntl();
  const { choices, pending, error, retry } = useTokenOrganisations(me);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const selectId = useId();
  const organisationId = chosen ?? choices[0]?.id;
  const organisation = choices.find((choice) => choice.id === organisationId);

  let body;
  if (pending) body = <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>;
  else if (error) body = <ProblemMessage error={error} onRetry={() => void retry()} />;
  else if (!organisation) body = <p>{formatMessage({ id: 'account.api_tokens.no_organisation' })}</p>;
  else {
    body = (
      <>
        {choices.length > 1 && (
          <div className="form-field">
            <label htmlFor={selectId}>{formatMessage({ id: 'account.api_tokens.organisation' })}</label>
            <select id={selectId} value={organisation.id} onChange={(event) => setChosen(event.target.value)}>
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <TokenList organisation={organisation} />
        <CreateTokenForm key={organisation.id} me={me} organisation={organisation} />
      </>
    );
  }

  return (
    <section className="page-section" aria-labelledby="account-api-tokens-title">
      <h2 id="account-api-tokens-title">{formatMessage({ id: 'account.api_tokens.title' })}</h2>
      <p>{formatMessage({ id: 'account.api_tokens.intro' })}</p>
      {body}
    </section>
  );
}

function TokenList({ organisation }: { organisation: OrganisationChoice }) {
  const { formatMessage } = useIntl();
  const tokens = useApiTokens(organisation.id);

  if (tokens.isPending) return <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>;
  if (tokens.isError) return <ProblemMessage error={tokens.error} onRetry={() => void tokens.refetch()} />;
  return (
    <>
      <h3>{formatMessage({ id: 'account.api_tokens.list_title' }, { organisation: organisation.name })}</h3>
      {tokens.data.items.length === 0 ? (
        <p>{formatMessage({ id: 'account.api_tokens.empty' })}</p>
      ) : (
        <ul className="token-list">
          {tokens.data.items.map((token) => (
            <TokenCard key={token.id} token={token} />
          ))}
        </ul>
      )}
    </>
  );
}

function TokenCard({ token }: { token: ApiTokenView }) {
  const { formatMessage, formatDate, formatList } = useIntl();
  const revoke = useRevokeApiToken();
  const [confirming, setConfirming] = useState(false);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const date = (value: string) => formatDate(value, { dateStyle: 'medium' });
  const expired = token.expiresAt !== null && Date.parse(token.expiresAt) <= Date.now();
  const status = token.revokedAt
    ? formatMessage({ id: 'account.api_tokens.status.revoked' }, { date: date(token.revokedAt) })
    : expired
      ? formatMessage({ id: 'account.api_tokens.status.expired' })
      : formatMessage({ id: 'account.api_tokens.status.active' });

  return (
    <li className="card token-card">
      <h4>{token.name}</h4>
      <dl className="details-list">
        <div>
          <dt>{formatMessage({ id: 'account.api_tokens.prefix' })}</dt>
          <dd>
            <code dir="ltr">{`glc_${token.tokenPrefix}_…`}</code>
          </dd>
        </div>
        <div>
          <dt>{formatMessage({ id: 'account.api_tokens.permissions' })}</dt>
          <dd>{formatList(token.permissions.map((permission) => formatMessage(PERMISSION_MESSAGES[permission])))}</dd>
        </div>
        <div>
          <dt>{formatMessage({ id: 'account.api_tokens.created' })}</dt>
          <dd>{formatMessage({ id: 'account.api_tokens.created_by' }, { date: date(token.createdAt), name: token.createdBy.displayName })}</dd>
        </div>
        <div>
          <dt>{formatMessage({ id: 'account.api_tokens.last_used' })}</dt>
          <dd>{token.lastUsedAt ? date(token.lastUsedAt) : formatMessage({ id: 'account.api_tokens.never_used' })}</dd>
        </div>
        <div>
          <dt>{formatMessage({ id: 'account.api_tokens.expires' })}</dt>
          <dd>{token.expiresAt ? date(token.expiresAt) : formatMessage({ id: 'account.api_tokens.no_expiry' })}</dd>
        </div>
        <div>
          <dt>{formatMessage({ id: 'account.api_tokens.status' })}</dt>
          <dd>{status}</dd>
        </div>
      </dl>
      {revoke.error != null && <AuthProblem error={revoke.error} />}
      {!token.revokedAt && !expired && !confirming && (
        <button ref={revokeButton} type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          {formatMessage({ id: 'account.api_tokens.revoke' }, { name: token.name })}
        </button>
      )}
      {!token.revokedAt && confirming && (
        <RevokeConfirmation
          name={token.name}
          pending={revoke.isPending}
          onConfirm={() => {
            if (!revoke.isPending) revoke.mutate(token.id, { onSettled: () => setConfirming(false) });
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  );
}

function RevokeConfirmation(props: { name: string; pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { formatMessage } = useIntl();
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  return (
    <div className="notice notice--warning">
      <p ref={question} tabIndex={-1}>
        {formatMessage({ id: 'account.api_tokens.revoke_confirm' }, { name: props.name })}
      </p>
      <div className="form-actions">
        <button type="button" className="button button--danger" aria-disabled={props.pending || undefined} onClick={props.onConfirm}>
          {formatMessage({ id: 'account.api_tokens.revoke_yes' })}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {formatMessage({ id: 'auth.cancel' })}
        </button>
      </div>
    </div>
  );
}

/** The last moment of the chosen day, in the reader's time zone, as the API wants it. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

function CreateTokenForm({ me, organisation }: { me: MeView; organisation: OrganisationChoice }) {
  const { formatMessage } = useIntl();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<ApiTokenPermission[]>([]);
  const [expiry, setExpiry] = useState('');
  const [checked, setChecked] = useState<FieldErrors>(new Map());
  const [created, setCreated] = useState<ApiTokenCreatedView | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const fieldsetError = useId();
  // A token gets only what its creator may do in this organisation (the server checks it too).
  const grantable = ApiTokenPermission.options.filter((permission) => meCan(me, permission, organisation.id));

  const fieldErrors =
    checked.size > 0 ? checked : fieldErrorsOfProblem(create.error, { 'api_token.scope_exceeds_creator': '/permissions' });
  const problem = useFocusOnFailure(form, checked.size > 0 ? checked : create.error);
  const permissionsError = [...fieldErrors.keys()].some((pointer) => pointer.startsWith('/permissions'));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const body = { organisationId: organisation.id, name, permissions, ...(expiry ? { expiresAt: endOfDay(expiry) } : {}) };
    const found = checkWith(ApiTokenCreateBody, body);
    setChecked(found);
    if (found.size > 0) {
      create.reset();
      return;
    }
    create.mutate(ApiTokenCreateBody.parse(body), {
      onSuccess: (answer) => {
        setCreated(answer);
        setName('');
        setPermissions([]);
        setExpiry('');
      },
    });
  }

  if (created) return <CreatedToken token={created} onDone={() => setCreated(null)} />;

  return (
    <form ref={form} className="stacked-form" onSubmit={submit} noValidate aria-labelledby="api-token-create-title">
      <h3 id="api-token-create-title">{formatMessage({ id: 'account.api_tokens.create_title' })}</h3>
      {create.error != null && !isAboutFields(create.error, fieldErrors) && <AuthProblem ref={problem} error={create.error} />}
      <FormField
        label={formatMessage({ id: 'account.api_tokens.name' })}
        hint={formatMessage({ id: 'account.api_tokens.name_hint' })}
        error={fieldErrors.get('/name')}
      >
        {(control) => <input {...control} name="name" value={name} onChange={(event) => setName(event.target.value)} />}
      </FormField>
      <fieldset
        className="fieldset"
        aria-describedby={permissionsError ? fieldsetError : undefined}
      >
        <legend>{formatMessage({ id: 'account.api_tokens.permissions' })}</legend>
        {grantable.map((permission, index) => (
          <div key={permission} className="checkbox-field">
            <input
              id={`${fieldsetError}-${permission}`}
              type="checkbox"
              name="permissions"
              value={permission}
              checked={permissions.includes(permission)}
              aria-invalid={permissionsError && index === 0 ? true : undefined}
              onChange={(event) =>
                setPermissions((current) =>
                  event.target.checked ? [...current, permission] : current.filter((other) => other !== permission),
                )
              }
            />
            <label htmlFor={`${fieldsetError}-${permission}`}>{formatMessage(PERMISSION_MESSAGES[permission])}</label>
          </div>
        ))}
        {permissionsError && (
          <p id={fieldsetError} className="field-error">
            {formatMessage(
              fieldErrors.get('/permissions')?.code === 'api_token.scope_exceeds_creator'
                ? { id: 'errors.api_token.scope_exceeds_creator' }
                : { id: 'account.api_tokens.permissions_required' },
            )}
          </p>
        )}
      </fieldset>
      <FormField
        label={formatMessage({ id: 'account.api_tokens.expiry' })}
        hint={formatMessage({ id: 'account.api_tokens.expiry_hint' })}
        error={fieldErrors.get('/expiresAt')}
        errorMessage={{ id: 'account.api_tokens.expiry_invalid' }}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            name="expiresAt"
            min={new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}
            value={expiry}
            onChange={(event) => setExpiry(event.target.value)}
          />
        )}
      </FormField>
      <SubmitButton
        pending={create.isPending}
        label={formatMessage({ id: 'account.api_tokens.create' })}
        pendingLabel={formatMessage({ id: 'auth.sending' })}
      />
    </form>
  );
}

function CreatedToken({ token, onDone }: { token: ApiTokenCreatedView; onDone: () => void }) {
  const { formatMessage } = useIntl();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(true);
    } catch {
      // No clipboard here: the token stays on screen to select and copy by hand.
    }
  }

  return (
    <div className="notice">
      <h3 ref={heading} tabIndex={-1}>
        {formatMessage({ id: 'account.api_tokens.created_title' }, { name: token.name })}
      </h3>
      <p>{formatMessage({ id: 'account.api_tokens.created_once' })}</p>
      <p>
        <code className="secret" dir="ltr" data-testid="api-token">
          {token.token}
        </code>
      </p>
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {formatMessage({ id: 'account.api_tokens.copy' })}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {formatMessage({ id: 'account.api_tokens.done' })}
        </button>
      </div>
      <p role="status">{copied ? formatMessage({ id: 'account.api_tokens.copied' }) : ''}</p>
    </div>
  );
}
