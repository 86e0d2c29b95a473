import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn as signInAs } from '../../../test/sign-in.js';
import { DEMO_ACTORS, ROUTE_ACCESS, type DemoActor } from './route-access.js';

const EMAILS: Record<Exclude<DemoActor, 'anonymous'>, string> = {
  admin: 'admin@glocal.test',
  officer: 'officer.diourbel@glocal.test',
  manager: 'manager.diourbel@glocal.test',
  coachDiourbel: 'coach.diourbel@glocal.test',
  coachBrussels: 'coach.brussels@glocal.test',
  coachVeneto: 'coach.veneto@glocal.test',
  mfi: 'mfi.diourbel@glocal.test',
  dpo: 'dpo@glocal.test',
};

/** Registered routes folded into table keys: documentation assets count as one entry. */
const tableKey = (route: string) => (route.startsWith('GET /api/docs') ? 'GET /api/docs/*' : route.replace(/\/$/, '') || route);

describe('route × role access table', () => {
  let t: TestApp;
  const sessions = new Map<DemoActor, { headers: Record<string, string> }>();

  async function signIn(actor: Exclude<DemoActor, 'anonymous'>) {
    sessions.set(actor, await signInAs(t, EMAILS[actor]));
  }

  async function resolvePlaceholders(url: string) {
    let resolved = url;
    for (const [placeholder, kind, key] of url.matchAll(/\{(\w+)(?::([^}]+))?\}/g)) {
      const query =
        kind === 'org'
          ? sql<{ id: string }>`select id from organisation where name = ${key}`
          : kind === 'territory'
            ? sql<{ id: string }>`select id from territory where code = ${key}`
            : kind === 'user'
              ? sql<{ id: string }>`select id from app_user where email = ${key}`
              : sql<{ id: string }>`select id from partnership order by name limit 1`;
      const { rows } = await query.execute(t.db);
      expect(rows[0], placeholder).toBeDefined();
      resolved = resolved.replace(placeholder, rows[0]!.id);
    }
    return resolved;
  }

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    for (const actor of DEMO_ACTORS) if (actor !== 'anonymous') await signIn(actor);
  });
  afterAll(() => t.close());

  it('every registered route has an entry in the table, and every entry a route', () => {
    const registered = new Set(t.app.registeredRoutes.map(tableKey));
    expect([...registered].filter((route) => !(route in ROUTE_ACCESS)), 'routes missing from route-access.ts').toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).filter((route) => !registered.has(route)), 'entries without a route').toEqual([]);
  });

  for (const [route, sample] of Object.entries(ROUTE_ACCESS)) {
    it(`${route} answers each actor as the table says`, async () => {
      const method = route.split(' ')[0] as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      const url = await resolvePlaceholders(sample.url);
      const actual: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const actor of DEMO_ACTORS) {
        const session = sessions.get(actor);
        const response = await t.inject({
          method,
          url,
          headers: session?.headers ?? {},
          ...(sample.body !== undefined ? { payload: sample.body as object } : {}),
        });
        actual[actor] = response.statusCode;
        expected[actor] = sample.expect[actor] ?? sample.expect.others;
        if (sample.endsSession && actor !== 'anonymous') await signIn(actor);
      }
      expect(actual).toEqual(expected);
    });
  }
});
