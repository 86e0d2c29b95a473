import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/auth/index.js';
import type { TestApp } from './build-test-app.js';

export type Session = { cookie: string; csrfToken: string; headers: Record<string, string> };

/** Signs a demo account in through the API; `headers` carry the cookie and the CSRF token. */
export async function signIn(t: TestApp, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  expect(response.statusCode, `${email}: ${response.body}`).toBe(200);
  const cookie = String(response.headers['set-cookie']).split(';')[0]!;
  const { csrfToken } = response.json() as { csrfToken: string };
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
