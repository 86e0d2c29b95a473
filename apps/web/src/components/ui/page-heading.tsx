import { useIntl } from 'react-intl';

/** The page's one `<h1>`, also used as the document title so each page is announced by name. */
export function PageHeading({ children }: { children: string }) {
  const { formatMessage } = useIntl();
  return (
    <>
      <title>{formatMessage({ id: 'app.document_title' }, { page: children })}</title>
      <h1>{children}</h1>
    </>
  );
}
