import { beforeAll, vi } from 'vitest';

/**
 * Loads the pages' on-demand code before a file's tests run: the first load of a route (and of
 * the schemas it imports) can take several seconds on a busy machine, more than a test's timeout.
 */
export function preloadRoutes() {
  // Journeys through several pages: give them room on a loaded machine (CI runs many files at once).
  vi.setConfig({ testTimeout: 15_000 });
  beforeAll(async () => {
    await Promise.all([
      import('../../../app/routes/sign-in-route'),
      import('../../../app/routes/account-route'),
      import('../../../app/routes/invitation-accept-route'),
      import('../../../app/routes/password-reset-route'),
      import('../../../app/routes/register-route'),
      import('../../../app/routes/territories-route'),
    ]);
  }, 60_000);
}
