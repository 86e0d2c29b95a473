import type { ErrorCode, Problem, ProblemFieldError } from '@glocal/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './app-error.js';
import { PROBLEM_TITLES, problemTypeUri } from './problem-catalogue.js';

const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Fastify's own body-parsing failures, mapped to our codes. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_body',
};

/**
 * Database errors that only a request's own text can cause: a NUL character, or bytes that are
 * not UTF-8, which PostgreSQL cannot hold in any text column. Routes refuse them at the edge where
 * they know the field; this catches every other route, as a 400 rather than a 500.
 */
const TEXT_THE_DATABASE_CANNOT_HOLD = new Set(['22021', '22P05']);

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  publicUrl: string,
  problem: { status: number; code: ErrorCode; params?: Record<string, unknown>; errors?: ProblemFieldError[] },
) {
  const body: Problem = {
    type: problemTypeUri(publicUrl, problem.code),
    title: PROBLEM_TITLES[problem.code],
    status: problem.status,
    code: problem.code,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(problem.params && Object.keys(problem.params).length > 0 ? { params: problem.params } : {}),
    ...(problem.errors ? { errors: problem.errors } : {}),
  };
  const retryAfter = problem.params?.retryAfterSeconds;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/** One handler turns every error into RFC 9457 problem details; 5xx bodies never carry internals. */
export function registerErrorHandler(app: FastifyInstance, publicUrl: string) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(request, reply, publicUrl, {
        status: error.status,
        code: error.code,
        params: error.params,
        ...(error.errors ? { errors: error.errors } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const location = error.validationContext as ProblemFieldError['in'];
      return sendProblem(request, reply, publicUrl, {
        status: 400,
        code: 'validation_failed',
        errors: error.validation.map((issue) => ({
          pointer: issue.instancePath === '/' ? '' : issue.instancePath,
          ...(location ? { in: location } : {}),
          code: issue.keyword,
          params: Object.fromEntries(
            Object.entries(issue.params).filter(([key]) => key !== 'input'),
          ),
        })),
      });
    }
    if (TEXT_THE_DATABASE_CANNOT_HOLD.has((error as { code?: string }).code ?? '')) {
      return sendProblem(request, reply, publicUrl, { status: 400, code: 'validation_failed', params: { reason: 'invalid_character' } });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const code = FASTIFY_CODES[error.code] ?? CODE_BY_STATUS[status] ?? 'validation_failed';
      return sendProblem(request, reply, publicUrl, { status, code });
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, publicUrl, { status: 500, code: 'internal_error' });
  });
}
