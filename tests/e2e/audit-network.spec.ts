import type { Request } from '@playwright/test';
import { writePurposeFromCalendar } from '../support/calendarPrep';
import { expect, test } from './extensionTest';

// Lets Playwright report the service worker's own requests too (read when the browser starts).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/**
 * Every request made while a user goes calendar → prep → popup → side panel → dashboard: the only
 * ones allowed are the routed Calendar fixture page and the extension's own files. A request the
 * worker makes on purpose proves the recorder hears the worker, so "none" means none.
 */
const PROBE_URL = 'https://network-audit-probe.invalid/';

test('the extension makes no request of its own on a whole journey', async ({
  context,
  page,
  extensionId,
  serviceWorker,
}) => {
  const requests: string[] = [];
  const record = (request: Request) => requests.push(request.url());
  context.on('request', record);

  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
  await writePurposeFromCalendar(context, page, tomorrow, 'Ask about the promotion');
  await page.keyboard.press('Escape');

  const own = `chrome-extension://${extensionId}`;
  for (const path of ['/popup.html', '/sidepanel.html', '/options.html']) {
    const view = await context.newPage();
    await view.goto(`${own}${path}`);
    await expect(view.locator('h1').first()).toBeVisible();
    await view.close();
  }

  // The probe: the recorder must hear a request the worker makes (it is refused, nothing leaves).
  await serviceWorker.evaluate((url) => fetch(url).catch(() => undefined), PROBE_URL);
  await expect.poll(() => requests.includes(PROBE_URL)).toBe(true);

  const fixturePage = (url: string) => url.startsWith('https://calendar.google.com/calendar/');
  const unexpected = requests.filter((url) => url !== PROBE_URL && !url.startsWith(own) && !fixturePage(url));
  expect(unexpected).toEqual([]);
  expect(requests.filter(fixturePage).length).toBeGreaterThan(0);
});
