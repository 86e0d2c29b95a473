import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import ar from '../i18n/ar.json';
import fr from '../i18n/fr.json';
import { renderApp } from '../testing/render-app';

describe('switching the interface language', () => {
  it('to Arabic, lays the page out right to left and translates it', async () => {
    await renderApp('/');

    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'ar' } });

    expect(await screen.findByRole('heading', { level: 1, name: ar['home.title'] })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    expect(screen.getByRole('combobox', { name: ar['language.label'] })).toHaveValue('ar');
  });

  it('remembers the choice for the next visit', async () => {
    await renderApp('/');

    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'fr' } });

    await screen.findByRole('heading', { level: 1, name: fr['home.title'] });
    expect(localStorage.getItem('glocal.locale')).toBe('fr');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
  });

  it('lists every language in its own name', async () => {
    await renderApp('/');

    const options = screen.getAllByRole('option').map((option) => option.textContent);

    expect(options).toEqual(['English', 'Français', 'Español', 'Italiano', 'العربية']);
  });

  it('from Arabic back to English, restores the left-to-right layout', async () => {
    await renderApp('/', { locale: 'ar' });
    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'rtl'));

    fireEvent.change(screen.getByRole('combobox', { name: ar['language.label'] }), { target: { value: 'en' } });

    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'ltr'));
    expect(document.documentElement).toHaveAttribute('lang', 'en');
  });
});
