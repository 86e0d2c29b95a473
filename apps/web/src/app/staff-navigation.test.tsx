import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import { renderApp } from '../testing/render-app';
import { fakeStaffApi, staffMe } from '../testing/staff-api';

const navLinks = async () => {
  const navigation = await screen.findByRole('navigation', { name: 'Main' });
  return within(navigation)
    .getAllByRole('link')
    .map((link) => link.textContent);
};

describe('the staff’s entries in the header', { timeout: 20_000 }, () => {
  it('offer the directory, partnerships and the audit trail to the data protection officer', async () => {
    fakeStaffApi({}, staffMe([{ organisationId: null, organisationName: null, role: 'dpo' }]));
    await renderApp('/');

    expect(await screen.findByRole('link', { name: 'Audit trail' })).toHaveAttribute('href', '/audit');
    expect(await navLinks()).toEqual([
      'Home', 'Territories', 'Services', 'Send money home', 'Ask for help', 'Organisations', 'Partnerships', 'Audit trail', 'Erasure requests', 'API documentation',
    ]);
  });

  it('leave the audit trail out for an officer, whose visit there is turned away', async () => {
    fakeStaffApi({}, staffMe([{ organisationId: '10000000-0000-4000-8000-000000000001', organisationName: 'ARD', role: 'lra_officer' }]));
    await renderApp('/audit');

    expect(await screen.findByRole('heading', { level: 1, name: 'Not available to you' })).toBeInTheDocument();
    expect(await navLinks()).toEqual([
      'Home', 'Territories', 'Services', 'Send money home', 'Ask for help', 'Organisations', 'Partnerships', 'Services to check', 'Remittance reports', 'API documentation',
    ]);
  });

  it('show none of them to a visitor', async () => {
    fakeStaffApi({}, null);
    await renderApp('/');

    await screen.findByRole('link', { name: en['auth.menu.sign_in'] });
    expect(await navLinks()).toEqual(['Home', 'Territories', 'Services', 'Send money home', 'Ask for help', 'API documentation']);
  });
});
