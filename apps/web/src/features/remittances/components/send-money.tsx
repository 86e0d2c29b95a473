import {
  PICKUP_METHODS,
  PROVIDER_TYPES,
  REMITTANCE_SPEEDS,
  RemittanceQuotesQuery,
  type CorridorSummary,
  type ProblemFieldError,
} from '@glocal/contracts';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router';
import { FormField } from '../../../components/ui/form-field';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { ApiProblem } from '../../../lib/api-problem';
import { useLocale } from '../../../lib/i18n';
import { useCorridors, useQuotes } from '../api/remittances';
import { countryNameIn } from '../utils/format';
import { PICKUP_MESSAGES, PROVIDER_TYPE_MESSAGES, SPEED_MESSAGES } from '../utils/remittance-messages';
import { FollowCorridor } from './follow-corridor';
import { MethodExplanation } from './method-explanation';
import { QuoteList } from './quote-list';

const FIELDS = ['from', 'to', 'amount', 'currency', 'speed', 'pickup', 'providerType'] as const;
type FormState = Record<(typeof FIELDS)[number], string>;

/** The search lives in the URL, so a result can be shared, bookmarked or printed as it is. */
function stateFrom(params: URLSearchParams): FormState {
  return Object.fromEntries(FIELDS.map((field) => [field, params.get(field) ?? ''])) as FormState;
}

