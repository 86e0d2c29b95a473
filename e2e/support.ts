import fs from 'node:fs';
import type { Locale } from '@glocal/contracts';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Looks messages up in the web app's own catalogue, so journeys check what a reader sees
 * without copying the wording. Plain messages only: ICU arguments are not filled in here.
 */
export function messages(locale: Locale): (id: string) => string {
  const file = new URL(`../apps/web/src/i18n/${locale}.json`, import.meta.url);
  const catalogue = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  return (id) => {
    const message = catalogue[id];
    if (message === undefined) throw new Error(`No message ${id} in ${locale}.json`);
    return message;
  };
}

/** Picks a language in the header's switcher, as a reader would, and waits for the page to follow. */
export async function chooseLanguage(page: Page, from: Locale, to: Locale): Promise<void> {
  await page.getByRole('combobox', { name: messages(from)('language.label') }).selectOption(to);
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/** Opens `path` with `locale` already chosen (as stored by an earlier visit). */
export async function openIn(page: Page, locale: Locale, path: string): Promise<void> {
  await page.addInitScript((chosen) => localStorage.setItem('glocal.locale', chosen), locale);
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core on the page; fails on any serious or critical violation, listing them all. */
export async function expectNoSeriousViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = blocking.map(
    (violation) =>
      `${violation.impact} ${violation.id}: ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n'),
  );
  expect(report, report.join('\n')).toEqual([]);
}

/** Signs in through the sign-in page, waiting for the staff navigation; answers the session's CSRF token. */
export async function signInAsStaff(page: Page, email: string, password = 'glocal-demo-2026'): Promise<string> {
  const en = messages('en');
  await page.goto('/sign-in');
  await page.getByLabel(en('auth.field.email')).fill(email);
  await page.getByLabel(en('auth.field.password')).fill(password);
  await page.getByRole('button', { name: en('auth.sign_in.submit') }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: en('nav.cases') })).toBeVisible({ timeout: 15_000 });
  return (await (await page.request.get('/api/v1/auth/me')).json()).csrfToken as string;
}

/** A walk-in business-project case opened at CAIM Diourbel through the API (the desk's "new case" counter). */
export async function openWalkInCase(
  page: Page,
  csrfToken: string,
  person: { givenName: string; familyName: string; email: string },
  idea: string,
): Promise<{ id: string; reference: string; personName: string }> {
  const desks = await page.request.get('/api/v1/organisations?type=help_desk&q=CAIM%20Diourbel');
  const deskId = (await desks.json()).items[0].id as string;
  const response = await page.request.post('/api/v1/cases', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      deskId,
      requestKind: 'business_project',
      idea,
      person: { ...person, preferredLocale: 'fr' },
      processingConsent: { method: 'in_person', policyVersion: '2026-12-01' },
      tags: ['e2e'],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; reference: string; personName: string };
}

