import type { Page } from '@playwright/test';
import { serveGoogleFixtures } from '../support/routeFixtures';
import { expect, test } from './extensionTest';

/**
 * Calendar's templates may patch the page in place: when the open details popover switches to another
 * event, or a re-render re-uses a chip for another event, the same elements get the new event id and
 * new text, and no node is added. The Prep button and the chip badges must follow the event shown.
 */
const WEEK_URL = 'https://calendar.google.com/calendar/u/0/r/week/2026/9/15';
const COMMENTARY_ID = 'YzBtbTNudDRyeXIzdjEzdzIwMjYgYWxleC5kb2VAZXhhbXBsZS5jb20';

/** Rewrites `selector`'s event id and its texts in place: every node stays, only values change. */
async function rewriteInPlace(page: Page, selector: string, eventId: string): Promise<void> {
  await page.evaluate(
    ({ selector, eventId }) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`fixture has no ${selector}`);
      element.setAttribute('data-eventid', eventId);
      const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let text = texts.nextNode(); text; text = texts.nextNode()) {
        if (text.parentElement?.closest('[data-fourps], [data-fourps-controls]')) continue;
        text.nodeValue = (text.nodeValue ?? '')
          .replace(/Mentoring with Sam/g, 'Commentary review')
          .replace(/mentor\w*/gi, 'review');
      }
    },
    { selector, eventId },
  );
}

test('a popover switched in place to a non-mentoring event loses its Prep button', async ({
  context,
  page,
  hostPageErrors,
}) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-en.html' });
  await page.goto(WEEK_URL);
  const dialog = page.locator('#xDetDlg');
  await expect(dialog.getByTestId('fourps-prep-button')).toHaveCount(1);
  await rewriteInPlace(page, '#xDetDlg', COMMENTARY_ID);
  await expect(dialog.getByTestId('fourps-mark-button')).toHaveCount(1);
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(0);
  await expect(page.locator('[data-fourps-controls]')).toHaveCount(1);
  expect(hostPageErrors).toEqual([]);
});

test('a mentoring chip re-used in place for another event loses its badge', async ({
  context,
  page,
  hostPageErrors,
}) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-en.html' });
  await page.goto(WEEK_URL);
  const samChip =
    '[data-eventchip][data-eventid="NGsyajNoNWc2ZjdkOHM5YTBwMW8yaTN1NHkgYWxleC5kb2VAZXhhbXBsZS5jb20"]';
  await expect(page.locator(samChip).getByTestId('fourps-chip-badge')).toHaveCount(1);
  await page.locator(samChip).evaluate((chip) => chip.setAttribute('data-testid', 'reused-chip'));
  await rewriteInPlace(page, samChip, COMMENTARY_ID);
  await expect(page.getByTestId('reused-chip')).toContainText('Commentary review');
  await expect(page.getByTestId('reused-chip').getByTestId('fourps-chip-badge')).toHaveCount(0);
  expect(hostPageErrors).toEqual([]);
});
