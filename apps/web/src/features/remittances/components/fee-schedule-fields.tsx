import type { ProblemFieldError } from '@glocal/contracts';
import { useId, useRef } from 'react';
import { useIntl } from 'react-intl';
import { FieldError } from '../../../components/ui/field-error';
import { FormField } from '../../../components/ui/form-field';
import { emptyTier, type FeeDraft, type TierDraft } from '../utils/fee-schedule';

interface FeeScheduleFieldsProps {
  value: FeeDraft;
  onChange: (next: FeeDraft) => void;
  /** Field errors keyed by JSON Pointer under `/fee` (`/fee/fixed`, `/fee/tiers/1/upTo`). */
  errors: Map<string, ProblemFieldError>;
}

/** A fee schedule as the API takes it: a fixed part and/or a percentage for any amount, or tiers by amount sent. */
export function FeeScheduleFields({ value, onChange, errors }: FeeScheduleFieldsProps) {
  const { formatMessage } = useIntl();
  const id = useId();
  const tierList = useRef<HTMLOListElement>(null);
  const nextKey = useRef(value.tiers.reduce((max, tier) => Math.max(max, tier.key), 0) + 1);
  const scheduleError = errors.get('/fee') ?? errors.get('/fee/tiers');

  const updateTier = (key: number, change: Partial<TierDraft>) =>
    onChange({ ...value, tiers: value.tiers.map((tier) => (tier.key === key ? { ...tier, ...change } : tier)) });

  function addTier() {
    onChange({ ...value, tiers: [...value.tiers, emptyTier(nextKey.current++)] });
    // Take the keyboard to the new tier's first field.
    requestAnimationFrame(() => tierList.current?.lastElementChild?.querySelector<HTMLElement>('input')?.focus());
  }

  function removeTier(key: number) {
    onChange({ ...value, tiers: value.tiers.filter((tier) => tier.key !== key) });
    requestAnimationFrame(() => tierList.current?.querySelector<HTMLElement>('input')?.focus());
  }

  const decimal = (label: string, pointer: string, current: string, set: (next: string) => void, hint?: string) => (
    <FormField label={label} hint={hint} error={errors.get(pointer)}>
      {(control) => <input {...control} inputMode="decimal" autoComplete="off" value={current} onChange={(event) => set(event.target.value)} />}
    </FormField>
  );

  return (
    <fieldset className="fieldset" aria-describedby={scheduleError ? `${id}-error` : undefined}>
      <legend>{formatMessage({ id: 'remittances.fee.legend' })}</legend>
      <p className="form-field__hint">{formatMessage({ id: 'remittances.fee.hint' })}</p>
      <FieldError id={`${id}-error`} error={scheduleError} message={{ id: 'remittances.fee.schedule_invalid' }} />
      <div className="radio-group" role="radiogroup" aria-label={formatMessage({ id: 'remittances.fee.kind' })}>
        {(['flat', 'tiers'] as const).map((kind) => (
          <label key={kind} className="radio">
            <input type="radio" name={`${id}-kind`} value={kind} checked={value.kind === kind} onChange={() => onChange({ ...value, kind })} />
            {formatMessage(kind === 'flat' ? { id: 'remittances.fee.kind_flat' } : { id: 'remittances.fee.kind_tiers' })}
          </label>
        ))}
      </div>
      {value.kind === 'flat' ? (
        <div className="form-row">
          {decimal(formatMessage({ id: 'remittances.fee.fixed' }), '/fee/fixed', value.fixed, (fixed) => onChange({ ...value, fixed }))}
          {decimal(formatMessage({ id: 'remittances.fee.percent' }), '/fee/percent', value.percent, (percent) => onChange({ ...value, percent }))}
        </div>
      ) : (
        <>
          <p className="form-field__hint">{formatMessage({ id: 'remittances.fee.tiers_hint' })}</p>
          <ol className="partner-rows" ref={tierList}>
            {value.tiers.map((tier, index) => {
              const pointer = `/fee/tiers/${index}`;
              const tierError = errors.get(pointer);
              return (
                <li key={tier.key}>
                  <fieldset className="fieldset fieldset--nested" aria-describedby={tierError ? `${id}-tier-${tier.key}-error` : undefined}>
                    <legend>{formatMessage({ id: 'remittances.fee.tier_number' }, { number: index + 1 })}</legend>
                    <FieldError id={`${id}-tier-${tier.key}-error`} error={tierError} message={{ id: 'remittances.fee.tier_invalid' }} />
                    <div className="form-row">
                      {decimal(formatMessage({ id: 'remittances.fee.over' }), `${pointer}/over`, tier.over, (over) => updateTier(tier.key, { over }))}
                      {decimal(formatMessage({ id: 'remittances.fee.up_to' }), `${pointer}/upTo`, tier.upTo, (upTo) => updateTier(tier.key, { upTo }))}
                    </div>
                    <div className="form-row">
                      {decimal(formatMessage({ id: 'remittances.fee.fixed' }), `${pointer}/fixed`, tier.fixed, (fixed) => updateTier(tier.key, { fixed }))}
                      {decimal(formatMessage({ id: 'remittances.fee.percent' }), `${pointer}/percent`, tier.percent, (percent) => updateTier(tier.key, { percent }))}
                    </div>
                    {value.tiers.length > 1 && (
                      <button type="button" className="button button--small button--secondary" onClick={() => removeTier(tier.key)}>
                        {formatMessage({ id: 'remittances.fee.remove_tier' }, { number: index + 1 })}
                      </button>
                    )}
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <button type="button" className="button button--secondary" onClick={addTier}>
            {formatMessage({ id: 'remittances.fee.add_tier' })}
          </button>
        </>
      )}
    </fieldset>
  );
}
