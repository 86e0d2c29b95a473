import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, meFixture, sentRequests } from '../features/auth/testing/auth-fixtures';
import en from '../i18n/en.json';
import { jsonResponse } from '../testing/mock-fetch';
import { renderApp } from '../testing/render-app';
import { apiGet, apiSend } from './api-client';
import { csrfToken, fetchMe, meCan } from './session';
import { preloadRoutes } from '../features/auth/testing/preload-routes';

const DIOURBEL = '0d4cbd1a-7a0f-4f55-8d7c-1c1d8c3b9e21';
const VENETO = '5b0a7f3e-7d9c-4a51-9d57-4f1e2b3c4d5e';

/** Pages load their code on demand: under a busy test run that can take a few seconds. */
const SLOW = { timeout: 5000 };
preloadRoutes();

describe('the session', () => {
  it('sends a signed-out visitor of a private page to sign in, then back to that page', async () => {
    fakeApi({ 'POST /api/v1/auth/login': () => jsonResponse(meFixture()) });
    await renderApp('/account');

    expect(await screen.findByRole('heading', { level: 1, name: en['auth.sign_in.title'] }, SLOW)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(en['auth.field.email']), { target: { value: 'coach.diourbel@glocal.test' } });
    fireEvent.change(screen.getByLabelText(en['auth.field.password']), { target: { value: 'glocal-demo-2026' } });
    fireEvent.click(screen.getByRole('button', { name: en['auth.sign_in.submit'] }));

    expect(await screen.findByRole('heading', { level: 1, name: en['account.title'] }, SLOW)).toBeInTheDocument();
    expect(screen.getByText('coach.diourbel@glocal.test')).toBeInTheDocument();
  });

  it('signs out with the CSRF token, forgets the person and offers to sign in again', async () => {
    const fetchMock = fakeApi({ 'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }) }, { me: meFixture() });
    await renderApp('/territories');
    const header = screen.getByRole('banner');

    fireEvent.click(await within(header).findByRole('button', { name: en['auth.menu.sign_out'] }));

    expect(await within(header).findByRole('link', { name: en['auth.menu.sign_in'] })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: en['home.title'] }, SLOW)).toBeInTheDocument();
    const logout = sentRequests(fetchMock).find((request) => request.key === 'POST /api/v1/auth/logout');
    expect(logout?.headers.get('x-csrf-token')).toBe('csrf-token-1');
    expect(logout?.credentials).toBe('same-origin');
    expect(csrfToken()).toBeNull();
  });

  it('shows "Sign in" in the header to a visitor, leading back to the page they are on', async () => {
    fakeApi({});
    await renderApp('/territories');

    const signIn = await within(screen.getByRole('banner')).findByRole('link', { name: en['auth.menu.sign_in'] });
    expect(signIn).toHaveAttribute('href', '/sign-in?next=%2Fterritories');
  });
});

describe('api-client writes', () => {
  it('carry the signed-in person’s CSRF token and the session cookie', async () => {
    const fetchMock = fakeApi(
      { 'POST /api/v1/auth/mfa/disable': () => new Response(null, { status: 204 }) },
      { me: meFixture({ csrfToken: 'token-from-me' }) },
    );
    await fetchMe();

    await apiSend('POST', '/api/v1/auth/mfa/disable', { locale: 'en', body: { password: 'x' } });

    const write = sentRequests(fetchMock).find((request) => request.key === 'POST /api/v1/auth/mfa/disable');
    expect(write?.headers.get('x-csrf-token')).toBe('token-from-me');
    expect(write?.credentials).toBe('same-origin');
  });

  it('reads carry the session cookie but no CSRF token', async () => {
    const fetchMock = fakeApi({ 'GET /api/v1/territories': () => jsonResponse({ items: [], nextCursor: null }) }, { me: meFixture() });
    await fetchMe();
    expect(csrfToken()).toBe('csrf-token-1');

    await apiGet('/api/v1/territories', { locale: 'en', schema: { safeParse: (data: unknown) => ({ success: true as const, data }) } });

    const read = sentRequests(fetchMock).find((request) => request.key === 'GET /api/v1/territories');
    expect(read?.headers.has('x-csrf-token')).toBe(false);
    expect(read?.credentials).toBe('same-origin');
  });
});

describe('meCan', () => {
  const coach = meFixture();
  const orgAdmin = meFixture({ memberships: [{ organisationId: DIOURBEL, organisationName: 'CAIM Diourbel', role: 'org_admin' }] });
  const platformAdmin = meFixture({ memberships: [{ organisationId: null, organisationName: null, role: 'platform_admin' }] });

  it('grants what one of the person’s roles grants', () => {
    expect(meCan(orgAdmin, 'api_tokens:manage')).toBe(true);
    expect(meCan(coach, 'api_tokens:manage')).toBe(false);
    expect(meCan(null, 'organisations:read')).toBe(false);
  });

  it('in a given organisation, counts only roles held there, and platform-wide roles', () => {
    expect(meCan(orgAdmin, 'api_tokens:manage', DIOURBEL)).toBe(true);
    expect(meCan(orgAdmin, 'api_tokens:manage', VENETO)).toBe(false);
    expect(meCan(platformAdmin, 'api_tokens:manage', VENETO)).toBe(true);
  });
});
