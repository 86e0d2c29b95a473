import { LoginResponse, MeView, MfaRecoveryCodesView, MfaSetupView } from '@glocal/contracts';
import { sql } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { DEMO_PASSWORD } from './accounts.demo.js';

const STEP_MS = 30_000;

/** The audit entries of one action, oldest first. */
const auditEntries = async (t: TestApp, action: string) =>
  (await sql<{ details: Record<string, unknown>; outcome: string }>`
    select details, outcome from audit_event where action = ${action} order by seq`.execute(t.db)).rows;

describe('two-factor sign-in (TOTP)', () => {
  let t: TestApp;
  // The clock is ours: each code the tests send belongs to a later 30-second step than the last.
  const nextStep = () => vi.setSystemTime(Date.now() + STEP_MS);
  const totpCode = (secret: string) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() });
  // A code valid in none of the steps the server accepts (this one and one either side): a fixed
  // '000000' is a neighbouring step's code about once in 500 000 runs.
  const wrongCodeFor = (secret: string) => {
    const valid = [-1, 0, 1].map((k) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + k * STEP_MS }));
    return ['000000', '111111', '222222', '333333'].find((code) => !valid.includes(code))!;
  };

  // Each test signs in from its own address, so the failures it provokes throttle nobody else.
  let address = 0;
  const newAddress = () => `10.1.0.${++address}`;

  const login = (email: string, remoteAddress: string) =>
    t.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email, password: DEMO_PASSWORD } });
  const secondStep = (challenge: string, code: string, remoteAddress: string) =>
    t.inject({ method: 'POST', url: '/api/v1/auth/login/mfa', remoteAddress, payload: { challenge, code } });
  const post = (session: Session, url: string, payload?: object) =>
    t.inject({ method: 'POST', url, headers: session.headers, ...(payload ? { payload } : {}) });

  async function challengeFor(email: string, remoteAddress: string): Promise<string> {
    const response = await login(email, remoteAddress);
    expect(response.statusCode).toBe(200);
    expect(response.headers['set-cookie']).toBeUndefined();
    // The union serialises this branch as itself, not as a MeView with fields missing.
    expect(Object.keys(response.json()).sort()).toEqual(['challenge', 'mfaRequired']);
    const body = LoginResponse.parse(response.json());
    if (!('mfaRequired' in body)) throw new Error('expected the second step');
    return body.challenge;
  }

  /** Sets up and confirms TOTP for a demo account; returns its secret and recovery codes. */
  async function enrol(email: string) {
    const session = await signIn(t, email);
    const setup = MfaSetupView.parse((await post(session, '/api/v1/auth/mfa/setup')).json());
    nextStep();
    const confirmed = await post(session, '/api/v1/auth/mfa/confirm', { code: totpCode(setup.secret) });
    expect(confirmed.statusCode).toBe(200);
    return { secret: setup.secret, recoveryCodes: MfaRecoveryCodesView.parse(confirmed.json()).recoveryCodes, session };
  }

  beforeAll(async () => {
    t = await buildTestApp();
    await seedDemo(t.db);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Math.floor(Date.now() / STEP_MS) * STEP_MS + STEP_MS / 2);
  });
  afterAll(async () => {
    vi.useRealTimers();
    await t.close();
  });

  it('enrols: a secret for the app, then a first code turns it on and answers ten recovery codes once', async () => {
    const session = await signIn(t, 'coach.brussels@glocal.test');
    const setupResponse = await post(session, '/api/v1/auth/mfa/setup');
    expect(setupResponse.statusCode).toBe(200);
    const setup = MfaSetupView.parse(setupResponse.json());
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/Glocal:coach\.brussels%40glocal\.test\?/);

    // Stored encrypted; not enabled until confirmed.
    const { rows } = await sql<{ secretEncrypted: string; confirmedAt: Date | null }>`
      select secret_encrypted, confirmed_at from user_mfa join app_user on app_user.id = user_mfa.user_id
       where email = 'coach.brussels@glocal.test'`.execute(t.db);
    expect(rows[0]!.secretEncrypted).not.toContain(setup.secret);
    expect(rows[0]!.confirmedAt).toBeNull();
    expect(LoginResponse.parse((await login('coach.brussels@glocal.test', newAddress())).json())).not.toHaveProperty('mfaRequired');

    const wrong = await post(session, '/api/v1/auth/mfa/confirm', { code: wrongCodeFor(setup.secret) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('auth.mfa_code_invalid');

    nextStep();
    const confirmed = await post(session, '/api/v1/auth/mfa/confirm', { code: totpCode(setup.secret) });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes } = MfaRecoveryCodesView.parse(confirmed.json());
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const me = MeView.parse((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).json());
    expect(me).toMatchObject({ mfaEnabled: true, mfaEnrollmentRequired: false });

    const again = await post(session, '/api/v1/auth/mfa/setup');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('auth.mfa_already_enabled');

    expect(await auditEntries(t, 'auth.mfa_setup_started')).toHaveLength(1);
    expect(await auditEntries(t, 'auth.mfa_enabled')).toHaveLength(1);
    expect((await auditEntries(t, 'auth.mfa_verification_failed'))[0]).toMatchObject({ outcome: 'failure', details: { during: 'enrolment', factor: 'code' } });
    // Neither the secret nor a recovery code ever reaches the trail.
    const trail = JSON.stringify((await sql`select details from audit_event`.execute(t.db)).rows);
    for (const secret of [setup.secret, ...recoveryCodes]) expect(trail).not.toContain(secret);
  });

  it('confirming without a setup first answers 409 auth.mfa_not_set_up', async () => {
    const session = await signIn(t, 'mfi.diourbel@glocal.test');
    const response = await post(session, '/api/v1/auth/mfa/confirm', { code: '123456' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('auth.mfa_not_set_up');
  });

  it('once enrolled, the password alone only opens the second step; a wrong code is 401, the right one signs in', async () => {
    const { secret } = await enrol('coach.veneto@glocal.test');
    const ip = newAddress();
    const challenge = await challengeFor('coach.veneto@glocal.test', ip);
    expect(challenge.length).toBeGreaterThanOrEqual(40);

    nextStep();
    const right = totpCode(secret);
    const wrong = await secondStep(challenge, right === '123456' ? '654321' : '123456', ip);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('auth.mfa_code_invalid');
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const signedIn = await secondStep(challenge, right, ip);
    expect(signedIn.statusCode).toBe(200);
    const me = MeView.parse(signedIn.json());
    expect(me).toMatchObject({ email: 'coach.veneto@glocal.test', mfaEnabled: true });
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toMatch(/^glocal_session=/);
    expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);

    const failures = await auditEntries(t, 'auth.mfa_verification_failed');
    expect(failures.at(-1)).toMatchObject({ outcome: 'failure', details: { during: 'sign_in', factor: 'code' } });
    expect((await auditEntries(t, 'auth.signed_in')).at(-1)!.details).toMatchObject({ secondFactor: 'totp' });

    // The challenge was used up, and the same code does not open another one.
    expect((await secondStep(challenge, right, ip)).json().code).toBe('auth.mfa_challenge_expired');
    const replay = await secondStep(await challengeFor('coach.veneto@glocal.test', ip), right, ip);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.mfa_code_invalid');
  });

  it('a recovery code signs in once, whatever its case and dashes, and never twice', async () => {
    const { recoveryCodes } = await enrol('coach.diourbel@glocal.test');
    const ip = newAddress();
    const code = recoveryCodes[3]!;

    const first = await secondStep(await challengeFor('coach.diourbel@glocal.test', ip), code.toUpperCase().replace(/-/g, ''), ip);
    expect(first.statusCode).toBe(200);
    expect((await auditEntries(t, 'auth.mfa_recovery_code_used')).at(-1)!.details).toEqual({ remaining: 9 });
    expect((await auditEntries(t, 'auth.signed_in')).at(-1)!.details).toMatchObject({ secondFactor: 'recovery_code' });

    const second = await secondStep(await challengeFor('coach.diourbel@glocal.test', ip), code, ip);
    expect(second.statusCode).toBe(401);
    expect(second.json().code).toBe('auth.mfa_code_invalid');

    const another = await secondStep(await challengeFor('coach.diourbel@glocal.test', ip), recoveryCodes[4]!, ip);
    expect(another.statusCode).toBe(200);
  });

  it('an unknown challenge, an expired one, and one after five wrong codes answer 401 auth.mfa_challenge_expired', async () => {
    const { secret } = await enrol('officer.diourbel@glocal.test');
    const ip = newAddress();

    const unknown = await secondStep('not-a-challenge-we-issued', '123456', ip);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('auth.mfa_challenge_expired');

    const expiring = await challengeFor('officer.diourbel@glocal.test', ip);
    vi.setSystemTime(Date.now() + 5 * 60_000 + 1_000);
    const late = await secondStep(expiring, totpCode(secret), ip);
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('auth.mfa_challenge_expired');

    nextStep();
    const guessed = await challengeFor('officer.diourbel@glocal.test', ip);
    const right = totpCode(secret);
    const wrongCode = wrongCodeFor(secret);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await secondStep(guessed, wrongCode, ip)).json().code, `attempt ${attempt}`).toBe('auth.mfa_code_invalid');
    }
    const afterFive = await secondStep(guessed, right, ip);
    expect(afterFive.statusCode).toBe(401);
    expect(afterFive.json().code).toBe('auth.mfa_challenge_expired');
  });

  it('wrong codes count in the sign-in throttle: the tenth locks the account, even for the right password', async () => {
    const ip = newAddress();
    for (let round = 0; round < 2; round++) {
      const challenge = await challengeFor('coach.veneto@glocal.test', ip);
      for (let attempt = 0; attempt < 5; attempt++) await secondStep(challenge, 'zzzz-zzzz-zzzz-zzzz', ip);
    }
    const locked = await login('coach.veneto@glocal.test', newAddress());
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await sql`delete from sign_in_throttle`.execute(t.db);
  });

  it('turning it off takes a current code or the password; then the password alone signs in again', async () => {
    const { secret, session } = await enrol('dpo@glocal.test');

    const wrongPassword = await post(session, '/api/v1/auth/mfa/disable', { password: 'not the password' });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().code).toBe('auth.invalid_credentials');
    const wrongCode = await post(session, '/api/v1/auth/mfa/disable', { code: 'aaaa-bbbb-cccc-dddd' });
    expect(wrongCode.statusCode).toBe(400);
    expect(wrongCode.json().code).toBe('auth.mfa_code_invalid');
    const neither = await post(session, '/api/v1/auth/mfa/disable', {});
    expect(neither.statusCode).toBe(400);
    expect(neither.json().code).toBe('validation_failed');

    nextStep();
    const disabled = await post(session, '/api/v1/auth/mfa/disable', { code: totpCode(secret) });
    expect(disabled.statusCode).toBe(204);
    expect((await auditEntries(t, 'auth.mfa_disabled')).at(-1)!.details).toEqual({ verifiedBy: 'totp' });
    expect(LoginResponse.parse((await login('dpo@glocal.test', newAddress())).json())).toMatchObject({ mfaEnabled: false });

    const notEnabled = await post(session, '/api/v1/auth/mfa/disable', { password: DEMO_PASSWORD });
    expect(notEnabled.statusCode).toBe(409);
    expect(notEnabled.json().code).toBe('auth.mfa_not_enabled');

    // And by password, after enrolling again.
    const again = await enrol('dpo@glocal.test');
    expect((await post(again.session, '/api/v1/auth/mfa/disable', { password: DEMO_PASSWORD })).statusCode).toBe(204);
    expect((await auditEntries(t, 'auth.mfa_disabled')).at(-1)!.details).toEqual({ verifiedBy: 'password' });
  });

  it('the enrolment routes need a session', async () => {
    for (const url of ['/api/v1/auth/mfa/setup', '/api/v1/auth/mfa/confirm', '/api/v1/auth/mfa/disable']) {
      const response = await t.inject({ method: 'POST', url, payload: {} });
      expect(response.statusCode, url).toBe(401);
    }
  });
});

