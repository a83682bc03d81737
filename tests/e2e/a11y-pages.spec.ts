import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { moveFixtureDates } from '../support/moveFixtureDates';
import { readFixture, serveGoogleFixtures } from '../support/routeFixtures';
import { expect, test } from './extensionTest';

/**
 * The popup, the side panel page and the dashboard (options page), in light and dark mode, with a
 * known mentoring meeting so their lists are not empty: axe finds no serious or critical violation.
 * These pages were being rewritten when this was written; their owners fix what this reports.
 */
const WEEK_URL = 'https://calendar.google.com/calendar/u/0/r/week/2026/9/15';

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary ?? ''})`,
      ),
    );
}

/** Sam's meeting, moved to tomorrow so it is upcoming; returns its meeting id. */
async function knownMeeting(page: Page, context: Parameters<typeof serveGoogleFixtures>[0]): Promise<string> {
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const html = moveFixtureDates(readFixture('gcal', 'week-popover-en.html'), new Date(2026, 8, 15), tomorrow);
  await serveGoogleFixtures(context, 'gcal', { '*': () => html });
  await page.goto(WEEK_URL);
  await page.getByTestId('fourps-prep-button').click();
  await expect(
    page.frameLocator('iframe[title^="Four Ps"]').getByRole('heading', { level: 1 }),
  ).toBeVisible();
  const frame = page.frames().find((candidate) => candidate.url().includes('/prep.html'));
  const meetingId = frame ? new URL(frame.url()).searchParams.get('meeting') : null;
  if (!meetingId) throw new Error('no prep frame');
  await page.keyboard.press('Escape');
  return meetingId;
}

const PAGES: { name: string; path: (meetingId: string) => string }[] = [
  { name: 'popup', path: () => '/popup.html' },
  { name: 'side panel, idle', path: () => '/sidepanel.html' },
  { name: 'side panel, a meeting', path: (id) => `/sidepanel.html?meeting=${encodeURIComponent(id)}` },
  { name: 'dashboard (options)', path: () => '/options.html' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  for (const { name, path } of PAGES) {
    test(`${name} (${colorScheme}): no serious or critical violations`, async ({
      context,
      page,
      extensionId,
    }) => {
      test.setTimeout(90_000);
      const meetingId = await knownMeeting(page, context);
      const view = await context.newPage();
      await view.emulateMedia({ colorScheme });
      await view.goto(`chrome-extension://${extensionId}${path(meetingId)}`);
      await expect(view.locator('h1').first()).toBeVisible();
      expect(await seriousViolations(view)).toEqual([]);
    });
  }
}
