import type { Locale, ProblemFieldError } from '@glocal/contracts';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { textDirection } from '../../../lib/i18n';
import { emptyCost, type ServiceDraft } from '../utils/service-draft';

interface ListFieldProps<K extends 'requiredDocuments' | 'costs'> {
  value: ServiceDraft[K];
  onChange: (value: ServiceDraft[K]) => void;
  /** Field errors by JSON Pointer (`/requiredDocuments/0/document`, `/costs/1/currency`). */
  errors: Map<string, ProblemFieldError>;
  textLocale: Locale;
}

const without = <T,>(items: readonly T[], index: number) => items.filter((_, other) => other !== index);
const replaced = <T,>(items: readonly T[], index: number, item: T) => items.map((other, at) => (at === index ? item : other));

/** The documents to bring, one line each, in the language being edited. */
export function RequiredDocumentsField({ value, onChange, errors, textLocale }: ListFieldProps<'requiredDocuments'>) {
  const { formatMessage } = useIntl();
  const id = useId();
  return (
    <fieldset className="fieldset fieldset--nested" aria-describedby={`${id}-hint`}>
      <legend>{formatMessage({ id: 'directory.service.documents' })}</legend>
      <p id={`${id}-hint`} className="form-field__hint">
        {formatMessage({ id: 'directory.edit.documents_hint' })}
      </p>
      {value.length === 0 && <p>{formatMessage({ id: 'directory.service.no_documents' })}</p>}
      {value.map((item, index) => (
        <div key={item.id ?? `new-${index}`} className="service-edit__list-item">
          <FormField label={formatMessage({ id: 'directory.edit.document' }, { number: index + 1 })} error={errors.get(`/requiredDocuments/${index}/document`) ?? errors.get(`/requiredDocuments/${index}/id`)}>
            {(control) => (
              <input {...control} lang={textLocale} dir={textDirection(textLocale)} maxLength={500} value={item.document} onChange={(event) => onChange(replaced(value, index, { ...item, document: event.target.value }))} />
            )}
          </FormField>
          <button type="button" className="button button--secondary" onClick={() => onChange(without(value, index))}>
            {formatMessage({ id: 'directory.edit.document_remove' }, { number: index + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="button button--secondary" onClick={() => onChange([...value, { document: '' }])}>
        {formatMessage({ id: 'directory.edit.document_add' })}
      </button>
    </fieldset>
  );
}

/** What the service costs: each option's description (in the language being edited), amount and currency. */
export function CostsField({ value, onChange, errors, textLocale }: ListFieldProps<'costs'>) {
  const { formatMessage } = useIntl();
  const id = useId();
  return (
    <fieldset className="fieldset fieldset--nested" aria-describedby={`${id}-hint`}>
      <legend>{formatMessage({ id: 'directory.service.cost' })}</legend>
      <p id={`${id}-hint`} className="form-field__hint">
        {formatMessage({ id: 'directory.edit.costs_hint' })}
      </p>
      {value.map((item, index) => {
        const set = (field: 'option' | 'amount' | 'currency', typed: string) => onChange(replaced(value, index, { ...item, [field]: typed }));
        return (
          <div key={item.id ?? `new-${index}`} className="service-edit__list-item">
            <FormField label={formatMessage({ id: 'directory.edit.cost_option' }, { number: index + 1 })} error={errors.get(`/costs/${index}/option`) ?? errors.get(`/costs/${index}/id`)}>
              {(control) => <input {...control} lang={textLocale} dir={textDirection(textLocale)} maxLength={200} value={item.option} onChange={(event) => set('option', event.target.value)} />}
            </FormField>
            <div className="form-row">
              <FormField label={formatMessage({ id: 'directory.edit.cost_amount' })} hint={formatMessage({ id: 'directory.edit.cost_amount_hint' })} error={errors.get(`/costs/${index}/amount`)}>
                {(control) => <input {...control} inputMode="decimal" dir="ltr" value={item.amount} onChange={(event) => set('amount', event.target.value)} />}
              </FormField>
              <FormField
                label={formatMessage({ id: 'directory.edit.cost_currency' })}
                hint={formatMessage({ id: 'directory.edit.loan_currency_hint' })}
                error={errors.get(`/costs/${index}/currency`)}
                errorMessage={item.amount.trim() !== '' && item.currency.trim() === '' ? { id: 'directory.edit.cost_currency_required' } : undefined}
              >
                {(control) => <input {...control} maxLength={3} autoCapitalize="characters" dir="ltr" value={item.currency} onChange={(event) => set('currency', event.target.value)} />}
              </FormField>
            </div>
            <button type="button" className="button button--secondary" onClick={() => onChange(without(value, index))}>
              {formatMessage({ id: 'directory.edit.cost_remove' }, { number: index + 1 })}
            </button>
          </div>
        );
      })}
      <button type="button" className="button button--secondary" onClick={() => onChange([...value, emptyCost()])}>
        {formatMessage({ id: 'directory.edit.cost_add' })}
      </button>
    </fieldset>
  );
}
