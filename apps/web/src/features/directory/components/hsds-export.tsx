import { useIntl } from 'react-intl';
import { HSDS_EXPORT_ZIP_URL } from '../api/directory';

/** Territory officers download the whole directory as an HSDS 3.0 datapackage (CSV files and datapackage.json, zipped). */
export function HsdsExport() {
  const { formatMessage } = useIntl();
  return (
    <section aria-labelledby="hsds-export">
      <h2 id="hsds-export">{formatMessage({ id: 'directory.export.title' })}</h2>
      <p>{formatMessage({ id: 'directory.export.intro' })}</p>
      <p>
        {/* A plain link: the browser downloads the file with the session cookie; the server checks the permission. */}
        <a className="button button--secondary" href={HSDS_EXPORT_ZIP_URL} download="hsds-datapackage.zip">
          {formatMessage({ id: 'directory.export.download' })}
        </a>
      </p>
    </section>
  );
}
