import { DEFAULT_LOCALE, type Locale } from '@glocal/contracts';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { AppProviders } from '../app/providers';
import { routes } from '../app/router';
import { loadMessages } from '../lib/i18n';

interface RenderOptions {
  locale?: Locale;
}

/** Renders one component with the app's providers (intl, locale, queries), without routing. */
export async function renderWithProviders(ui: ReactElement, { locale = DEFAULT_LOCALE }: RenderOptions = {}) {
  // No retries: a failing request should show its error state at once.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const messages = await loadMessages(locale);
  return render(
    <AppProviders initialLocale={locale} initialMessages={messages} queryClient={queryClient}>
      {ui}
    </AppProviders>,
  );
}

/** Renders the whole app (layout, routes, providers) at `path`, as a reader opening that address. */
export function renderApp(path: string, options: RenderOptions = {}) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return renderWithProviders(<RouterProvider router={router} />, options);
}


/** Renders `ui` as the page at `path` (for components that read the address or link elsewhere). */
export async function renderAtPath(ui: ReactElement, path: string, options: RenderOptions = {}) {
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [path] });
  const result = await renderWithProviders(<RouterProvider router={router} />, options);
  return { router, ...result };
}