/** "Send money home": where from, where to, how much → every option, ranked by what the family receives. */
export function SendMoney() {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const corridors = useCorridors();
  const submitted = stateFrom(params);
  const [draft, setDraft] = useState<FormState>(submitted);
  const countryName = useMemo(() => countryNameIn(locale), [locale]);
  const resultsId = useId();

  const parsed = RemittanceQuotesQuery.safeParse(Object.fromEntries(Object.entries(submitted).filter(([, value]) => value !== '')));
  const quotes = useQuotes(parsed.success ? parsed.data : null);
  const problem = quotes.error instanceof ApiProblem ? quotes.error : null;
  // A search the address holds but the contract refuses (a negative amount) is never sent: say why here.
  const asked = FIELDS.some((field) => submitted[field] !== '');
  const refused: ProblemFieldError[] =
    !parsed.success && asked ? parsed.error.issues.map((issue) => ({ pointer: `/${String(issue.path[0] ?? '')}`, code: issue.code })) : [];
  const fieldError = (field: string): ProblemFieldError | undefined =>
    (problem?.problem?.errors ?? refused).find((error) => error.pointer === `/${field}`);

  const list = corridors.data?.items ?? [];
  const origins = [...new Set(list.map((corridor) => corridor.from))];
  const destinations = list.filter((corridor) => corridor.from === draft.from);
  const corridor: CorridorSummary | undefined = list.find((c) => c.from === draft.from && c.to === draft.to);
  const byName = (a: string, b: string) => countryName(a).localeCompare(countryName(b), locale);

  function update(field: keyof FormState, value: string) {
    setDraft((current) => {
      const next = { ...current, [field]: value };
      // A new corridor brings its own currencies: start from the sending one.
      if (field === 'from') next.to = '';
      if (field === 'from' || field === 'to') {
        const chosen = list.find((c) => c.from === next.from && c.to === next.to);
        next.currency = chosen?.sendingCurrency ?? '';
      }
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const amount = draft.amount.trim().replace(',', '.');
    setParams(Object.fromEntries(Object.entries({ ...draft, amount }).filter(([, value]) => value !== '')), { replace: false });
  }

  if (corridors.isPending) return <LoadingMessage>{formatMessage({ id: 'remittances.send.loading' })}</LoadingMessage>;
  if (corridors.isError) return <ProblemMessage error={corridors.error} onRetry={() => void corridors.refetch()} />;

  const illustrative = corridor?.illustrative ?? quotes.data?.items.some((item) => item.illustrative) ?? false;

  return (
    <>
      <form className="stacked-form send-money-form" role="search" aria-label={formatMessage({ id: 'remittances.send.form_label' })} noValidate onSubmit={submit}>
        <div className="form-row">
          <FormField label={formatMessage({ id: 'remittances.send.from' })} error={fieldError('from')}>
            {(control) => (
              <select {...control} name="from" value={draft.from} onChange={(event) => update('from', event.target.value)}>
                <option value="">{formatMessage({ id: 'remittances.send.choose' })}</option>
                {origins.sort(byName).map((code) => (
                  <option key={code} value={code}>
                    {countryName(code)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={formatMessage({ id: 'remittances.send.to' })} error={fieldError('to')}>
            {(control) => (
              <select {...control} name="to" value={draft.to} disabled={!draft.from} onChange={(event) => update('to', event.target.value)}>
                <option value="">{formatMessage({ id: 'remittances.send.choose' })}</option>
                {destinations.map((c) => c.to).sort(byName).map((code) => (
                  <option key={code} value={code}>
                    {countryName(code)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
        <div className="form-row">
          <FormField
            label={formatMessage({ id: 'remittances.send.amount' })}
            hint={formatMessage({ id: 'remittances.send.amount_hint' })}
            error={fieldError('amount')}
            errorMessage={fieldError('amount')?.code === 'amount_outside_tiers' ? { id: 'errors.remittance.amount_outside_tiers' } : undefined}
          >
            {(control) => (
              <input {...control} name="amount" inputMode="decimal" autoComplete="off" dir="ltr" value={draft.amount} onChange={(event) => update('amount', event.target.value)} />
            )}
          </FormField>
          <FormField label={formatMessage({ id: 'remittances.send.currency' })} error={fieldError('currency')}>
            {(control) => (
              <select {...control} name="currency" value={draft.currency} disabled={!corridor} onChange={(event) => update('currency', event.target.value)}>
                {corridor && (
                  <>
                    <option value={corridor.sendingCurrency}>{formatMessage({ id: 'remittances.send.currency_sent' }, { currency: corridor.sendingCurrency })}</option>
                    <option value={corridor.receivingCurrency}>{formatMessage({ id: 'remittances.send.currency_received' }, { currency: corridor.receivingCurrency })}</option>
                  </>
                )}
              </select>
            )}
          </FormField>
        </div>
        <fieldset className="fieldset filters">
          <legend>{formatMessage({ id: 'remittances.send.filters' })}</legend>
          <div className="form-row">
            <FormField label={formatMessage({ id: 'remittances.send.speed' })}>
              {(control) => (
                <select {...control} name="speed" value={draft.speed} onChange={(event) => update('speed', event.target.value)}>
                  <option value="">{formatMessage({ id: 'remittances.send.any' })}</option>
                  {REMITTANCE_SPEEDS.map((speed) => (
                    <option key={speed} value={speed}>
                      {formatMessage(SPEED_MESSAGES[speed])}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={formatMessage({ id: 'remittances.send.pickup' })}>
              {(control) => (
                <select {...control} name="pickup" value={draft.pickup} onChange={(event) => update('pickup', event.target.value)}>
                  <option value="">{formatMessage({ id: 'remittances.send.any' })}</option>
                  {PICKUP_METHODS.map((pickup) => (
                    <option key={pickup} value={pickup}>
                      {formatMessage(PICKUP_MESSAGES[pickup])}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={formatMessage({ id: 'remittances.send.provider_type' })}>
              {(control) => (
                <select {...control} name="providerType" value={draft.providerType} onChange={(event) => update('providerType', event.target.value)}>
                  <option value="">{formatMessage({ id: 'remittances.send.any' })}</option>
                  {PROVIDER_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {formatMessage(PROVIDER_TYPE_MESSAGES[type])}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button">
            {formatMessage({ id: 'remittances.send.submit' })}
          </button>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {formatMessage({ id: 'remittances.send.print' })}
          </button>
        </div>
      </form>

      <section id={resultsId} aria-labelledby={`${resultsId}-title`} className="page-section" aria-live="polite">
        <h2 id={`${resultsId}-title`}>{formatMessage({ id: 'remittances.send.results_title' })}</h2>
        {illustrative && (
          <p className="notice notice--warning">{formatMessage({ id: 'remittances.demo_notice' })}</p>
        )}
        {!parsed.success && <p className="muted">{formatMessage({ id: 'remittances.send.prompt' })}</p>}
        {parsed.success && quotes.isPending && <LoadingMessage>{formatMessage({ id: 'remittances.send.searching' })}</LoadingMessage>}
        {/* A refused question (400) is answered next to its field too; retrying it would not help. */}
        {quotes.isError && <ProblemMessage error={quotes.error} {...(problem?.status === 400 ? {} : { onRetry: () => void quotes.refetch() })} />}
        {parsed.success && quotes.data && !quotes.isError && (
          <QuoteList items={quotes.data.items} countryName={countryName} byReceivedAmount={parsed.data.currency !== corridor?.receivingCurrency} />
        )}
        {parsed.success && <FollowCorridor from={parsed.data.from} to={parsed.data.to} />}
        {parsed.success && (
          <p>
            <Link to={`/send-money/corridors/${parsed.data.from}-${parsed.data.to}`}>
              {formatMessage({ id: 'remittances.send.corridor_link' }, { from: countryName(parsed.data.from), to: countryName(parsed.data.to) })}
            </Link>
          </p>
        )}
      </section>

      <MethodExplanation />
    </>
  );
}
