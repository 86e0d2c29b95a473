import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import fr from '../../i18n/fr.json';
import { renderApp } from '../../testing/render-app';

describe('an address that matches no page', () => {
  it('shows the "page not found" page inside the usual layout, with a way home', async () => {
    await renderApp('/no/such/page');

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(document.title).toBe('Page not found · Glocal');
  });

  it('speaks the reader’s language', async () => {
    await renderApp('/nowhere', { locale: 'fr' });

    expect(screen.getByRole('heading', { level: 1, name: fr['not_found.title'] })).toBeInTheDocument();
  });
});
