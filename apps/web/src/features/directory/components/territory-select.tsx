import type { ProblemFieldError } from '@glocal/contracts';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import type { TerritoryChoice } from './directory-search';

/**
 * A choice of one territory or none, sorted in the reader's language: by default the "Territory"
 * filter of the directory's search forms (a territory with its sub-territories, or any).
 */
export function TerritorySelect({
  territories,
  value,
  onChange,
  label,
  noneLabel,
  hint,
  error,
}: {
  territories: readonly TerritoryChoice[] | undefined;
  value: string;
  onChange: (territoryId: string) => void;
  label?: string;
  noneLabel?: string;
  hint?: string;
  error?: ProblemFieldError | undefined;
}) {
  const { formatMessage, locale } = useIntl();
  const sorted = useMemo(() => [...(territories ?? [])].sort((a, b) => a.name.localeCompare(b.name, locale)), [territories, locale]);
  return (
    <FormField label={label ?? formatMessage({ id: 'directory.filters.territory' })} hint={hint} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{noneLabel ?? formatMessage({ id: 'directory.filters.any' })}</option>
          {sorted.map((territory) => (
            <option key={territory.id} value={territory.id}>
              {formatMessage({ id: 'directory.filters.territory_option' }, { name: territory.name, code: territory.code })}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
