import { FeeScheduleBody, PriceReportBody, type ProblemFieldError, type ProviderView } from '@glocal/contracts';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { fieldErrorsFromIssues, fieldErrorsOf } from '../../../lib/field-errors';
import { useLocale } from '../../../lib/i18n';
import { useReportPrice } from '../api/provider-reporting';
import { decimalInput, emptyFee, feeScheduleFrom, type FeeDraft } from '../utils/fee-schedule';
import { countryNameIn, formatDate } from '../utils/format';
import { CorridorFields, emptyCorridor, type CorridorDraft } from './corridor-fields';
import { FeeScheduleFields } from './fee-schedule-fields';

/** Today as the server counts it (UTC): a price observed later is refused. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

type Issue = { path: readonly PropertyKey[]; code: string; minimum?: unknown; origin?: unknown };

/**
 * The fee checked against the kind of schedule chosen, so a bad tier is flagged on its own field
 * (the contracts' union would only say "the fee"); an empty fixed fee must be typed as 0.
 */
function feeIssues(draft: FeeDraft, fee: FeeScheduleBody): Issue[] {
  const [tiered, flat] = FeeScheduleBody.options;
  const checked = (draft.kind === 'tiers' ? tiered : flat).safeParse(fee);
  const issues: Issue[] = checked.success ? [] : checked.error.issues.map((issue) => ({ ...issue, path: ['fee', ...issue.path] }));
  if (draft.kind === 'flat' && !('fixed' in fee) && !('percent' in fee)) issues.push({ path: ['fee', 'fixed'], code: 'too_small', minimum: 1, origin: 'string' });
  return issues;
}

/** A provider's staff report the current price of one product in one corridor: fee schedule, rates, the day it was observed. */
export function PriceReportForm({ provider }: { provider: ProviderView }) {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const countryName = useMemo(() => countryNameIn(locale), [locale]);
  const report = useReportPrice(provider.id);
  const id = useId();
  const [productId, setProductId] = useState('');
  const [corridor, setCorridor] = useState<CorridorDraft>(emptyCorridor);
  const [fee, setFee] = useState<FeeDraft>(emptyFee);
  const [rateDisclosed, setRateDisclosed] = useState(true);
  const [rateOffered, setRateOffered] = useState('');
  const [interbankRate, setInterbankRate] = useState('');
  const [observedOn, setObservedOn] = useState(todayUtc);
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(report.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (report.isPending) return;
    const schedule = feeScheduleFrom(fee);
    const parsed = PriceReportBody.safeParse({
      productId: productId || undefined,
      from: corridor.from || undefined,
      to: corridor.to || undefined,
      sendingCurrency: corridor.sendingCurrency || undefined,
      receivingCurrency: corridor.receivingCurrency || undefined,
      fee: schedule,
      rateOffered: rateDisclosed ? decimalInput(rateOffered) : null,
      interbankRate: decimalInput(interbankRate),
      observedOn: observedOn || undefined,
    });
    const issues = [...(parsed.success ? [] : parsed.error.issues.filter((issue) => issue.path[0] !== 'fee')), ...feeIssues(fee, schedule)];
    if (!parsed.success || issues.length > 0) {
      report.reset();
      setClientErrors(fieldErrorsFromIssues(issues));
      return;
    }
    setClientErrors(new Map());
    report.mutate(parsed.data);
  }

  if (provider.products.length === 0) return <p className="muted">{formatMessage({ id: 'remittances.price.no_products' })}</p>;
  const reportedProduct = report.data && provider.products.find((product) => product.id === report.data.productId);
  const [reportedFrom, reportedTo] = (report.data?.corridor.split('-') ?? ['', '']) as [string, string];

  return (
    <form className="stacked-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{formatMessage({ id: 'remittances.price.title' })}</h2>
      <FormProblem error={report.error} fieldErrorCount={errors.size} />
      <FormField label={formatMessage({ id: 'remittances.price.product' })} error={errors.get('/productId')} errorMessage={{ id: 'remittances.price.choose_product' }}>
        {(control) => (
          <select {...control} value={productId} onChange={(event) => setProductId(event.target.value)}>
            <option value="">{formatMessage({ id: 'remittances.fields.choose' })}</option>
            {provider.products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <CorridorFields value={corridor} onChange={setCorridor} errors={errors} />
      <FeeScheduleFields value={fee} onChange={setFee} errors={errors} />
      <fieldset className="fieldset">
        <legend>{formatMessage({ id: 'remittances.price.rates' })}</legend>
        <div className="radio-group" role="radiogroup" aria-label={formatMessage({ id: 'remittances.price.rate_disclosure' })}>
          {[true, false].map((disclosed) => (
            <label key={String(disclosed)} className="radio">
              <input type="radio" name={`${id}-disclosed`} checked={rateDisclosed === disclosed} onChange={() => setRateDisclosed(disclosed)} />
              {formatMessage(disclosed ? { id: 'remittances.price.rate_disclosed' } : { id: 'remittances.price.rate_undisclosed' })}
            </label>
          ))}
        </div>
        <div className="form-row">
          {rateDisclosed && (
            <FormField
              label={formatMessage({ id: 'remittances.price.rate_offered' })}
              hint={formatMessage({ id: 'remittances.fields.rate_hint' })}
              error={errors.get('/rateOffered')}
            >
              {(control) => <input {...control} inputMode="decimal" autoComplete="off" value={rateOffered} onChange={(event) => setRateOffered(event.target.value)} />}
            </FormField>
          )}
          <FormField
            label={formatMessage({ id: 'remittances.price.interbank_rate' })}
            hint={formatMessage({ id: 'remittances.price.interbank_hint' })}
            error={errors.get('/interbankRate')}
          >
            {(control) => <input {...control} inputMode="decimal" autoComplete="off" value={interbankRate} onChange={(event) => setInterbankRate(event.target.value)} />}
          </FormField>
        </div>
      </fieldset>
      <FormField
        label={formatMessage({ id: 'remittances.price.observed_on' })}
        error={errors.get('/observedOn')}
        errorMessage={errors.get('/observedOn')?.code === 'in_future' ? { id: 'remittances.fields.date_in_future' } : undefined}
      >
        {(control) => <input {...control} type="date" max={todayUtc()} value={observedOn} onChange={(event) => setObservedOn(event.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={report.isPending}>
          {formatMessage({ id: 'remittances.price.submit' })}
        </button>
      </div>
      <div aria-live="polite">
        {report.isSuccess && (
          <p className="notice notice--success" role="status">
            {formatMessage(
              { id: 'remittances.price.reported' },
              {
                product: reportedProduct?.name ?? '',
                from: countryName(reportedFrom),
                to: countryName(reportedTo),
                date: formatDate(locale, report.data.observedOn),
              },
            )}
          </p>
        )}
      </div>
    </form>
  );
}
