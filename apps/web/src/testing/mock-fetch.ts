import { vi } from 'vitest';

/** Replaces `fetch`, the app's only way out, with `answer`; the setup file restores it after each test. */
export function mockFetch(answer: (url: URL, init: RequestInit | undefined) => Response | Promise<Response>) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) =>
    Promise.resolve(answer(new URL(String(input), 'http://localhost'), init)),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

export function jsonResponse(body: unknown, { status = 200, contentType = 'application/json' } = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}
