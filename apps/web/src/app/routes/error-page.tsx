import { useIntl } from 'react-intl';
import { PageHeading } from '../../components/ui/page-heading';

/**
 * What a reader sees when a page crashes. Also rendered outside the router,
 * hence a plain link: a full reload is the surest way back after a crash.
 */
export function ErrorPage() {
  const { formatMessage } = useIntl();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'error_page.title' })}</PageHeading>
      <p>{formatMessage({ id: 'error_page.body' })}</p>
      <p>
        <a href="/">{formatMessage({ id: 'common.back_home' })}</a>
      </p>
    </>
  );
}
