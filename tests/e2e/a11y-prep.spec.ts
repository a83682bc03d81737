import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { serveGoogleFixtures } from '../support/routeFixtures';
import { expect, test } from './extensionTest';

/**
 * The prep form, over the calendar and in a tab of its own, in light and dark mode: axe finds no
 * serious or critical violation (contrast, labels, landmarks, names of controls).
 */
const WEEK_URL = 'https://calendar.google.com/calendar/u/0/r/week/2026/9/15';

/** Violations worth failing on, each as "rule: target (summary)". */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'best-practice',
  ]);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary ?? ''})`,
      ),
    );
}

/** Opens the Sam meeting's prep over the calendar and returns its meeting id. */
async function openPrepOverCalendar(context: BrowserContext, page: Page): Promise<string> {
  await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-en.html' });
  await page.goto(WEEK_URL);
  await page.getByTestId('fourps-prep-button').click();
  const prep = page.frameLocator('iframe[title^="Four Ps"]');
  await expect(prep.getByRole('region', { name: 'Purpose' })).toBeVisible();
  const frame = page.frames().find((candidate) => candidate.url().includes('/prep.html'));
  const meetingId = frame ? new URL(frame.url()).searchParams.get('meeting') : null;
  if (!meetingId) throw new Error('no prep frame');
  return meetingId;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`prep over the calendar (${colorScheme}): no serious or critical violations`, async ({
    context,
    page,
    extensionId,
  }) => {
    test.setTimeout(120_000);
    const meetingId = await openPrepOverCalendar(context, page);
    // axe cannot enter the extension's frame from Google's page, so the very document the frame shows
    // (same URL, same size) is judged on its own.
    const frame = page.locator('iframe[title^="Four Ps"]');
    const box = await frame.boundingBox();
    const embedded = await context.newPage();
    if (box) await embedded.setViewportSize({ width: Math.round(box.width), height: Math.round(box.height) });
    await embedded.emulateMedia({ colorScheme });
    await embedded.goto(
      `chrome-extension://${extensionId}/prep.html?meeting=${encodeURIComponent(meetingId)}&embedded=1`,
    );
    await expect(embedded.getByRole('button', { name: /Close/ })).toBeVisible();
    expect(await seriousViolations(embedded)).toEqual([]);
  });

  test(`prep page in a tab (${colorScheme}): no serious or critical violations, filled in or empty`, async ({
    context,
    page,
    extensionId,
  }) => {
    test.setTimeout(120_000);
    const meetingId = await openPrepOverCalendar(context, page);
    await page.keyboard.press('Escape');
    const tab = await context.newPage();
    await tab.emulateMedia({ colorScheme });
    await tab.goto(`chrome-extension://${extensionId}/prep.html?meeting=${encodeURIComponent(meetingId)}`);
    // With something typed and saved, so the save status and done marks are judged too.
    await tab
      .getByRole('region', { name: 'Purpose' })
      .getByRole('textbox')
      .first()
      .fill('Talk about the promotion');
    await expect(tab.getByTestId('fourps-save-status')).toHaveText('Saved');
    expect(await seriousViolations(tab)).toEqual([]);

    await tab.goto(`chrome-extension://${extensionId}/prep.html`);
    await expect(tab.getByRole('heading', { level: 1 })).toHaveText('No meeting chosen');
    expect(await seriousViolations(tab)).toEqual([]);
  });
}

test('axe is not blind here: a planted image without alt and low-contrast text are reported', async ({
  context,
  extensionId,
}) => {
  const tab = await context.newPage();
  await tab.emulateMedia({ colorScheme: 'dark' });
  await tab.goto(`chrome-extension://${extensionId}/prep.html`);
  await expect(tab.getByRole('heading', { level: 1 })).toBeVisible();
  await tab.evaluate(() => {
    const main = document.querySelector('main');
    main?.append(Object.assign(document.createElement('img'), { src: 'planted.png' }));
    const faint = Object.assign(document.createElement('p'), { textContent: 'faint' });
    faint.style.color = '#333';
    main?.append(faint);
  });
  const rules = (await seriousViolations(tab)).map((violation) => violation.split(':')[0]);
  expect(rules.sort()).toEqual(['color-contrast', 'image-alt']);
});
