// Plain fetch, not lib/api-client: the client checks answers with zod schemas, which this light
// page does without (see docs/decisions.md). The answers are checked by hand instead.
import type { ErrorCode, IntakeBody, IntakeOptionsView, IntakeReceiptView, Locale, Problem } from '@glocal/contracts';
import { ApiProblem } from '../../../lib/api-problem';

/** The request could not reach the server at all: no connection. */
export class OfflineError extends Error {
  constructor() {
    super('offline');
    this.name = 'OfflineError';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

async function problemOf(response: Response): Promise<ApiProblem> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isObject(body) && typeof body.code === 'string' && typeof body.status === 'number') {
    const problem = body as Problem;
    const retryAfter = Number(response.headers.get('retry-after'));
    const params = Number.isInteger(retryAfter) && retryAfter > 0 ? { ...problem.params, retryAfterSeconds: retryAfter } : problem.params;
    return new ApiProblem(problem.code, response.status, { ...problem, ...(params ? { params } : {}) });
  }
  const code: ErrorCode = response.status === 429 ? 'rate_limited' : response.status >= 502 ? 'service_unavailable' : 'internal_error';
  return new ApiProblem(code, response.status);
}

async function send(url: string, init: RequestInit & { locale: Locale }): Promise<unknown> {
  const { locale, ...request } = init;
  let response: Response;
  try {
    response = await fetch(url, {
      ...request,
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json', 'Accept-Language': locale, ...(request.body ? { 'Content-Type': 'application/json' } : {}) },
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw new OfflineError();
  }
  if (!response.ok) throw await problemOf(response);
  return response.json().catch(() => undefined);
}

let prefetched: { locale: Locale; options: Promise<IntakeOptionsView> } | undefined;

/**
 * Starts loading the options before the page renders (while its messages load), saving a round
 * trip on a slow connection; the page's first `getIntakeOptions` in that language takes it.
 */
export function prefetchIntakeOptions(locale: Locale): void {
  const options = fetchOptions(locale);
  options.catch(() => {}); // a failure is reported to the page when it asks
  prefetched = { locale, options };
}

export function getIntakeOptions(locale: Locale, signal?: AbortSignal): Promise<IntakeOptionsView> {
  const early = prefetched?.locale === locale ? prefetched.options : undefined;
  prefetched = undefined;
  return early ?? fetchOptions(locale, signal);
}

async function fetchOptions(locale: Locale, signal?: AbortSignal): Promise<IntakeOptionsView> {
  const options = await send(`/api/v1/intake/options?locale=${locale}`, { method: 'GET', locale, ...(signal ? { signal } : {}) });
  if (!isObject(options) || !Array.isArray(options.desks) || !Array.isArray(options.territories)) throw new ApiProblem('internal_error', 200);
  return options as IntakeOptionsView;
}

export async function submitIntake(body: IntakeBody, locale: Locale): Promise<IntakeReceiptView> {
  const receipt = await send('/api/v1/intake', { method: 'POST', locale, body: JSON.stringify(body) });
  if (!isObject(receipt) || typeof receipt.reference !== 'string' || typeof receipt.deskName !== 'string') throw new ApiProblem('internal_error', 201);
  return receipt as IntakeReceiptView;
}
