import { Problem, type ErrorCode, type Locale } from '@glocal/contracts';
import { ApiProblem } from './api-problem';
import { CSRF_HEADER, csrfToken } from './session';

// Used when a proxy or a crash answers without problem details.
function codeForStatus(status: number): ErrorCode {
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'service_unavailable';
  return 'internal_error';
}

/** `Retry-After` in seconds (a proxy may send it without our `params.retryAfterSeconds`); dates are ignored. */
function retryAfterHeader(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after') ?? Number.NaN);
  return Number.isInteger(seconds) && seconds > 0 ? seconds : undefined;
}

async function problemFrom(response: Response): Promise<ApiProblem> {
  const contentType = response.headers.get('content-type') ?? '';
  const retryAfterSeconds = response.status === 429 ? retryAfterHeader(response) : undefined;
  if (contentType.includes('json')) {
    const parsed = Problem.safeParse(await response.json().catch(() => undefined));
    if (parsed.success) {
      const problem =
        retryAfterSeconds !== undefined && parsed.data.params?.retryAfterSeconds === undefined
          ? { ...parsed.data, params: { ...parsed.data.params, retryAfterSeconds } }
          : parsed.data;
      return new ApiProblem(problem.code, response.status, problem);
    }
  }
  const code = codeForStatus(response.status);
  if (retryAfterSeconds === undefined) return new ApiProblem(code, response.status);
  const title = 'Too many requests';
  return new ApiProblem(code, response.status, { type: 'about:blank', title, status: response.status, code, params: { retryAfterSeconds } });
}

/** What we need of a contracts (zod) schema: checking unknown data into a typed value. */
export interface ResponseSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
}

export interface ApiGetOptions<T> {
  /** Checks the response against the shared contract before anyone uses it. */
  schema: ResponseSchema<T>;
  locale: Locale;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

function withQuery(path: string, query: Record<string, string | number | undefined> | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(name, String(value));
  }
  const queryString = search.toString();
  return queryString ? `${path}?${queryString}` : path;
}

/**
 * Sends one request to our API with the session cookie (same origin only) and, for writes, the
 * signed-in person's CSRF token; answers the response if it is a success, else an ApiProblem.
 */
async function send(url: string, init: RequestInit & { method: string; locale: Locale }): Promise<Response> {
  const { locale, ...request } = init;
  const headers = new Headers(request.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  headers.set('Accept-Language', locale);
  const token = csrfToken();
  if (request.method !== 'GET' && token) headers.set(CSRF_HEADER, token);

  let response: Response;
  try {
    response = await fetch(url, { ...request, headers, credentials: 'same-origin' });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new ApiProblem('service_unavailable', 0);
  }
  if (!response.ok) throw await problemFrom(response);
  return response;
}

async function validated<T>(response: Response, schema: ResponseSchema<T>): Promise<T> {
  // A body that is not JSON or breaks the contract is our bug, not the reader's: report it as internal.
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ApiProblem('internal_error', response.status);
  return parsed.data;
}

/** GETs a JSON resource from our API and returns it validated by its contracts schema. */
export async function apiGet<T>(
  path: string,
  { schema, locale, query, signal }: ApiGetOptions<T>,
): Promise<T> {
  const response = await send(withQuery(path, query), { method: 'GET', locale, signal });
  return validated(response, schema);
}

export interface ApiSendOptions<T> {
  locale: Locale;
  /** Sent as JSON; omitted for commands without a body. */
  body?: unknown;
  /** Checks the answer; omit it for answers without a body (204). */
  schema?: ResponseSchema<T>;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

/**
 * POSTs (or PUTs, PATCHes, DELETEs) JSON to our API, with the CSRF token the server requires of
 * cookie-authenticated writes, and returns the answer validated by `schema` (undefined without one).
 */
export async function apiSend<T = undefined>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  { locale, body, schema, query, signal }: ApiSendOptions<T>,
): Promise<T> {
  const response = await send(withQuery(path, query), {
    method,
    locale,
    signal,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
  if (!schema) return undefined as T;
  return validated(response, schema);
}

export interface ApiSendTextOptions<T> {
  locale: Locale;
  /** The body's media type, such as `text/csv`. */
  contentType: string;
  text: string;
  schema: ResponseSchema<T>;
  signal?: AbortSignal;
}

/** Like apiSend, for a body that is not JSON (a CSV file to import): same CSRF token, same problems. */
export async function apiSendText<T>(
  method: 'POST' | 'PUT',
  path: string,
  { locale, contentType, text, schema, signal }: ApiSendTextOptions<T>,
): Promise<T> {
  const response = await send(path, { method, locale, signal, body: text, headers: { 'Content-Type': contentType } });
  return validated(response, schema);
}
