import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { FormField } from '../../../components/ui/form-field';
import type { TerritoryChoice } from './directory-search';

/** "Territory" filter of the directory's search forms: any, or one territory (its sub-territories included), sorted in the reader's language. */
export function TerritoryFilter({
  territories,
  value,
  onChange,
}: {
  territories: readonly TerritoryChoice[] | undefined;
  value: string;
  onChange: (territoryId: string) => void;
}) {
  const { formatMessage, locale } = useIntl();
  const sorted = useMemo(() => [...(territories ?? [])].sort((a, b) => a.name.localeCompare(b.name, locale)), [territories, locale]);
  return (
    <FormField label={formatMessage({ id: 'directory.filters.territory' })}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{formatMessage({ id: 'directory.filters.any' })}</option>
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