describe('who must use two-factor sign-in', () => {
  const enrolmentRequired = async (t: TestApp, email: string) =>
    MeView.parse((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: (await signIn(t, email)).headers })).json())
      .mfaEnrollmentRequired;

  it('outside demo mode, platform administrators and data protection officers are told to enrol; others are not', async () => {
    const t = await buildTestApp({ env: { SEED_DEMO: 'false' } });
    try {
      await seedDemo(t.db);
      expect(await enrolmentRequired(t, 'admin@glocal.test')).toBe(true);
      expect(await enrolmentRequired(t, 'dpo@glocal.test')).toBe(true);
      expect(await enrolmentRequired(t, 'coach.brussels@glocal.test')).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('in demo mode nobody is forced, except members of an organisation that requires it', async () => {
    const t = await buildTestApp();
    try {
      await seedDemo(t.db);
      expect(await enrolmentRequired(t, 'admin@glocal.test')).toBe(false);
      expect(await enrolmentRequired(t, 'coach.brussels@glocal.test')).toBe(false);
      await sql`update organisation set require_mfa = true where name = 'Guichet migrants entrepreneurs Bruxelles'`.execute(t.db);
      expect(await enrolmentRequired(t, 'coach.brussels@glocal.test')).toBe(true);
      expect(await enrolmentRequired(t, 'coach.veneto@glocal.test')).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('until they enrol, such a session reaches only its own account routes; enrolling opens the rest at once', async () => {
    const t = await buildTestApp({ env: { SEED_DEMO: 'false' } });
    try {
      await seedDemo(t.db);
      const session = await signIn(t, 'dpo@glocal.test');
      const audit = () => t.inject({ method: 'GET', url: '/api/v1/audit-events', headers: session.headers });
      const blocked = await audit();
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().code).toBe('auth.mfa_enrollment_required');
      expect((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode).toBe(200);

      const setup = MfaSetupView.parse(
        (await t.inject({ method: 'POST', url: '/api/v1/auth/mfa/setup', headers: session.headers })).json(),
      );
      const confirmed = await t.inject({
        method: 'POST',
        url: '/api/v1/auth/mfa/confirm',
        headers: session.headers,
        payload: { code: TOTP.generate({ secret: Secret.fromBase32(setup.secret) }) },
      });
      expect(confirmed.statusCode).toBe(200);
      expect((await audit()).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
