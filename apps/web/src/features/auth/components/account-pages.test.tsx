import { ApiTokenCreatedView, ApiTokenList, InvitationAcceptedView, InvitationLookupView } from '@glocal/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import en from '../../../i18n/en.json';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderApp } from '../../../testing/render-app';
import { fakeApi, meFixture, problemResponse, sentRequests } from '../testing/auth-fixtures';
import { preloadRoutes } from '../testing/preload-routes';

/** Pages load their code on demand: under a busy test run that can take a few seconds. */
const SLOW = { timeout: 5000 };
preloadRoutes();
const DIOURBEL = '0d4cbd1a-7a0f-4f55-8d7c-1c1d8c3b9e21';
const TOKEN = 'aW52aXRhdGlvbi10b2tlbi1mb3ItdGVzdHM';

function fillIn(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function click(name: string) {
  fireEvent.click(screen.getByRole('button', { name }));
}

describe('accepting an invitation', () => {
  const invitation = InvitationLookupView.parse({
    organisationId: DIOURBEL,
    organisationName: 'CAIM Diourbel',
    role: 'coach',
    email: 'new.coach@glocal.test',
    locale: 'fr',
    expiresAt: '2030-01-15T10:00:00.000Z',
    accountExists: false,
  });

  it('shows who invites whom, then creates the account, signs it in and opens it', async () => {
    const me = meFixture({ email: 'new.coach@glocal.test', displayName: 'Aminata Sow' });
    const fetchMock = fakeApi({
      'GET /api/v1/invitations/lookup': () => jsonResponse(invitation),
      'POST /api/v1/invitations/accept': () => jsonResponse(InvitationAcceptedView.parse({ organisationId: DIOURBEL, role: 'coach', me })),
    });
    await renderApp(`/invitations/accept?token=${TOKEN}`);

    expect(await screen.findByText(/CAIM Diourbel invites you to join/, {}, SLOW)).toBeInTheDocument();
    expect(screen.getByText('This invitation was sent to new.coach@glocal.test.')).toBeInTheDocument();
    fillIn(en['auth.field.display_name'], 'Aminata Sow');
    fillIn(en['auth.field.new_password'], 'a long enough password');
    click(en['auth.invitation.submit']);

    expect(await screen.findByRole('heading', { level: 1, name: en['account.title'] }, SLOW)).toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByRole('link', { name: /Aminata Sow/ })).toBeInTheDocument();
    const accept = sentRequests(fetchMock).find((request) => request.key === 'POST /api/v1/invitations/accept');
    expect(accept?.body).toEqual({ token: TOKEN, displayName: 'Aminata Sow', password: 'a long enough password' });
  });

  it('asks for a password of at least 12 characters before sending it', async () => {
    const fetchMock = fakeApi({ 'GET /api/v1/invitations/lookup': () => jsonResponse(invitation) });
    await renderApp(`/invitations/accept?token=${TOKEN}`);
    await screen.findByText(/CAIM Diourbel invites you to join/, {}, SLOW);

    fillIn(en['auth.field.display_name'], 'Aminata Sow');
    fillIn(en['auth.field.new_password'], 'short');
    click(en['auth.invitation.submit']);

    const password = screen.getByLabelText(en['auth.field.new_password']);
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription(expect.stringContaining(en['errors.auth.password_too_weak']));
    expect(sentRequests(fetchMock).map((request) => request.key)).not.toContain('POST /api/v1/invitations/accept');
  });

  it('when the invitation has expired, says so and offers no form', async () => {
    fakeApi({ 'GET /api/v1/invitations/lookup': () => problemResponse(410, { code: 'invitation.expired' }) });
    await renderApp(`/invitations/accept?token=${TOKEN}`);

    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent(en['errors.invitation.expired']);
    expect(screen.queryByLabelText(en['auth.field.new_password'])).not.toBeInTheDocument();
  });

  it('when the invitation was already accepted, says so and offers to sign in', async () => {
    fakeApi({ 'GET /api/v1/invitations/lookup': () => problemResponse(409, { code: 'invitation.already_used' }) });
    await renderApp(`/invitations/accept?token=${TOKEN}`);

    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent(en['errors.invitation.already_used']);
    expect(within(screen.getByRole('main')).getByRole('link', { name: en['auth.invitation.sign_in'] })).toBeInTheDocument();
  });
});

