import type { ProblemFieldError } from '@glocal/contracts';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import { sortTerritories, type TerritoryChoice } from '../utils/sort-territories';

/** A choice of one territory or none (`noneLabel`, value ''), sorted in the reader's language. */
export function TerritorySelect({
  territories,
  value,
  onChange,
  label,
  noneLabel,
  hint,
  error,
  required = false,
}: {
  territories: readonly TerritoryChoice[] | undefined;
  value: string;
  onChange: (territoryId: string) => void;
  label: string;
  noneLabel: string;
  hint?: string;
  error?: ProblemFieldError | undefined;
  /** The none choice then only prompts: the form cannot be sent with it. */
  required?: boolean;
}) {
  const { formatMessage, locale } = useIntl();
  const sorted = useMemo(() => sortTerritories(territories ?? [], locale), [territories, locale]);
  return (
    <FormField label={label} hint={hint} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)} required={required}>
          <option value="">{noneLabel}</option>
          {sorted.map((territory) => (
            <option key={territory.id} value={territory.id}>
              {formatMessage({ id: 'territories.option' }, { name: territory.name, code: territory.code })}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
