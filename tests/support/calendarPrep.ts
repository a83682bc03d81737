import type { BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { moveFixtureDates } from './moveFixtureDates';
import { readFixture, serveGoogleFixtures } from './routeFixtures';

/** The week the calendar journeys open (tests/fixtures/gcal/week-popover-en.html). */
export const WEEK_URL = 'https://calendar.google.com/calendar/u/0/r/week/2026/9/15';
const FIXTURE_DAY = new Date(2026, 8, 15);

/**
 * Serves the English week with its mentoring meeting moved to `day`, opens it, clicks the popover's
 * Prep button and writes the first Purpose answer, waiting until it is saved. Returns the prep frame.
 */
export async function writePurposeFromCalendar(
  context: BrowserContext,
  page: Page,
  day: Date,
  purpose: string,
) {
  const calendar = moveFixtureDates(readFixture('gcal', 'week-popover-en.html'), FIXTURE_DAY, day);
  await serveGoogleFixtures(context, 'gcal', { '*': () => calendar });
  await page.goto(WEEK_URL);
  await page.getByTestId('fourps-prep-button').click();
  const prep = page.frameLocator('iframe[title^="Four Ps"]');
  await prep.getByRole('region', { name: 'Purpose' }).getByRole('textbox').first().fill(purpose);
  await expect(prep.getByTestId('fourps-save-status')).toHaveText('Saved');
  return prep;
}
