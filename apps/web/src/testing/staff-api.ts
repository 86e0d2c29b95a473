import { MeView, Problem, type MembershipView } from '@glocal/contracts';
import { jsonResponse, mockFetch } from './mock-fetch';

/** A signed-in staff member as `GET /api/v1/auth/me` answers, checked against the contract. */
export function staffMe(memberships: MembershipView[], overrides: Partial<MeView> = {}): MeView {
  return MeView.parse({
    id: '20000000-0000-4000-8000-0000000000aa',
    email: 'officer.diourbel@glocal.test',
    displayName: 'Ousmane Ndiaye',
    locale: 'en',
    kind: 'staff',
    memberships,
    csrfToken: 'csrf-token-staff',
    mfaEnabled: false,
    mfaEnrollmentRequired: false,
    ...overrides,
  });
}

export function problemResponse(status: number, problem: Partial<Problem> & Pick<Problem, 'code'>) {
  return jsonResponse(Problem.parse({ type: 'about:blank', title: problem.code, status, ...problem }), {
    status,
    contentType: 'application/problem+json',
  });
}

export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** The body as sent: a JSON or CSV string. */
  body: string | undefined;
}

type Handler = (request: SentRequest) => Response | Promise<Response>;

/**
 * A fake API at the fetch boundary: one handler per "METHOD /path" (query strings are the
 * handler's business); `GET /api/v1/auth/me` answers `me`; anything else answers 404.
 * Returns every request sent, in order.
 */
export function fakeStaffApi(handlers: Record<string, Handler>, me: MeView | null) {
  const sent: SentRequest[] = [];
  const fetchMock = mockFetch((url, init) => {
    const request: SentRequest = {
      method: init?.method ?? 'GET',
      url,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
    };
    sent.push(request);
    const handler = handlers[`${request.method} ${url.pathname}`];
    if (handler) return handler(request);
    if (url.pathname === '/api/v1/auth/me') return me ? jsonResponse(me) : problemResponse(401, { code: 'unauthenticated' });
    return problemResponse(404, { code: 'route_not_found' });
  });
  return { sent, fetchMock };
}
