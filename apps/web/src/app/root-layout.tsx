import { Suspense, useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { LanguageSwitcher } from '../components/ui/language-switcher';
import { LoadingMessage } from '../components/ui/loading-message';
import { SkipLink } from '../components/ui/skip-link';
import { AccountMenu } from '../features/auth/components/account-menu';
import { useSession } from '../lib/session';

const MAIN_ID = 'main';

export function RootLayout() {
  const { formatMessage } = useIntl();
  const main = useFocusMainOnNavigation();
  const { can, me } = useSession();

  return (
    <div className="layout">
      <SkipLink targetId={MAIN_ID}>{formatMessage({ id: 'app.skip_to_content' })}</SkipLink>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-header__brand">
            {formatMessage({ id: 'app.name' })}
          </Link>
          <nav className="primary-nav" aria-label={formatMessage({ id: 'nav.label' })}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {formatMessage({ id: 'nav.home' })}
                </NavLink>
              </li>
              <li>
                <NavLink to="/territories">{formatMessage({ id: 'nav.territories' })}</NavLink>
              </li>
              <li>
                <NavLink to="/directory">{formatMessage({ id: 'directory.nav' })}</NavLink>
              </li>
              <li>
                <NavLink to="/send-money">{formatMessage({ id: 'nav.send_money' })}</NavLink>
              </li>
              <li>
                <NavLink to="/intake">{formatMessage({ id: 'nav.intake' })}</NavLink>
              </li>
              {/* The network's staff pages, for those whose roles let them read them. */}
              {can('organisations:read') && (
                <li>
                  <NavLink to="/organisations">{formatMessage({ id: 'nav.organisations' })}</NavLink>
                </li>
              )}
              {can('partnerships:read') && (
                <li>
                  <NavLink to="/partnerships">{formatMessage({ id: 'nav.partnerships' })}</NavLink>
                </li>
              )}
              {can('cases:read') && (
                <li>
                  <NavLink to="/cases">{formatMessage({ id: 'nav.cases' })}</NavLink>
                </li>
              )}
              {can('referrals:decide') && (
                <li>
                  <NavLink to="/referrals">{formatMessage({ id: 'case_collaboration.nav.referrals' })}</NavLink>
                </li>
              )}
              {can('people:merge') && (
                <li>
                  <NavLink to="/people/duplicates">{formatMessage({ id: 'people.duplicates.nav' })}</NavLink>
                </li>
              )}
              {can('directory:review') && (
                <li>
                  <NavLink to="/directory/review">{formatMessage({ id: 'directory.review_queue.nav' })}</NavLink>
                </li>
              )}
              {can('remittances:report') && (
                <li>
                  <NavLink to="/remittances/reports">{formatMessage({ id: 'nav.remittance_reports' })}</NavLink>
                </li>
              )}
              {can('remittances:record_transfers') && (
                <li>
                  <NavLink to="/remittances/transfers">{formatMessage({ id: 'nav.remittance_transfers' })}</NavLink>
                </li>
              )}
              {can('remittances:manage_prices') && (
                <li>
                  <NavLink to="/remittances/provider">{formatMessage({ id: 'nav.remittance_provider' })}</NavLink>
                </li>
              )}
              {can('audit:read') && (
                <li>
                  <NavLink to="/audit">{formatMessage({ id: 'nav.audit' })}</NavLink>
                </li>
              )}
              {can('erasure:decide') && (
                <li>
                  <NavLink to="/erasure-requests">{formatMessage({ id: 'my_requests.dpo.nav' })}</NavLink>
                </li>
              )}
              {me?.kind === 'migrant' && (
                <li>
                  <NavLink to="/my-requests">{formatMessage({ id: 'my_requests.nav' })}</NavLink>
                </li>
              )}
              <li>
                {/* Served by the API server, outside this app: a full page load, not a route. */}
                <a href="/api/docs">{formatMessage({ id: 'nav.api_docs' })}</a>
              </li>
            </ul>
          </nav>
          <LanguageSwitcher />
          <AccountMenu />
        </div>
      </header>
      <main id={MAIN_ID} ref={main} tabIndex={-1}>
        {/* Pages loaded on demand show this inside the layout while their code arrives. */}
        <Suspense fallback={<LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{formatMessage({ id: 'app.footer' })}</p>
      </footer>
    </div>
  );
}

/**
 * After a client-side navigation, moves focus to the new page's content, as a full page load
 * would, so screen-reader users hear the new page instead of staying on the old link.
 */
function useFocusMainOnNavigation() {
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);

  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    main.current?.focus();
  }, [pathname]);

  return main;
}
