/**
 * `npm run demo`: Chromium with the built extension on a bundled, offline Google Calendar page (the
 * test fixtures, served on the real calendar URL). With a display it leaves the browser open for you
 * to try; without one it runs headless and saves a screenshot of each surface into demo-output/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../support/launchExtension';
import { moveFixtureDates } from '../support/moveFixtureDates';
import { readFixture, refuseOtherHosts, serveGoogleFixtures } from '../support/routeFixtures';

const OUTPUT = resolve(import.meta.dirname, '../../demo-output');
const FIXTURE_DAY = new Date(2026, 8, 15);
const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');

async function main() {
  mkdirSync(OUTPUT, { recursive: true });
  const { context, extensionId } = await launchWithExtension({ headless });
  await refuseOtherHosts(context);
  // The demo meeting is moved to tomorrow, so the popup lists it as upcoming whatever today is.
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const calendar = moveFixtureDates(readFixture('gcal', 'week-popover-en.html'), FIXTURE_DAY, tomorrow);
  await serveGoogleFixtures(context, 'gcal', { '*': () => calendar });

  const shots: string[] = [];
  const shoot = async (page: import('@playwright/test').Page, name: string) => {
    const path = resolve(OUTPUT, name);
    await page.screenshot({ path });
    shots.push(path);
  };

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('https://calendar.google.com/calendar/u/0/r/week');
  const prepButton = page.getByTestId('fourps-prep-button');
  await prepButton.waitFor();
  await shoot(page, '1-calendar-prep-button.png');

  await prepButton.click();
  const prep = page.frameLocator('iframe[title^="Four Ps"]');
  const purpose = prep.getByRole('textbox').first();
  await purpose.fill('Decide whether to apply for the team-lead role, and what I need to learn first.');
  await prep.getByText('Saved', { exact: true }).waitFor();
  await shoot(page, '2-prep-form.png');
  await page.keyboard.press('Escape');

  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  const upcomingId = await firstUpcomingMeetingId(context, extensionId);
  await panel.goto(
    `chrome-extension://${extensionId}/sidepanel.html?meeting=${encodeURIComponent(upcomingId)}`,
  );
  await panel.getByRole('heading', { level: 1 }).waitFor();
  await shoot(panel, '3-side-panel.png');

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 420 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('fourps-upcoming-item').first().waitFor();
  await shoot(popup, '4-popup.png');

  console.log('Four Ps demo — screenshots:');
  for (const shot of shots) console.log(`  ${shot}`);
  if (headless) {
    await context.close();
    return;
  }
  console.log(
    'The browser stays open: try the Prep button on the calendar page. Close the window to end the demo.',
  );
  await page.bringToFront();
  await new Promise<void>((done) => context.on('close', () => done()));
}

async function firstUpcomingMeetingId(
  context: import('@playwright/test').BrowserContext,
  extensionId: string,
) {
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${extensionId}/popup.html`);
  const item = probe.getByTestId('fourps-upcoming-item').first();
  await item.waitFor();
  const id = (await item.getAttribute('data-meeting-id')) ?? '';
  await probe.close();
  return id;
}

main().catch((error) => {
  console.error('The demo failed:', error);
  process.exit(1);
});
