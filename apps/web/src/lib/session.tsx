// Loaded on every page, the home page included: no zod here (schemas only in lazily loaded routes).
import type { MeView, Permission } from '@glocal/contracts';
import { ROLE_PERMISSIONS } from '@glocal/contracts/roles';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Navigate, useLocation } from 'react-router';
import { LoadingMessage } from '../components/ui/loading-message';
import { ApiProblem } from './api-problem';

export type SessionStatus = 'loading' | 'signed_in' | 'signed_out';

export interface Session {
  /** The signed-in person, null when nobody is (or while loading). */
  me: MeView | null;
  status: SessionStatus;
  /** Asks the server again who is signed in (after a change of roles or of language, say). */
  refresh: () => Promise<void>;
  /**
   * Ends this session on the server (or, `everywhere`, every session of the account: a lost phone,
   * a shared computer), then forgets every private answer cached in this tab.
   */
  signOut: (options?: { everywhere?: boolean }) => Promise<void>;
  /** Records the person a sign-in (or an accepted invitation) answered, without asking again. */
  signedIn: (me: MeView) => void;
  /**
   * Whether one of the person's roles grants `permission`, in `organisationId` when given
   * (platform-wide roles count everywhere). Only to hide controls: the server decides.
   */
  can: (permission: Permission, organisationId?: string) => boolean;
}

export const SESSION_QUERY_KEY = ['session', 'me'] as const;
const ME_PATH = '/api/v1/auth/me';

// ---- The CSRF token, read by api-client.ts for every write ------------------------------------

/** The header carrying the session's CSRF token on every write (see the server's auth plugin). */
export const CSRF_HEADER = 'x-csrf-token';

let currentCsrfToken: string | null = null;

/** The token to echo in `x-csrf-token` on cookie-authenticated writes; null when signed out. */
export function csrfToken(): string | null {
  return currentCsrfToken;
}

function remember(me: MeView | null): MeView | null {
  currentCsrfToken = me?.csrfToken ?? null;
  return me;
}

// ---- Talking to the server, without the schema library -------------------------------------------

/**
 * A light check that the answer is who-is-signed-in, not something else: the full schema
 * (zod) would put the schema library on the home page for a single object from our own server.
 */
function isMeView(value: unknown): value is MeView {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof MeView, unknown>>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.displayName === 'string' &&
    typeof candidate.csrfToken === 'string' &&
    Array.isArray(candidate.memberships)
  );
}

/** Who is signed in: the person, or null on 401. Other failures throw an ApiProblem. */
export async function fetchMe(signal?: AbortSignal): Promise<MeView | null> {
  let response: Response;
  try {
    response = await fetch(ME_PATH, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json' },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiProblem('service_unavailable', 0);
  }
  if (response.status === 401) return remember(null);
  if (!response.ok) throw new ApiProblem(response.status === 429 ? 'rate_limited' : 'service_unavailable', response.status);
  const body: unknown = await response.json().catch(() => undefined);
  if (!isMeView(body)) throw new ApiProblem('internal_error', response.status);
  return remember(body);
}

async function postSignOut(everywhere: boolean): Promise<void> {
  const token = csrfToken();
  const response = await fetch(everywhere ? '/api/v1/auth/logout-everywhere' : '/api/v1/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', ...(token ? { [CSRF_HEADER]: token } : {}) },
  });
  // 401: the session had already ended (expired, or signed out from another tab): that is the goal.
  if (!response.ok && response.status !== 401) throw new ApiProblem('service_unavailable', response.status);
}

// ---- Permissions, to hide controls ----------------------------------------------------------------

/** Whether `me` holds a role granting `permission`: anywhere, or in `organisationId` (platform roles count everywhere). */
export function meCan(me: MeView | null, permission: Permission, organisationId?: string): boolean {
  if (!me) return false;
  return me.memberships.some(
    (membership) =>
      (organisationId === undefined || membership.organisationId === null || membership.organisationId === organisationId) &&
      ROLE_PERMISSIONS[membership.role].includes(permission),
  );
}

// ---- The provider and hook -----------------------------------------------------------------------

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    // Who is signed in only changes through this tab's own actions, which update the cache.
    staleTime: Infinity,
  });
  const me = query.data ?? null;
  const status: SessionStatus = query.isPending ? 'loading' : me ? 'signed_in' : 'signed_out';

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
  }, [queryClient]);

  const signedIn = useCallback(
    (next: MeView) => {
      queryClient.setQueryData(SESSION_QUERY_KEY, remember(next));
    },
    [queryClient],
  );

  const signOut = useCallback(async ({ everywhere = false }: { everywhere?: boolean } = {}) => {
    await postSignOut(everywhere);
    // Nothing the previous person could see may stay in memory for the next one at this computer.
    queryClient.removeQueries({ predicate: (cached) => cached.queryKey[0] !== SESSION_QUERY_KEY[0] });
    queryClient.setQueryData(SESSION_QUERY_KEY, remember(null));
  }, [queryClient]);

  const can = useCallback((permission: Permission, organisationId?: string) => meCan(me, permission, organisationId), [me]);

  const session = useMemo<Session>(
    () => ({ me, status, refresh, signOut, signedIn, can }),
    [me, status, refresh, signOut, signedIn, can],
  );
  return <SessionContext value={session}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The sign-in page's address that comes back to `path` afterwards. */
export function signInPath(path: string): string {
  return `/sign-in?${new URLSearchParams({ next: path }).toString()}`;
}

/** Shows `children` to a signed-in person only; sends anyone else to sign in, then back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const { pathname, search, hash } = useLocation();
  const { formatMessage } = useIntl();
  if (status === 'loading') return <LoadingMessage>{formatMessage({ id: 'app.loading' })}</LoadingMessage>;
  if (status === 'signed_out') return <Navigate to={signInPath(`${pathname}${search}${hash}`)} replace />;
  return children;
}
