import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../testing/render-app';

describe('the page layout', () => {
  it('offers a skip link to the main content before anything else', async () => {
    await renderApp('/');

    const skipLink = screen.getAllByRole('link')[0];

    expect(skipLink).toHaveAccessibleName('Skip to main content');
    expect(skipLink).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
  });

  it('links home, territories and the API documentation, marking the current page', async () => {
    await renderApp('/');

    const navigation = screen.getByRole('navigation', { name: 'Main' });

    expect(screen.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    expect(navigation).toContainElement(screen.getByRole('link', { name: 'Territories' }));
    expect(screen.getByRole('link', { name: 'API documentation' })).toHaveAttribute('href', '/api/docs');
  });

  it('lists the capabilities on the home page', async () => {
    await renderApp('/');

    const capabilities = screen.getByRole('heading', { level: 2, name: 'What Glocal helps you do' });
    expect(capabilities).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(8);
  });
});
