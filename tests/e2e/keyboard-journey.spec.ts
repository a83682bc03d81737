import type { Frame, Page } from '@playwright/test';
import { serveGoogleFixtures } from '../support/routeFixtures';
import { expect, test } from './extensionTest';

/**
 * Keyboard only: from the calendar, Tab to the Prep button, open the prep with Enter, Tab to the first
 * Purpose question, type, and close with Esc — no mouse anywhere, and what was typed is saved.
 */
const WEEK_URL = 'https://calendar.google.com/calendar/u/0/r/week/2026/9/15';
const MAX_TABS = 80;

async function tabUntil(page: Page, focused: () => Promise<boolean>, what: string): Promise<number> {
  for (let presses = 1; presses <= MAX_TABS; presses += 1) {
    await page.keyboard.press('Tab');
    if (await focused()) return presses;
  }
  throw new Error(`${what} was not reached within ${MAX_TABS} presses of Tab`);
}

function prepFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => candidate.url().includes('/prep.html'));
  if (!frame) throw new Error('the prep frame is missing');
  return frame;
}

test('calendar → prep → type → close, with the keyboard alone', async ({ context, page, hostPageErrors }) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-en.html' });
  await page.goto(WEEK_URL);
  const prepButton = page.getByTestId('fourps-prep-button');
  await expect(prepButton).toBeVisible();

  await tabUntil(
    page,
    () => prepButton.evaluate((button) => button === document.activeElement),
    'the Prep button',
  );
  await page.keyboard.press('Enter');
  const prep = page.frameLocator('iframe[title^="Four Ps"]');
  const purpose = prep.getByRole('region', { name: 'Purpose' }).getByRole('textbox').first();
  await expect(purpose).toBeVisible();

  // Focus moved into the prep (the frame), not left behind on the calendar.
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
  const presses = await tabUntil(
    page,
    () => purpose.evaluate((field) => field === document.activeElement),
    'the first Purpose question',
  );
  // Close, role and relationship come first; the question is a few stops away, not dozens.
  expect(presses).toBeLessThan(15);
  await page.keyboard.type('Ask how to lead my first project');
  await expect(prep.getByTestId('fourps-save-status')).toHaveText('Saved');
  expect(await prepFrame(page).evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');

  await page.keyboard.press('Escape');
  await expect(page.locator('iframe[title^="Four Ps"]')).toHaveCount(0);
  // Focus goes back to the Prep button that opened the panel, not lost on <body> (WCAG 2.4.3).
  await expect(prepButton).toBeFocused();

  // Open it again from the keyboard: the typed text is there.
  await page.keyboard.press('Enter');
  await expect(purpose).toHaveValue('Ask how to lead my first project');
  expect(hostPageErrors).toEqual([]);
});
