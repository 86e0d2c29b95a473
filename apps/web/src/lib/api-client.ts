import { Problem, type ErrorCode, type Locale } from '@glocal/contracts';
import { ApiProblem } from './api-problem';

// Used when a proxy or a crash answers without problem details.
function codeForStatus(status: number): ErrorCode {
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'service_unavailable';
  return 'internal_error';
}

async function problemFrom(response: Response): Promise<ApiProblem> {
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    const parsed = Problem.safeParse(await response.json().catch(() => undefined));
    if (parsed.success) return new ApiProblem(parsed.data.code, response.status, parsed.data);
  }
  return new ApiProblem(codeForStatus(response.status), response.status);
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

/** GETs a JSON resource from our API and returns it validated by its contracts schema. */
export async function apiGet<T>(
  path: string,
  { schema, locale, query, signal }: ApiGetOptions<T>,
): Promise<T> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(name, String(value));
  }
  const queryString = search.toString();
  const url = queryString ? `${path}?${queryString}` : path;

  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': locale },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiProblem('service_unavailable', 0);
  }
  if (!response.ok) throw await problemFrom(response);

  // A body that is not JSON or breaks the contract is our bug, not the reader's: report it as internal.
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ApiProblem('internal_error', response.status);
  return parsed.data;
}
