import { LoginResponse, MeView, Problem } from '@glocal/contracts';
import { jsonResponse, mockFetch } from '../../../testing/mock-fetch';

/** A signed-in person as `GET /auth/me` answers, checked against the contract. */
export function meFixture(overrides: Partial<MeView> = {}): MeView {
  return MeView.parse({
    id: '6f1c1c1e-2d6b-4c8e-9a57-3f3f4f0c2a11',
    email: 'coach.diourbel@glocal.test',
    displayName: 'Mamadou Fall',
    locale: 'fr',
    kind: 'staff',
    memberships: [{ organisationId: '0d4cbd1a-7a0f-4f55-8d7c-1c1d8c3b9e21', organisationName: 'CAIM Diourbel', role: 'coach' }],
    csrfToken: 'csrf-token-1',
    mfaEnabled: false,
    mfaEnrollmentRequired: false,
    ...overrides,
  });
}

export function challengeFixture() {
  return LoginResponse.parse({ mfaRequired: true, challenge: 'challenge-1' });
}

export function problemResponse(status: number, problem: Partial<Problem> & Pick<Problem, 'code'>, headers: Record<string, string> = {}) {
  const body = Problem.parse({ type: 'about:blank', title: problem.code, status, ...problem });
  const response = jsonResponse(body, { status, contentType: 'application/problem+json' });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

type Handler = (request: { url: URL; init: RequestInit | undefined; body: unknown }) => Response | Promise<Response>;

/**
 * A fake API, one handler per "METHOD /path"; anything else answers 404. Who is signed in
 * (`GET /api/v1/auth/me`) answers `me`, or 401 when it is null.
 */
export function fakeApi(handlers: Record<string, Handler>, { me = null }: { me?: MeView | null } = {}) {
  return mockFetch((url, init) => {
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const handler = handlers[key];
    if (handler) return handler({ url, init, body });
    if (key === 'GET /api/v1/auth/me') return me ? jsonResponse(me) : problemResponse(401, { code: 'unauthenticated' });
    return problemResponse(404, { code: 'route_not_found' });
  });
}

/** The requests the app sent, as "METHOD /path" with their JSON bodies and headers. */
export function sentRequests(fetchMock: ReturnType<typeof mockFetch>) {
  return fetchMock.mock.calls.map(([input, init]) => ({
    key: `${init?.method ?? 'GET'} ${new URL(String(input), 'http://localhost').pathname}`,
    body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    headers: new Headers(init?.headers),
    credentials: init?.credentials,
  }));
}
