import {
  PAY_IN_METHODS,
  PICKUP_METHODS,
  ProductBody,
  REMITTANCE_SPEEDS,
  type PayInMethod,
  type PickupMethod,
  type ProblemFieldError,
  type RemittanceSpeed,
  type ProviderView,
} from '@glocal/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { FormProblem } from '../../../components/ui/form-problem';
import { fieldErrorsFromIssues, fieldErrorsOf } from '../../../lib/field-errors';
import { useAddProduct, useUpdateProduct } from '../api/provider-reporting';
import { PAY_IN_MESSAGES, PICKUP_MESSAGES, SPEED_MESSAGES } from '../utils/remittance-messages';
import { PickupPointsField } from './pickup-points-field';

interface ProductDraft {
  name: string;
  payIn: PayInMethod | '';
  pickup: PickupMethod | '';
  speed: RemittanceSpeed | '';
  accessible: boolean;
  feeChargedOnTop: boolean;
  coverageNote: string;
  pickupServiceIds: string[];
}

const EMPTY: ProductDraft = { name: '', payIn: '', pickup: '', speed: '', accessible: true, feeChargedOnTop: false, coverageNote: '', pickupServiceIds: [] };

const draftOf = (product: ProductView): ProductDraft => ({ ...product, coverageNote: product.coverageNote ?? '' });

type ProductView = ProviderView['products'][number];

interface ProductFormProps {
  providerId: string;
  /** The product to change; without it, the form adds a new one. */
  product?: ProductView | undefined;
  /** After a change is saved (edit mode). */
  onSaved?: ((product: ProductView) => void) | undefined;
  /** Closes the form without saving (edit mode). */
  onCancel?: (() => void) | undefined;
}

/** A provider's staff add one of its services, or change one: how it is paid in, received, how fast, who can use it. */
export function ProductForm({ providerId, product, onSaved, onCancel }: ProductFormProps) {
  const { formatMessage } = useIntl();
  const create = useAddProduct(providerId);
  const update = useUpdateProduct(providerId, product?.id ?? '');
  const add = product ? update : create;
  const id = useId();
  const [draft, setDraft] = useState<ProductDraft>(product ? draftOf(product) : EMPTY);
  const nameRef = useRef<HTMLInputElement>(null);
  const editing = product !== undefined;
  // Opened to change a product: the keyboard goes to its first field.
  useEffect(() => {
    if (editing) nameRef.current?.focus();
  }, [editing]);
  const [clientErrors, setClientErrors] = useState<Map<string, ProblemFieldError>>(new Map());
  const errors = clientErrors.size > 0 ? clientErrors : fieldErrorsOf(add.error);
  const set = <K extends keyof ProductDraft>(field: K, value: ProductDraft[K]) => setDraft((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (add.isPending) return;
    const parsed = ProductBody.safeParse({
      name: draft.name,
      payIn: draft.payIn || undefined,
      pickup: draft.pickup || undefined,
      speed: draft.speed || undefined,
      accessible: draft.accessible,
      feeChargedOnTop: draft.feeChargedOnTop,
      coverageNote: draft.coverageNote.trim() || null,
      pickupServiceIds: draft.pickupServiceIds,
    });
    if (!parsed.success) {
      add.reset();
      setClientErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setClientErrors(new Map());
    if (product) update.mutate(parsed.data, { onSuccess: (saved) => onSaved?.(saved) });
    else create.mutate(parsed.data, { onSuccess: () => setDraft(EMPTY) });
  }

  const choice = (field: 'payIn' | 'pickup' | 'speed', label: string, options: readonly { value: string; label: string }[]) => (
    <FormField label={label} error={errors.get(`/${field}`)}>
      {(control) => (
        <select {...control} value={draft[field]} onChange={(event) => set(field, event.target.value as ProductDraft[typeof field])}>
          <option value="">{formatMessage({ id: 'remittances.fields.choose' })}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  return (
    <form className="stacked-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      {product ? (
        <h4 id={`${id}-title`}>{formatMessage({ id: 'remittances.product.edit_title' }, { name: product.name })}</h4>
      ) : (
        <h2 id={`${id}-title`}>{formatMessage({ id: 'remittances.product.title' })}</h2>
      )}
      <FormProblem error={add.error} fieldErrorCount={errors.size} />
      <FormField
        label={formatMessage({ id: 'remittances.product.name' })}
        error={errors.get('/name')}
        errorMessage={errors.get('/name')?.code === 'duplicate' ? { id: 'remittances.product.duplicate' } : undefined}
      >
        {(control) => <input {...control} ref={nameRef} maxLength={200} value={draft.name} onChange={(event) => set('name', event.target.value)} />}
      </FormField>
      <div className="form-row">
        {choice('payIn', formatMessage({ id: 'remittances.product.pay_in' }), PAY_IN_METHODS.map((value) => ({ value, label: formatMessage(PAY_IN_MESSAGES[value]) })))}
        {choice('pickup', formatMessage({ id: 'remittances.product.pickup' }), PICKUP_METHODS.map((value) => ({ value, label: formatMessage(PICKUP_MESSAGES[value]) })))}
      </div>
      {choice('speed', formatMessage({ id: 'remittances.product.speed' }), REMITTANCE_SPEEDS.map((value) => ({ value, label: formatMessage(SPEED_MESSAGES[value]) })))}
      <div className="checkbox-field">
        <input id={`${id}-accessible`} type="checkbox" checked={draft.accessible} onChange={(event) => set('accessible', event.target.checked)} />
        <label htmlFor={`${id}-accessible`}>{formatMessage({ id: 'remittances.product.accessible' })}</label>
      </div>
      <div className="checkbox-field">
        <input id={`${id}-on-top`} type="checkbox" checked={draft.feeChargedOnTop} onChange={(event) => set('feeChargedOnTop', event.target.checked)} />
        <label htmlFor={`${id}-on-top`}>{formatMessage({ id: 'remittances.product.fee_on_top' })}</label>
      </div>
      <FormField
        label={formatMessage({ id: 'remittances.product.coverage_note' })}
        hint={formatMessage({ id: 'remittances.product.coverage_note_hint' })}
        error={errors.get('/coverageNote')}
      >
        {(control) => <textarea {...control} rows={3} maxLength={500} value={draft.coverageNote} onChange={(event) => set('coverageNote', event.target.value)} />}
      </FormField>
      <PickupPointsField value={draft.pickupServiceIds} onChange={(ids) => set('pickupServiceIds', ids)} errorAt={(index) => errors.get(`/pickupServiceIds/${index}`)} />
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={add.isPending}>
          {product ? formatMessage({ id: 'remittances.product.save' }) : formatMessage({ id: 'remittances.product.submit' })}
        </button>
        {product && onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {formatMessage({ id: 'remittances.product.cancel' })}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {!product && create.isSuccess && (
          <p className="notice notice--success" role="status">
            {formatMessage({ id: 'remittances.product.added' }, { name: create.data.name })}
          </p>
        )}
      </div>
    </form>
  );
}
