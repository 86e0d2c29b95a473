import { TransferCreateBody, type ProblemFieldError, type ProviderView } from '@glocal/contracts';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { fieldErrorsFromIssues, fieldErrorsOf } from '../../../lib/field-errors';
import { useLocale } from '../../../lib/i18n';
import { useRecordTransfer } from '../api/transfers';
import { decimalInput } from '../utils/fee-schedule';
import { formatDate, formatMoney } from '../utils/format';
import { CorridorFields, emptyCorridor, type CorridorDraft } from './corridor-fields';

/** Today as the server counts it (UTC): a transfer dated later is refused. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The server's words for a money field it refused, when they say more than "not accepted". */
const MONEY_ERRORS: Record<string, MessageDescriptor> = {
  'remittance.fee_exceeds_amount': { id: 'remittances.transfer.fee_exceeds_amount' },
  amount_too_precise: { id: 'errors.remittance.amount_too_precise' },
  'remittance.amount_too_precise': { id: 'errors.remittance.amount_too_precise' },
};

interface TransferFormProps {
  deskId: string;
  /** Every provider and its products, to pick the one the beneficiary used. */
  providers: readonly ProviderView[];
}

/** Desk staff record a transfer a beneficiary made: no personal data, only an opaque reference of the desk's own. */
export function TransferForm({ deskId, providers }: TransferFormProps) {
  const { formatMessage } = useIntl();
  const { locale } = useLocale();
  const record = useRecordTransfer();
  const id = useId();
  const [providerId, setProviderId] = useState('');
  const [productId, setProductId] = useState('');
  const [corridor, setCorridor] = useState<CorridorDraft>(emptyCorridor);
  const [amountSent, setAmountSent] = useState('');
  const [feePaid, setFeePaid] = useState('');
  const [rateApplied, setRateApplied] = useState('');
  const [transferredOn, setTransferredOn] = useState(todayUtc);
  const [beneficiaryRef, setBeneficiaryRef] = useState('');
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(record.error);
  const collator = useMemo(() => new Intl.Collator(locale), [locale]);
  const sortedProviders = useMemo(() => [...providers].sort((a, b) => collator.compare(a.name, b.name)), [providers, collator]);
  const products = providers.find((provider) => provider.id === providerId)?.products ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (record.isPending) return;
    const parsed = TransferCreateBody.safeParse({
      deskOrganisationId: deskId,
      providerId: providerId || undefined,
      productId: productId || undefined,
      from: corridor.from || undefined,
      to: corridor.to || undefined,
      sendingCurrency: corridor.sendingCurrency || undefined,
      receivingCurrency: corridor.receivingCurrency || undefined,
      amountSent: decimalInput(amountSent),
      feePaid: decimalInput(feePaid),
      rateApplied: decimalInput(rateApplied),
      transferredOn: transferredOn || undefined,
      beneficiaryRef: beneficiaryRef.trim() || undefined,
    });
    if (!parsed.success) {
      record.reset();
      setClientErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setClientErrors(new Map());
    record.mutate(parsed.data, {
      onSuccess: () => {
        setAmountSent('');
        setFeePaid('');
        setRateApplied('');
        setBeneficiaryRef('');
      },
    });
  }

  const moneyError = (pointer: string) => {
    const error = errors.get(pointer);
    return error ? MONEY_ERRORS[error.code] : undefined;
  };

  return (
    <form className="stacked-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{formatMessage({ id: 'remittances.transfer.title' })}</h2>
      <p className="form-field__hint">{formatMessage({ id: 'remittances.transfer.intro' })}</p>
      <FormProblem error={record.error} fieldErrorCount={errors.size} />
      <div className="form-row">
        <FormField label={formatMessage({ id: 'remittances.transfer.provider' })} error={errors.get('/providerId')} errorMessage={{ id: 'remittances.transfer.choose_provider' }}>
          {(control) => (
            <select
              {...control}
              value={providerId}
              onChange={(event) => {
                setProviderId(event.target.value);
                setProductId('');
              }}
            >
              <option value="">{formatMessage({ id: 'remittances.fields.choose' })}</option>
              {sortedProviders.map((provider) => (
                <option key={provider.id} value={provider.id}>
                  {provider.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={formatMessage({ id: 'remittances.transfer.product' })} error={errors.get('/productId')}>
          {(control) => (
            <select {...control} value={productId} disabled={products.length === 0} onChange={(event) => setProductId(event.target.value)}>
              <option value="">{formatMessage({ id: 'remittances.transfer.product_unknown' })}</option>
              {products.map((product) => (
                <option key={product.id} value={product.id}>
                  {product.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <CorridorFields value={corridor} onChange={setCorridor} errors={errors} />
      <div className="form-row">
        <FormField
          label={formatMessage({ id: 'remittances.transfer.amount_sent' })}
          hint={formatMessage({ id: 'remittances.transfer.in_sending_currency' })}
          error={errors.get('/amountSent')}
          errorMessage={moneyError('/amountSent')}
        >
          {(control) => <input {...control} inputMode="decimal" autoComplete="off" value={amountSent} onChange={(event) => setAmountSent(event.target.value)} />}
        </FormField>
        <FormField
          label={formatMessage({ id: 'remittances.transfer.fee_paid' })}
          hint={formatMessage({ id: 'remittances.transfer.in_sending_currency' })}
          error={errors.get('/feePaid')}
          errorMessage={moneyError('/feePaid')}
        >
          {(control) => <input {...control} inputMode="decimal" autoComplete="off" value={feePaid} onChange={(event) => setFeePaid(event.target.value)} />}
        </FormField>
      </div>
      <div className="form-row">
        <FormField
          label={formatMessage({ id: 'remittances.transfer.rate_applied' })}
          hint={formatMessage({ id: 'remittances.fields.rate_hint' })}
          error={errors.get('/rateApplied')}
        >
          {(control) => <input {...control} inputMode="decimal" autoComplete="off" value={rateApplied} onChange={(event) => setRateApplied(event.target.value)} />}
        </FormField>
        <FormField
          label={formatMessage({ id: 'remittances.transfer.transferred_on' })}
          error={errors.get('/transferredOn')}
          errorMessage={errors.get('/transferredOn')?.code === 'in_future' ? { id: 'remittances.fields.date_in_future' } : undefined}
        >
          {(control) => <input {...control} type="date" max={todayUtc()} value={transferredOn} onChange={(event) => setTransferredOn(event.target.value)} />}
        </FormField>
      </div>
      <FormField
        label={formatMessage({ id: 'remittances.transfer.reference' })}
        hint={formatMessage({ id: 'remittances.transfer.reference_hint' })}
        error={errors.get('/beneficiaryRef')}
      >
        {(control) => <input {...control} maxLength={64} autoComplete="off" value={beneficiaryRef} onChange={(event) => setBeneficiaryRef(event.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={record.isPending}>
          {formatMessage({ id: 'remittances.transfer.submit' })}
        </button>
      </div>
      <div aria-live="polite">
        {record.isSuccess && (
          <p className="notice notice--success" role="status">
            {formatMessage(
              { id: 'remittances.transfer.recorded' },
              {
                amount: formatMoney(locale, record.data.amountSent, record.data.sendingCurrency),
                provider: record.data.provider.name,
                date: formatDate(locale, record.data.transferredOn),
              },
            )}
          </p>
        )}
      </div>
    </form>
  );
}
