import { useIntl } from 'react-intl';
import { PageHeading } from '../../components/ui/page-heading';
import { HsdsExport } from '../../features/directory/components/hsds-export';
import { HsdsImport } from '../../features/directory/components/hsds-import';
import { useTerritories } from '../../features/territories/api/get-territories';

export function DirectoryImportRoute() {
  const { formatMessage } = useIntl();
  const territories = useTerritories();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'directory.import.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'directory.import.intro' })}</p>
      <HsdsImport territories={territories.data} />
      <HsdsExport />
    </>
  );
}
