import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { PageHeading } from '../../components/ui/page-heading';
import { CapabilityList } from '../../features/home/components/capability-list';

export function HomeRoute() {
  const { formatMessage } = useIntl();
  return (
    <>
      <PageHeading>{formatMessage({ id: 'home.title' })}</PageHeading>
      <p className="lead">{formatMessage({ id: 'home.intro' })}</p>

      <section aria-labelledby="capabilities-title">
        <h2 id="capabilities-title">{formatMessage({ id: 'home.capabilities.title' })}</h2>
        <CapabilityList />
      </section>

      <section aria-labelledby="explore-title">
        <h2 id="explore-title">{formatMessage({ id: 'home.explore.title' })}</h2>
        <ul className="link-list">
          <li>
            <Link to="/intake">{formatMessage({ id: 'home.explore.intake' })}</Link>
          </li>
          <li>
            <Link to="/send-money">{formatMessage({ id: 'home.explore.send_money' })}</Link>
          </li>
          <li>
            <Link to="/territories">{formatMessage({ id: 'home.explore.territories' })}</Link>
          </li>
          <li>
            <a href="/api/docs">{formatMessage({ id: 'home.explore.api_docs' })}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
