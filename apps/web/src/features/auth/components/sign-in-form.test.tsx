import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import en from '../../../i18n/en.json';
import { jsonResponse } from '../../../testing/mock-fetch';
import { renderApp } from '../../../testing/render-app';
import { challengeFixture, fakeApi, meFixture, problemResponse, sentRequests } from '../testing/auth-fixtures';
import { preloadRoutes } from '../testing/preload-routes';

async function openSignIn(path = '/sign-in') {
  await renderApp(path);
  return screen.findByRole('heading', { level: 1, name: en['auth.sign_in.title'] }, SLOW);
}

function fillIn(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function signInWith(email: string, password: string) {
  fillIn(en['auth.field.email'], email);
  fillIn(en['auth.field.password'], password);
  fireEvent.click(screen.getByRole('button', { name: en['auth.sign_in.submit'] }));
}

/** Pages load their code on demand: under a busy test run that can take a few seconds. */
const SLOW = { timeout: 5000 };
preloadRoutes();

describe('signing in', () => {
  it('with the right e-mail and password, signs in, shows the person in the header and goes to the page asked for', async () => {
    const me = meFixture();
    const fetchMock = fakeApi({ 'POST /api/v1/auth/login': () => jsonResponse(me) });
    await openSignIn('/sign-in?next=%2Fterritories');

    signInWith(' Coach.Diourbel@glocal.test ', 'glocal-demo-2026');

    expect(await screen.findByRole('heading', { level: 1, name: en['territories.title'] }, SLOW)).toBeInTheDocument();
    const header = screen.getByRole('banner');
    expect(within(header).getByRole('link', { name: /Mamadou Fall/ })).toHaveAttribute('href', '/account');
    expect(within(header).getByRole('button', { name: en['auth.menu.sign_out'] })).toBeInTheDocument();
    const login = sentRequests(fetchMock).find((request) => request.key === 'POST /api/v1/auth/login');
    expect(login?.body).toEqual({ email: 'coach.diourbel@glocal.test', password: 'glocal-demo-2026' });
    expect(login?.headers.get('content-type')).toBe('application/json');
    expect(login?.credentials).toBe('same-origin');
  });

  it('when the account has two-step sign-in, asks for the code and signs in with it', async () => {
    const fetchMock = fakeApi({
      'POST /api/v1/auth/login': () => jsonResponse(challengeFixture()),
      'POST /api/v1/auth/login/mfa': () => jsonResponse(meFixture({ mfaEnabled: true })),
    });
    await openSignIn();

    signInWith('coach.diourbel@glocal.test', 'glocal-demo-2026');
    const step = await screen.findByRole('heading', { level: 2, name: en['auth.sign_in.code.title'] });
    expect(step).toHaveFocus();
    fillIn(en['auth.field.code'], '123456');
    fireEvent.click(screen.getByRole('button', { name: en['auth.sign_in.code.submit'] }));

    expect(await screen.findByRole('heading', { level: 1, name: en['home.title'] }, SLOW)).toBeInTheDocument();
    const second = sentRequests(fetchMock).find((request) => request.key === 'POST /api/v1/auth/login/mfa');
    expect(second?.body).toEqual({ challenge: 'challenge-1', code: '123456' });
  });

  it('when the code is wrong, says so next to the code field', async () => {
    fakeApi({
      'POST /api/v1/auth/login': () => jsonResponse(challengeFixture()),
      'POST /api/v1/auth/login/mfa': () => problemResponse(401, { code: 'auth.mfa_code_invalid' }),
    });
    await openSignIn();

    signInWith('coach.diourbel@glocal.test', 'glocal-demo-2026');
    await screen.findByRole('heading', { level: 2, name: en['auth.sign_in.code.title'] });
    fillIn(en['auth.field.code'], '000000');
    fireEvent.click(screen.getByRole('button', { name: en['auth.sign_in.code.submit'] }));

    const code = screen.getByLabelText(en['auth.field.code']);
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expect(code).toHaveAccessibleDescription(expect.stringContaining(en['errors.auth.mfa_code_invalid']));
    expect(code).toHaveFocus();
  });

  it('when the e-mail or password is wrong, says so without telling which, and stays on the page', async () => {
    fakeApi({ 'POST /api/v1/auth/login': () => problemResponse(401, { code: 'auth.invalid_credentials' }) });
    await openSignIn();

    signInWith('coach.diourbel@glocal.test', 'wrong password');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(en['errors.auth.invalid_credentials']);
    expect(alert).toHaveFocus();
    expect(screen.getByRole('heading', { level: 1, name: en['auth.sign_in.title'] })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: en['auth.menu.sign_in'] })).toBeInTheDocument();
  });

  it('when throttled, says in how many minutes to try again', async () => {
    fakeApi({
      'POST /api/v1/auth/login': () =>
        problemResponse(429, { code: 'rate_limited', params: { retryAfterSeconds: 840 } }, { 'retry-after': '840' }),
    });
    await openSignIn();

    signInWith('coach.diourbel@glocal.test', 'glocal-demo-2026');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Please try again in 14 minutes.');
  });

  it('when a proxy throttles without problem details, still says when to try again, from Retry-After', async () => {
    fakeApi({ 'POST /api/v1/auth/login': () => new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '60' } }) });
    await openSignIn();

    signInWith('coach.diourbel@glocal.test', 'glocal-demo-2026');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Please try again in 1 minute.');
  });

  it('shows the server’s field errors next to their fields, from the problem’s JSON pointers', async () => {
    fakeApi({
      'POST /api/v1/auth/login': () =>
        problemResponse(400, {
          code: 'validation_failed',
          errors: [{ pointer: '/password', in: 'body', code: 'too_big', params: { maximum: 1024, origin: 'string' } }],
        }),
    });
    await openSignIn();

    signInWith('coach.diourbel@glocal.test', 'glocal-demo-2026');

    const password = screen.getByLabelText(en['auth.field.password']);
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(password).toHaveAccessibleDescription((en as Record<string, string>)['field_errors.too_big']);
    expect(screen.getByLabelText(en['auth.field.email'])).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('checks the form before sending it: an address that is not one is flagged at once', async () => {
    const fetchMock = fakeApi({});
    await openSignIn();

    signInWith('not an address', 'glocal-demo-2026');

    const email = screen.getByLabelText(en['auth.field.email']);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveFocus();
    expect(sentRequests(fetchMock).map((request) => request.key)).not.toContain('POST /api/v1/auth/login');
  });

  it('when two-step sign-in must be set up first, goes to that section of the account page', async () => {
    const me = meFixture({ mfaEnrollmentRequired: true });
    fakeApi({ 'POST /api/v1/auth/login': () => jsonResponse(me) });
    await openSignIn('/sign-in?next=%2Fterritories');

    signInWith('coach.diourbel@glocal.test', 'glocal-demo-2026');

    expect(await screen.findByRole('heading', { level: 1, name: en['account.title'] }, SLOW)).toBeInTheDocument();
    expect(screen.getByText(en['account.two_factor.required'])).toBeInTheDocument();
    expect(screen.getByRole('button', { name: en['account.two_factor.set_up'] })).toBeInTheDocument();
  });

  it('never follows a `next` address to another site', async () => {
    fakeApi({ 'POST /api/v1/auth/login': () => jsonResponse(meFixture()) });
    await openSignIn('/sign-in?next=%2F%2Fevil.test');

    signInWith('coach.diourbel@glocal.test', 'glocal-demo-2026');

    expect(await screen.findByRole('heading', { level: 1, name: en['home.title'] }, SLOW)).toBeInTheDocument();
  });
});
