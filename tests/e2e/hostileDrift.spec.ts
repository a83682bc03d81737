import type { ConsoleMessage, Page } from '@playwright/test';
import { serveGoogleFixtures } from '../support/routeFixtures';
import { expect, test } from './extensionTest';

/**
 * Google changes its DOM without notice. With every class renamed, our id / role / data-* hooks still
 * find the details popover: exactly one Prep button. With a popover that has none of our hooks, we
 * add nothing, throw nothing, and say so once in the console (not once per re-render).
 */
const WEEK_URL = 'https://calendar.google.com/calendar/u/0/r/week/2026/9/15';

function fourPsWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'warning' && message.text().includes('[Four Ps]')) warnings.push(message.text());
  });
  return warnings;
}

test('every class renamed: still exactly one Prep button, chip badges, no warning', async ({
  context,
  page,
  hostPageErrors,
}) => {
  const warnings = fourPsWarnings(page);
  await serveGoogleFixtures(context, 'gcal', { '*': 'drift-renamed-classes-en.html' });
  await page.goto(WEEK_URL);
  await expect(page.locator('#xDetDlg').getByTestId('fourps-prep-button')).toHaveText(/Prep/);
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(1);
  const chip = page.locator('[data-eventchip]').filter({ hasText: 'Mentoring with Sam' });
  await expect(chip.getByTestId('fourps-chip-badge')).toHaveCount(1);
  // Calendar re-renders: the button is not doubled.
  await page.evaluate(() => document.getElementById('xDetDlg')?.setAttribute('data-rerendered', '1'));
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(1);
  expect(warnings).toEqual([]);
  expect(hostPageErrors).toEqual([]);
});

test('a details popover with none of our hooks: no button, no error, one warning', async ({
  context,
  page,
  hostPageErrors,
}) => {
  const warnings = fourPsWarnings(page);
  await serveGoogleFixtures(context, 'gcal', { '*': 'drift-no-hooks-en.html' });
  await page.goto(WEEK_URL);
  // The grid still has its hooks: once its chips carry badges, the content script has read the page.
  const chip = page.locator('[data-eventchip]').filter({ hasText: 'Mentoring with Sam' });
  await expect(chip.getByTestId('fourps-chip-badge')).toHaveCount(1);
  // Calendar keeps re-rendering the popover; each pass must stay silent after the first warning.
  for (let round = 0; round < 3; round += 1) {
    await page.evaluate((n) => {
      const dialog = document.querySelector('[data-chips-dialog] [role="dialog"]');
      dialog?.setAttribute('aria-label', `Event details ${n}`);
      dialog?.append(document.createElement('div'));
    }, round);
  }
  await expect(page.locator('[data-fourps-controls]')).toHaveCount(0);
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(0);
  await expect(page.getByTestId('fourps-mark-button')).toHaveCount(0);
  await expect.poll(() => warnings.length).toBe(1);
  expect(warnings[0]).toContain('event details dialog has no readable event id');
  expect(hostPageErrors).toEqual([]);
});