describe('resetting a forgotten password', () => {
  it('answers the same "if an account exists" message whatever the address', async () => {
    const fetchMock = fakeApi({ 'POST /api/v1/auth/password-reset': () => new Response(null, { status: 202 }) });
    await renderApp('/password-reset');
    await screen.findByRole('heading', { level: 1, name: en['auth.password_reset.request_title'] }, SLOW);

    fillIn(en['auth.field.email'], 'Someone@Example.org');
    click(en['auth.password_reset.request_submit']);

    expect(await screen.findByRole('status')).toHaveTextContent(en['auth.password_reset.sent']);
    const request = sentRequests(fetchMock).find((sent) => sent.key === 'POST /api/v1/auth/password-reset');
    expect(request?.body).toEqual({ email: 'someone@example.org' });
  });

  it('with the e-mailed link, sets the new password; a used link says to ask for a new one', async () => {
    fakeApi({ 'POST /api/v1/auth/password-reset/confirm': () => problemResponse(400, { code: 'auth.reset_token_invalid' }) });
    await renderApp(`/password-reset?token=${TOKEN}`);

    expect(await screen.findByRole('heading', { level: 1, name: en['auth.password_reset.confirm_title'] }, SLOW)).toBeInTheDocument();
    fillIn(en['auth.field.new_password'], 'a brand new password');
    click(en['auth.password_reset.confirm_submit']);

    expect(await screen.findByRole('alert')).toHaveTextContent(en['errors.auth.reset_token_invalid']);
    expect(screen.getByRole('link', { name: en['auth.password_reset.ask_again'] })).toHaveAttribute('href', '/password-reset');
  });
});

describe('registering', () => {
  it('always answers "check your e-mail", in the language of the page', async () => {
    const fetchMock = fakeApi({ 'POST /api/v1/auth/register': () => new Response(null, { status: 202 }) });
    await renderApp('/register');
    await screen.findByRole('heading', { level: 1, name: en['auth.register.title'] }, SLOW);

    fillIn(en['auth.field.display_name'], 'Moussa Diallo');
    fillIn(en['auth.field.email'], 'moussa@example.org');
    fillIn(en['auth.field.new_password'], 'a long enough password');
    click(en['auth.register.submit']);

    expect(await screen.findByRole('status')).toHaveTextContent(/we have sent a message to moussa@example\.org/);
    const register = sentRequests(fetchMock).find((request) => request.key === 'POST /api/v1/auth/register');
    expect(register?.body).toEqual({ displayName: 'Moussa Diallo', email: 'moussa@example.org', password: 'a long enough password', locale: 'en' });
  });
});

