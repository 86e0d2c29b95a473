import type { ProblemFieldError } from '@glocal/contracts';
import { useId, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { FieldError } from '../../../components/ui/field-error';
import { LoadingMessage } from '../../../components/ui/loading-message';
import { ProblemMessage } from '../../../components/ui/problem-message';
import { usePickupPointNames, usePickupPointSearch } from '../api/provider-reporting';

interface PickupPointsFieldProps {
  /** The directory services linked, in the order chosen. */
  value: readonly string[];
  onChange: (serviceIds: string[]) => void;
  /** The server's errors on `/pickupServiceIds/<index>`, by index. */
  errorAt: (index: number) => ProblemFieldError | undefined;
}

/**
 * A product's network coverage: the places of the services directory (agents, branches, post
 * offices) where the money can be collected, found by words and added one by one. Lives inside the
 * product form, so its search never submits that form.
 */
export function PickupPointsField({ value, onChange, errorAt }: PickupPointsFieldProps) {
  const { formatMessage } = useIntl();
  const id = useId();
  const [words, setWords] = useState('');
  const [q, setQ] = useState('');
  const names = usePickupPointNames(value);
  const search = usePickupPointSearch(q);
  const nameOf = (serviceId: string) => names.get(serviceId) ?? formatMessage({ id: 'remittances.pickup_points.unnamed' });

  const find = () => setQ(words.trim());
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    find();
  };

  return (
    <fieldset className="form-field">
      <legend>{formatMessage({ id: 'remittances.pickup_points.legend' })}</legend>
      <p className="form-field__hint" id={`${id}-hint`}>
        {formatMessage({ id: 'remittances.pickup_points.hint' })}
      </p>
      {value.length === 0 ? (
        <p>{formatMessage({ id: 'remittances.pickup_points.none' })}</p>
      ) : (
        <ul aria-label={formatMessage({ id: 'remittances.pickup_points.linked' })}>
          {value.map((serviceId, index) => (
            <li key={serviceId}>
              {nameOf(serviceId)}{' '}
              <button type="button" className="button button--secondary" onClick={() => onChange(value.filter((other) => other !== serviceId))}>
                {formatMessage({ id: 'remittances.pickup_points.remove' }, { name: nameOf(serviceId) })}
              </button>
              <FieldError id={`${id}-error-${index}`} error={errorAt(index)} message={{ id: 'remittances.pickup_points.not_found' }} />
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-search`}>{formatMessage({ id: 'remittances.pickup_points.search' })}</label>
      <input id={`${id}-search`} type="search" aria-describedby={`${id}-hint`} maxLength={200} value={words} onChange={(event) => setWords(event.target.value)} onKeyDown={onKeyDown} />
      <button type="button" className="button button--secondary" onClick={find}>
        {formatMessage({ id: 'remittances.pickup_points.search_submit' })}
      </button>
      {q !== '' && search.isPending && <LoadingMessage>{formatMessage({ id: 'remittances.pickup_points.searching' })}</LoadingMessage>}
      {search.isError && <ProblemMessage error={search.error} onRetry={() => void search.refetch()} />}
      {search.data &&
        (search.data.items.length === 0 ? (
          <p role="status">{formatMessage({ id: 'remittances.pickup_points.no_results' })}</p>
        ) : (
          <ul aria-label={formatMessage({ id: 'remittances.pickup_points.results' })}>
            {search.data.items.map((service) => (
              <li key={service.id}>
                {formatMessage({ id: 'remittances.pickup_points.result' }, { service: service.name, organisation: service.organizationName })}{' '}
                <button type="button" className="button button--secondary" disabled={value.includes(service.id)} onClick={() => onChange([...value, service.id])}>
                  {formatMessage({ id: 'remittances.pickup_points.add' }, { name: service.name })}
                </button>
              </li>
            ))}
          </ul>
        ))}
    </fieldset>
  );
}
