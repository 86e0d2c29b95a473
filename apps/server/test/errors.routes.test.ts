import { Problem } from '@glocal/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../src/platform/db/database.js';
import { ConflictError } from '../src/platform/errors/app-error.js';
import { TEST_PUBLIC_URL, buildTestApp, type TestApp } from './build-test-app.js';

// Routes that exist only in this test, to drive each kind of failure through the real handler.
function addProbeRoutes(app: FastifyInstance, db: Database) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/v1/probe/echo', { schema: { querystring: z.object({ text: z.string() }) } }, async (request) =>
    (await sql<{ text: string }>`select ${request.query.text}::text as text`.execute(db)).rows[0]);
  typed.post(
    '/api/v1/probe',
    { schema: { body: z.object({ subject: z.string().trim().min(1).max(20), amount: z.number().positive() }) } },
    (request) => ({ echoed: request.body.subject }),
  );
  typed.get('/api/v1/probe/crash', () => {
    throw new Error('connection string postgres://admin:hunter2@db/secret exploded');
  });
  typed.get('/api/v1/probe/conflict', () => {
    throw new ConflictError('conflict', { reason: 'already_done' });
  });
}

describe('problem details (RFC 9457)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { BODY_LIMIT_BYTES: '2048' }, setup: addProbeRoutes });
  });
  afterAll(() => t.close());

  const expectProblem = (response: Awaited<ReturnType<TestApp['inject']>>, status: number, code: string) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = Problem.parse(response.json());
    expect(body).toMatchObject({ status, code, type: `${TEST_PUBLIC_URL}/api/problems/${code}` });
    expect(body.requestId).toBe(response.headers['x-request-id']);
    return body;
  };

  it('when the API route does not exist, answers 404 route_not_found', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    const body = expectProblem(response, 404, 'route_not_found');
    expect(body.instance).toBe('/api/v1/no-such-thing');
  });

  it('when the JSON body is malformed, answers 400 malformed_body', async () => {
    const response = await t.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: { 'content-type': 'application/json' },
      payload: '{"subject": "x",',
    });
    expectProblem(response, 400, 'malformed_body');
  });

  it('when fields are invalid, lists each one as a JSON Pointer with a code', async () => {
    const response = await t.inject({ method: 'POST', url: '/api/v1/probe', payload: { subject: '   ', amount: -3 } });
    const body = expectProblem(response, 400, 'validation_failed');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: '/subject', in: 'body', code: 'too_small' }),
        expect.objectContaining({ pointer: '/amount', in: 'body', code: 'too_small' }),
      ]),
    );
  });

  it('when the body is larger than the limit, answers 413 payload_too_large', async () => {
    const response = await t.inject({
      method: 'POST',
      url: '/api/v1/probe',
      payload: { subject: 'x', amount: 1, padding: 'p'.repeat(5000) },
    });
    expectProblem(response, 413, 'payload_too_large');
  });

  it('when the content type is not JSON, answers 415 unsupported_media_type', async () => {
    const response = await t.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'subject=x',
    });
    expectProblem(response, 415, 'unsupported_media_type');
  });

  it('when a service throws an AppError, answers its status, code and params', async () => {
    const body = expectProblem(await t.inject({ method: 'GET', url: '/api/v1/probe/conflict' }), 409, 'conflict');
    expect(body.params).toEqual({ reason: 'already_done' });
  });

  it('when something unexpected fails, answers 500 without leaking internals', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/v1/probe/crash' });
    expectProblem(response, 500, 'internal_error');
    expect(response.body).not.toMatch(/hunter2|postgres|exploded|stack/i);
  });

  it('when a text the database cannot hold (a NUL character) reaches it, answers 400, not 500', async () => {
    const body = expectProblem(await t.inject({ method: 'GET', url: '/api/v1/probe/echo?text=a%00b' }), 400, 'validation_failed');
    expect(body.params).toEqual({ reason: 'invalid_character' });
    expect((await t.inject({ method: 'GET', url: '/api/v1/probe/echo?text=ab' })).json()).toEqual({ text: 'ab' });
  });

  it('echoes a sane incoming request id and replaces an unsafe one', async () => {
    const kept = await t.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'req-7f3a' } });
    expect(kept.headers['x-request-id']).toBe('req-7f3a');
    const replaced = await t.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'bad id\n<script>' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('describes every problem type at the URI its `type` names', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/problems/validation_failed' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ code: 'validation_failed', title: 'Request validation failed' });
    expectProblem(await t.inject({ method: 'GET', url: '/api/problems/nonsense' }), 404, 'not_found');
  });
});
