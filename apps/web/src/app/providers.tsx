import { DEFAULT_LOCALE, type LocaleCode as Locale } from '@glocal/contracts/locales';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { ErrorBoundary } from '../components/ui/error-boundary';
import { SessionProvider } from '../lib/session';
import {
  LocaleContext,
  applyDocumentLocale,
  loadMessages,
  rememberLocale,
  type LocaleState,
  type Messages,
} from '../lib/i18n';
import { ErrorPage } from './routes/error-page';

interface AppProvidersProps {
  initialLocale: Locale;
  initialMessages: Messages;
  queryClient: QueryClient;
  children: ReactNode;
}

export function AppProviders({ initialLocale, initialMessages, queryClient, children }: AppProvidersProps) {
  const [catalogue, setCatalogue] = useState({ locale: initialLocale, messages: initialMessages });
  // When the reader switches twice quickly, only the last choice may win.
  const latestRequest = useRef(initialLocale);

  const changeLocale = useCallback(async (next: Locale) => {
    latestRequest.current = next;
    const messages = await loadMessages(next);
    if (latestRequest.current !== next) return;
    setCatalogue({ locale: next, messages });
    rememberLocale(next);
  }, []);

  useEffect(() => applyDocumentLocale(catalogue.locale), [catalogue.locale]);

  const localeState = useMemo<LocaleState>(
    () => ({ locale: catalogue.locale, changeLocale }),
    [catalogue.locale, changeLocale],
  );

  return (
    <LocaleContext value={localeState}>
      <IntlProvider locale={catalogue.locale} defaultLocale={DEFAULT_LOCALE} messages={catalogue.messages}>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <ErrorBoundary fallback={<ErrorPage />}>{children}</ErrorBoundary>
          </SessionProvider>
        </QueryClientProvider>
      </IntlProvider>
    </LocaleContext>
  );
}
