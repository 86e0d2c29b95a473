import { TerritoryList } from '@glocal/contracts';
import { describe, expect, it } from 'vitest';
import { territoryListFixture } from '../features/territories/testing/territory-list.fixture';
import { jsonResponse, mockFetch } from '../testing/mock-fetch';
import { apiGet } from './api-client';
import { ApiProblem, errorCodeOf } from './api-problem';

const get = () => apiGet('/api/v1/territories', { schema: TerritoryList, locale: 'ar', query: { limit: 10, cursor: undefined } });

async function failure(promise: Promise<unknown>): Promise<ApiProblem> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiProblem)) throw new Error(`expected an ApiProblem, got ${String(error)}`);
  return error;
}

describe('apiGet', () => {
  it('sends the reader’s language and returns the validated body', async () => {
    const fetchMock = mockFetch(() => jsonResponse(territoryListFixture()));

    const list = await get();

    expect(list.items).toHaveLength(9);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/territories?limit=10');
    expect(new Headers(init?.headers).get('accept-language')).toBe('ar');
  });

  it('turns problem details into an ApiProblem carrying the code', async () => {
    const problem = { type: 'about:blank', title: 'Not found', status: 404, code: 'territory.not_found', requestId: 'req-1' };
    mockFetch(() => jsonResponse(problem, { status: 404, contentType: 'application/problem+json' }));

    const error = await failure(get());

    expect(error).toMatchObject({ code: 'territory.not_found', status: 404, problem: { requestId: 'req-1' } });
  });

  it('gives a code to an error page that is not problem details', async () => {
    mockFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }));

    expect((await failure(get())).code).toBe('service_unavailable');
  });

  it('reports a network failure as the service being unavailable', async () => {
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));

    expect((await failure(get())).code).toBe('service_unavailable');
  });

  it('refuses a body that breaks the contract', async () => {
    mockFetch(() => jsonResponse({ items: [{ id: 'not-a-uuid' }], nextCursor: null }));

    expect((await failure(get())).code).toBe('internal_error');
  });
});

describe('errorCodeOf', () => {
  it('shows any other error as an internal error', () => {
    expect(errorCodeOf(new Error('boom'))).toBe('internal_error');
    expect(errorCodeOf(new ApiProblem('forbidden', 403))).toBe('forbidden');
  });
});
