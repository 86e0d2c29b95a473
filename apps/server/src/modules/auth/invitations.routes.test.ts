import { createHash } from 'node:crypto';
import { InvitationList, InvitationLookupView, InvitationSentView, MeView } from '@glocal/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { buildTestApp, TEST_PUBLIC_URL, type TestApp } from '../../../test/build-test-app.js';
import { signIn, type Session } from '../../../test/sign-in.js';
import { linkIn, startSmtpCapture, type SmtpCapture } from '../../../test/smtp-capture.js';
import { DEMO_PASSWORD } from './accounts.demo.js';

const NEW_PASSWORD = 'baobab-sous-la-pluie';

describe('staff invitations', () => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let manager: Session;
  let admin: Session;
  const organisationId: Record<string, string> = {};

  const invite = (session: Session, organisation: string, payload: object) =>
    t.inject({ method: 'POST', url: `/api/v1/organisations/${organisation}/invitations`, headers: session.headers, payload });
  const lookup = (token: string) => t.inject({ method: 'GET', url: `/api/v1/invitations/lookup?token=${token}` });
  const accept = (payload: object) => t.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload });
  const listOpen = async (session: Session, organisation: string) => {
    const response = await t.inject({ method: 'GET', url: `/api/v1/organisations/${organisation}/invitations`, headers: session.headers });
    expect(response.statusCode).toBe(200);
    return InvitationList.parse(response.json()).items;
  };
  /** The token of the latest invitation e-mailed to `email`. */
  const tokenMailedTo = async (email: string, after = 0) => {
    const mail = await smtp.waitFor((m) => m.to.includes(email) && smtp.messages.indexOf(m) >= after);
    return { mail, token: linkIn(mail, '/invitations/accept').searchParams.get('token')! };
  };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
    await seedDemo(t.db);
    const { rows } = await sql<{ id: string; name: string }>`select id, name from organisation`.execute(t.db);
    for (const row of rows) organisationId[row.name] = row.id;
    manager = await signIn(t, 'manager.diourbel@glocal.test');
    admin = await signIn(t, 'admin@glocal.test');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('invite, e-mail in the invitee’s language, lookup, accept: the new account is signed in with the role, and the link works once', async () => {
    const caim = organisationId['CAIM Diourbel']!;
    const created = await invite(manager, caim, { email: 'Aminata.Sow@example.org', role: 'coach', locale: 'fr' });
    expect(created.statusCode).toBe(201);
    const invitation = InvitationSentView.parse(created.json());
    expect(invitation).toMatchObject({ email: 'aminata.sow@example.org', role: 'coach', status: 'pending', delivery: 'sent' });
    expect(created.body).not.toMatch(/token/i);

    const { mail, token } = await tokenMailedTo('aminata.sow@example.org');
    expect(mail.subject).toBe('Invitation à rejoindre CAIM Diourbel sur Glocal');
    expect(mail.headers['content-language']).toBe('fr');
    expect(mail.text).toContain('Fatou Diop vous invite à rejoindre CAIM Diourbel sur Glocal en tant que conseiller ou conseillère.');
    expect(mail.text).toContain('expire dans 7 jours');
    expect(linkIn(mail, '/invitations/accept').origin).toBe(TEST_PUBLIC_URL);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Only a hash of the token is stored.
    const stored = await sql<{ tokenHash: string }>`select token_hash from invitation where id = ${invitation.id}`.execute(t.db);
    expect(stored.rows[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));

    expect((await listOpen(manager, caim)).map((item) => item.id)).toContain(invitation.id);

    const looked = await lookup(token);
    expect(looked.statusCode).toBe(200);
    expect(InvitationLookupView.parse(looked.json())).toMatchObject({
      organisationName: 'CAIM Diourbel',
      role: 'coach',
      email: 'aminata.sow@example.org',
      locale: 'fr',
      accountExists: false,
    });

    const accepted = await accept({ token, displayName: 'Aminata Sow', password: NEW_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    const me = MeView.parse(accepted.json().me);
    expect(me).toMatchObject({ email: 'aminata.sow@example.org', displayName: 'Aminata Sow', locale: 'fr', kind: 'staff' });
    expect(me.memberships).toEqual([{ organisationId: caim, organisationName: 'CAIM Diourbel', role: 'coach' }]);
    const cookie = String(accepted.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toMatch(/^glocal_session=/);
    const meAgain = await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(meAgain.json().memberships).toEqual([{ organisationId: caim, organisationName: 'CAIM Diourbel', role: 'coach' }]);

    const reused = await accept({ token, displayName: 'Someone Else', password: 'another long password' });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe('invitation.already_used');
    expect((await lookup(token)).json().code).toBe('invitation.already_used');
    expect((await listOpen(manager, caim)).map((item) => item.id)).not.toContain(invitation.id);
    expect((await signIn(t, 'aminata.sow@example.org', NEW_PASSWORD)).cookie).toMatch(/^glocal_session=/);

    const { rows: audited } = await sql<{ action: string; details: string }>`
      select action, details::text as details from audit_event where subject_id = ${invitation.id} order by seq`.execute(t.db);
    expect(audited.map((row) => row.action)).toEqual(['invitation.created', 'invitation.accepted']);
    for (const row of audited) {
      expect(row.details).not.toContain(token);
      expect(row.details).not.toContain(NEW_PASSWORD);
    }
  });

  it('an expired invitation is refused; sending it again gives a new link and the old one stops working', async () => {
    const brussels = organisationId['Guichet migrants entrepreneurs Bruxelles']!;
    const created = InvitationSentView.parse((await invite(admin, brussels, { email: 'late@example.org', role: 'coach', locale: 'en' })).json());
    const { token } = await tokenMailedTo('late@example.org');
    await sql`update invitation set expires_at = now() - interval '1 minute' where id = ${created.id}`.execute(t.db);

    expect((await lookup(token)).json()).toMatchObject({ status: 400, code: 'invitation.expired' });
    const refused = await accept({ token, displayName: 'Late', password: NEW_PASSWORD });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('invitation.expired');
    expect((await listOpen(admin, brussels)).find((item) => item.id === created.id)?.status).toBe('expired');

    const messagesBefore = smtp.messages.length;
    const resent = await t.inject({ method: 'POST', url: `/api/v1/invitations/${created.id}/resend`, headers: admin.headers });
    expect(resent.statusCode).toBe(200);
    expect(InvitationSentView.parse(resent.json())).toMatchObject({ status: 'pending', delivery: 'sent' });
    const { token: newToken } = await tokenMailedTo('late@example.org', messagesBefore);
    expect(newToken).not.toBe(token);
    expect((await lookup(token)).statusCode).toBe(404);
    expect((await lookup(newToken)).statusCode).toBe(200);
  });

  it('a revoked invitation’s link stops working; inviting the same address again replaces the open invitation', async () => {
    const caim = organisationId['CAIM Diourbel']!;
    const first = InvitationSentView.parse((await invite(manager, caim, { email: 'twice@example.org', role: 'coach', locale: 'en' })).json());
    const { token: firstToken } = await tokenMailedTo('twice@example.org');
    const messagesBefore = smtp.messages.length;
    const second = InvitationSentView.parse((await invite(manager, caim, { email: 'twice@example.org', role: 'desk_manager', locale: 'en' })).json());
    const { token: secondToken } = await tokenMailedTo('twice@example.org', messagesBefore);
    expect((await lookup(firstToken)).json().code).toBe('invitation.revoked');

    const revoked = await t.inject({ method: 'POST', url: `/api/v1/invitations/${second.id}/revoke`, headers: manager.headers });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id: second.id, status: 'revoked' });
    expect((await lookup(secondToken)).json().code).toBe('invitation.revoked');
    expect((await listOpen(manager, caim)).map((item) => item.id)).not.toContain(first.id);
    const actions = await sql<{ action: string }>`select action from audit_event where subject_id = ${second.id} order by seq`.execute(t.db);
    expect(actions.rows.map((row) => row.action)).toEqual(['invitation.created', 'invitation.revoked']);
  });

  it('when the address already has an account, its password is required, the role is added, and it signs in as usual', async () => {
    const veneto = organisationId['Sportello migranti imprenditori Veneto']!;
    expect((await invite(admin, veneto, { email: 'coach.brussels@glocal.test', role: 'coach', locale: 'it' })).statusCode).toBe(201);
    const { mail, token } = await tokenMailedTo('coach.brussels@glocal.test');
    expect(mail.subject).toBe('Invito a unirsi a Sportello migranti imprenditori Veneto su Glocal');
    expect((await lookup(token)).json().accountExists).toBe(true);

    const wrong = await accept({ token, password: 'not the password at all' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('auth.password_mismatch');

    const accepted = await accept({ token, displayName: 'ignored', password: DEMO_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ organisationId: veneto, role: 'coach', me: null });
    expect(accepted.headers['set-cookie']).toBeUndefined();

    const session = await signIn(t, 'coach.brussels@glocal.test');
    const me = MeView.parse((await t.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).json());
    expect(me.displayName).toBe('Claire Dubois');
    expect(me.memberships.map((m) => m.organisationName).sort()).toEqual([
      'Guichet migrants entrepreneurs Bruxelles',
      'Sportello migranti imprenditori Veneto',
    ]);
  });

  it('a coach cannot invite (403)', async () => {
    const coach = await signIn(t, 'coach.diourbel@glocal.test');
    const response = await invite(coach, organisationId['CAIM Diourbel']!, { email: 'x@example.org', role: 'coach', locale: 'en' });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
  });

  it('a desk manager of another organisation gets 403 on this one’s invitations, 404 on one of its invitations, and cannot make administrators', async () => {
    const brussels = organisationId['Guichet migrants entrepreneurs Bruxelles']!;
    const caim = organisationId['CAIM Diourbel']!;
    expect((await invite(admin, brussels, { email: 'manager.brussels@example.org', role: 'desk_manager', locale: 'fr' })).statusCode).toBe(201);
    const { token } = await tokenMailedTo('manager.brussels@example.org');
    const accepted = await accept({ token, displayName: 'Jeanne Peeters', password: NEW_PASSWORD });
    const cookie = String(accepted.headers['set-cookie']).split(';')[0]!;
    const csrfToken: string = accepted.json().me.csrfToken;
    const brusselsManager: Session = { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };

    const elsewhere = await invite(brusselsManager, caim, { email: 'y@example.org', role: 'coach', locale: 'en' });
    expect(elsewhere.statusCode).toBe(403);
    const list = await t.inject({ method: 'GET', url: `/api/v1/organisations/${caim}/invitations`, headers: brusselsManager.headers });
    expect(list.statusCode).toBe(403);
    const caimInvitation = InvitationSentView.parse((await invite(manager, caim, { email: 'z@example.org', role: 'coach', locale: 'en' })).json());
    const revoke = await t.inject({ method: 'POST', url: `/api/v1/invitations/${caimInvitation.id}/revoke`, headers: brusselsManager.headers });
    expect(revoke.statusCode).toBe(404);

    const administrator = await invite(brusselsManager, brussels, { email: 'boss@example.org', role: 'org_admin', locale: 'en' });
    expect(administrator.statusCode).toBe(403);
    expect(administrator.json().code).toBe('invitation.role_not_allowed');
    expect((await invite(brusselsManager, brussels, { email: 'new.coach@example.org', role: 'coach', locale: 'en' })).statusCode).toBe(201);
  });

  it('refuses roles the organisation does not have (400), platform roles (validation), and people already in that role (409)', async () => {
    const caim = organisationId['CAIM Diourbel']!;
    const officer = await invite(admin, caim, { email: 'o@example.org', role: 'lra_officer', locale: 'en' });
    expect(officer.statusCode).toBe(400);
    expect(officer.json().code).toBe('invitation.role_not_allowed');
    expect((await invite(admin, caim, { email: 'o@example.org', role: 'platform_admin', locale: 'en' })).json().code).toBe('validation_failed');
    const member = await invite(manager, caim, { email: 'coach.diourbel@glocal.test', role: 'coach', locale: 'en' });
    expect(member.statusCode).toBe(409);
    expect(member.json().code).toBe('invitation.already_member');
    expect((await invite(admin, '00000000-0000-4000-8000-000000000000', { email: 'o@example.org', role: 'coach', locale: 'en' })).statusCode).toBe(404);
  });

  it('a new account needs a name and a password of at least 12 characters; an unknown link is 404', async () => {
    expect((await invite(manager, organisationId['CAIM Diourbel']!, { email: 'short@example.org', role: 'coach', locale: 'en' })).statusCode).toBe(201);
    const { token } = await tokenMailedTo('short@example.org');
    const short = await accept({ token, displayName: 'Short', password: 'too-short' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'auth.password_too_weak', params: { minLength: 12 } });
    expect((await accept({ token, displayName: 'Short', password: 'short@example.org' })).json().code).toBe('auth.password_too_weak');
    expect((await accept({ token, password: NEW_PASSWORD })).json().code).toBe('validation_failed');
    expect((await lookup(token)).statusCode).toBe(200);
    expect((await lookup('A'.repeat(43))).json()).toMatchObject({ status: 404, code: 'invitation.not_found' });
  });

  it('when the mail server refuses the address, the invitation stands and says the e-mail failed', async () => {
    smtp.reject('bounce@example.org');
    const created = await invite(manager, organisationId['CAIM Diourbel']!, { email: 'bounce@example.org', role: 'coach', locale: 'en' });
    expect(created.statusCode).toBe(201);
    const invitation = InvitationSentView.parse(created.json());
    expect(invitation.delivery).toBe('failed');
    expect((await listOpen(manager, organisationId['CAIM Diourbel']!)).map((item) => item.id)).toContain(invitation.id);
  });
});
