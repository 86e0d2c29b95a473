// The intake page on its own: what a person on a cheap phone downloads when they open /intake
// directly. No router, no query cache, no schema library: React, react-intl and the form only,
// so the page stays under 100 KB of JS (bench/cases-intake.bench.ts measures it).
import { DEFAULT_LOCALE, type LocaleCode as Locale } from '@glocal/contracts/locales';
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider, useIntl } from 'react-intl';
import { IntakeRoute } from './app/routes/intake-route';
import { prefetchIntakeOptions } from './features/intake/api/intake-api';
import en from './i18n/en.json?intake';
import { LanguageSwitcher } from './components/ui/language-switcher';
import { SkipLink } from './components/ui/skip-link';
import { LocaleContext, applyDocumentLocale, initialLocale, rememberLocale, type LocaleState, type Messages } from './lib/i18n';

// Only the intake page's messages: English in the bundle (the fallback, and one round trip fewer
// for its readers), the other languages on demand.
const catalogues: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: async () => ({ default: en }),
  fr: () => import('./i18n/fr.json?intake'),
  es: () => import('./i18n/es.json?intake'),
  it: () => import('./i18n/it.json?intake'),
  ar: () => import('./i18n/ar.json?intake'),
};
const loadMessages = async (locale: Locale) => (await catalogues[locale]()).default;
import './styles.css';

function IntakeShell() {
  const { formatMessage } = useIntl();
  return (
    <div className="layout">
      <SkipLink targetId="main">{formatMessage({ id: 'app.skip_to_content' })}</SkipLink>
      <header className="site-header">
        <div className="site-header__inner">
          <a href="/" className="site-header__brand">
            {formatMessage({ id: 'app.name' })}
          </a>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <IntakeRoute />
      </main>
      <footer className="site-footer">
        <p>{formatMessage({ id: 'app.footer' })}</p>
      </footer>
    </div>
  );
}

function IntakeApp({ initial }: { initial: { locale: Locale; messages: Messages } }) {
  const [catalogue, setCatalogue] = useState(initial);
  const latest = useRef(initial.locale);
  const changeLocale = useCallback(async (next: Locale) => {
    latest.current = next;
    const messages = await loadMessages(next);
    if (latest.current !== next) return;
    setCatalogue({ locale: next, messages });
    rememberLocale(next);
  }, []);
  useEffect(() => applyDocumentLocale(catalogue.locale), [catalogue.locale]);
  const state = useMemo<LocaleState>(() => ({ locale: catalogue.locale, changeLocale }), [catalogue.locale, changeLocale]);
  return (
    <LocaleContext value={state}>
      <IntlProvider locale={catalogue.locale} defaultLocale={DEFAULT_LOCALE} messages={catalogue.messages}>
        <IntakeShell />
      </IntlProvider>
    </LocaleContext>
  );
}

async function start() {
  let locale = initialLocale();
  prefetchIntakeOptions(locale);
  let messages: Messages;
  try {
    messages = await loadMessages(locale);
  } catch {
    locale = DEFAULT_LOCALE;
    messages = await loadMessages(locale);
  }
  applyDocumentLocale(locale);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <IntakeApp initial={{ locale, messages }} />
    </StrictMode>,
  );
}

void start();
