import { useEffect } from 'react';
import { useIntl } from 'react-intl';

/** The page's one `<h1>`, also used as the document title so each page is announced by name. */
export function PageHeading({ children }: { children: string }) {
  const { formatMessage } = useIntl();
  const documentTitle = formatMessage({ id: 'app.document_title' }, { page: children });
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  return <h1>{children}</h1>;
}