describe('the account page', () => {
  it('saves the chosen language to the account, so e-mails follow it', async () => {
    const fetchMock = fakeApi(
      { 'PATCH /api/v1/auth/me': ({ body }) => jsonResponse(meFixture({ ...(body as object) })) },
      { me: meFixture() },
    );
    await renderApp('/account');
    fireEvent.change(await screen.findByLabelText(en['account.language.label'], {}, SLOW), { target: { value: 'es' } });
    await waitFor(() =>
      expect(sentRequests(fetchMock).find((request) => request.key === 'PATCH /api/v1/auth/me')?.body).toEqual({ locale: 'es' }),
    );
  });

  it('sets up two-step sign-in: key to type, code to confirm, recovery codes acknowledged once', async () => {
    const fetchMock = fakeApi(
      {
        'POST /api/v1/auth/mfa/setup': () =>
          jsonResponse({ secret: 'JBSWY3DPEHPK3PXPJBSWY3DP', otpauthUri: 'otpauth://totp/Glocal:coach?secret=JBSWY3DPEHPK3PXPJBSWY3DP' }),
        'POST /api/v1/auth/mfa/confirm': () => jsonResponse({ recoveryCodes: ['aaaa-bbbb-cccc-dddd', 'eeee-ffff-gggg-hhhh'] }),
      },
      { me: meFixture() },
    );
    await renderApp('/account');

    fireEvent.click(await screen.findByRole('button', { name: en['account.two_factor.set_up'] }, SLOW));
    expect(await screen.findByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP')).toBeInTheDocument();
    fillIn(en['account.two_factor.setup.code'], '12345');
    click(en['account.two_factor.setup.submit']);
    const code = screen.getByLabelText(en['account.two_factor.setup.code']);
    await waitFor(() => expect(code).toHaveAccessibleDescription(en['account.two_factor.setup.code_invalid']));

    fillIn(en['account.two_factor.setup.code'], '123456');
    click(en['account.two_factor.setup.submit']);
    const codes = await screen.findByRole('list', { name: en['account.two_factor.recovery.list'] });
    expect(within(codes).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['aaaa-bbbb-cccc-dddd', 'eeee-ffff-gggg-hhhh']);

    click(en['account.two_factor.recovery.done']);
    expect(screen.getByText(en['account.two_factor.recovery.saved_required'])).toBeInTheDocument();
    expect(screen.getByLabelText(en['account.two_factor.recovery.saved'])).toHaveFocus();

    const confirm = sentRequests(fetchMock).find((request) => request.key === 'POST /api/v1/auth/mfa/confirm');
    expect(confirm?.body).toEqual({ code: '123456' });
    expect(confirm?.headers.get('x-csrf-token')).toBe('csrf-token-1');
  });

  it('hides API tokens from a person whose roles do not manage them', async () => {
    fakeApi({}, { me: meFixture() });
    await renderApp('/account');

    expect(await screen.findByRole('heading', { level: 1, name: en['account.title'] }, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: en['account.api_tokens.title'] })).not.toBeInTheDocument();
  });

  it('lets an organisation administrator create an API token, shown once', async () => {
    const me = meFixture({ memberships: [{ organisationId: DIOURBEL, organisationName: 'CAIM Diourbel', role: 'org_admin' }] });
    const created = ApiTokenCreatedView.parse({
      id: '9a7f3c1e-2d6b-4c8e-9a57-3f3f4f0c2a99',
      organisationId: DIOURBEL,
      name: 'Case export',
      tokenPrefix: '1a2b3c4d',
      permissions: ['organisations:read'],
      createdBy: { id: me.id, displayName: me.displayName },
      createdAt: '2026-11-22T10:00:00.000Z',
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
      token: 'glc_1a2b3c4d_secret',
    });
    const fetchMock = fakeApi(
      {
        'GET /api/v1/api-tokens': () => jsonResponse(ApiTokenList.parse({ items: [], nextCursor: null })),
        'POST /api/v1/api-tokens': () => jsonResponse(created, { status: 201 }),
      },
      { me },
    );
    await renderApp('/account');

    expect(await screen.findByText(en['account.api_tokens.empty'], {}, SLOW)).toBeInTheDocument();
    click(en['account.api_tokens.create']);
    expect(await screen.findByText(en['account.api_tokens.permissions_required'])).toBeInTheDocument();

    fillIn(en['account.api_tokens.name'], 'Case export');
    fireEvent.click(screen.getByLabelText(en['account.api_tokens.permission.organisations_read']));
    click(en['account.api_tokens.create']);

    expect(await screen.findByText('glc_1a2b3c4d_secret')).toBeInTheDocument();
    const create = sentRequests(fetchMock).find((request) => request.key === 'POST /api/v1/api-tokens');
    expect(create?.body).toEqual({ organisationId: DIOURBEL, name: 'Case export', permissions: ['organisations:read'] });
    // Only what an organisation administrator may do is offered.
    expect(screen.queryByLabelText(en['account.api_tokens.permission.audit_read'])).not.toBeInTheDocument();
  });
  it('revokes a token after asking to confirm', async () => {
    const me = meFixture({ memberships: [{ organisationId: DIOURBEL, organisationName: 'CAIM Diourbel', role: 'org_admin' }] });
    const token = {
      id: '9a7f3c1e-2d6b-4c8e-9a57-3f3f4f0c2a99',
      organisationId: DIOURBEL,
      name: 'Case export',
      tokenPrefix: '1a2b3c4d',
      permissions: ['organisations:read'],
      createdBy: { id: me.id, displayName: me.displayName },
      createdAt: '2026-11-22T10:00:00.000Z',
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null as string | null,
    };
    const fetchMock = fakeApi(
      {
        'GET /api/v1/api-tokens': () => jsonResponse(ApiTokenList.parse({ items: [token], nextCursor: null })),
        'POST /api/v1/api-tokens/9a7f3c1e-2d6b-4c8e-9a57-3f3f4f0c2a99/revoke': () => {
          token.revokedAt = '2026-11-23T10:00:00.000Z';
          return jsonResponse(token);
        },
      },
      { me },
    );
    await renderApp('/account');

    fireEvent.click(await screen.findByRole('button', { name: 'Revoke Case export' }, SLOW));
    expect(screen.getByText(/Revoke the token Case export\?/)).toHaveFocus();
    click(en['account.api_tokens.revoke_yes']);

    expect(await screen.findByText(/^Revoked on /)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Revoke Case export' })).not.toBeInTheDocument();
    expect(sentRequests(fetchMock).map((request) => request.key)).toContain('POST /api/v1/api-tokens/9a7f3c1e-2d6b-4c8e-9a57-3f3f4f0c2a99/revoke');
  });
});
