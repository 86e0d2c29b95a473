import type { Locale } from '@glocal/contracts';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import type { Messages } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';
import { AppProviders } from './providers';
import { createAppRouter } from './router';

interface AppProps {
  initialLocale: Locale;
  initialMessages: Messages;
}

export function App({ initialLocale, initialMessages }: AppProps) {
  const [router] = useState(createAppRouter);
  const [queryClient] = useState(createQueryClient);
  return (
    <AppProviders initialLocale={initialLocale} initialMessages={initialMessages} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
