import { moveFixtureDates } from '../support/moveFixtureDates';
import { readFixture, serveGoogleFixtures } from '../support/routeFixtures';
import { expect, test } from './extensionTest';

/**
 * The thin slice across every layer: a mentoring meeting on the calendar gets one Prep button, the prep
 * typed in the panel over the calendar is stored in the extension's database, and the popup lists the
 * meeting as upcoming with its progress.
 */
const WEEK_URL = 'https://calendar.google.com/calendar/u/0/r/week/2026/9/15';
const FIXTURE_DAY = new Date(2026, 8, 15);

test('a mentoring meeting gets exactly one Prep button', async ({ context, page, hostPageErrors }) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-en.html' });
  await page.goto(WEEK_URL);
  const button = page.locator('#xDetDlg').getByTestId('fourps-prep-button');
  await expect(button).toHaveText(/Prep/);
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(1);
  expect(hostPageErrors).toEqual([]);
});

test('another event gets no Prep button, only the quiet option to mark it', async ({ context, page }) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-standup-en.html' });
  await page.goto(WEEK_URL);
  await expect(page.getByTestId('fourps-mark-button')).toBeVisible();
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(0);
});

test('prep typed over the calendar is saved and shows in the popup as upcoming', async ({
  context,
  page,
  extensionId,
}) => {
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const calendar = moveFixtureDates(readFixture('gcal', 'week-popover-en.html'), FIXTURE_DAY, tomorrow);
  await serveGoogleFixtures(context, 'gcal', { '*': () => calendar });
  await page.goto(WEEK_URL);
  await page.getByTestId('fourps-prep-button').click();

  const prep = page.frameLocator('iframe[title^="Four Ps"]');
  await expect(prep.getByRole('region', { name: 'Purpose' })).toBeVisible();
  for (const p of ['Preparation', 'Participation', 'Plan ahead']) {
    await expect(prep.getByRole('region', { name: p })).toBeVisible();
  }
  const purpose = prep.getByRole('region', { name: 'Purpose' }).getByRole('textbox').first();
  await purpose.fill('Decide whether to apply for the team-lead role');
  await expect(prep.getByTestId('fourps-save-status')).toHaveText('Saved');
  await expect(prep.getByTestId('fourps-prep-progress')).toHaveText('1 of 4 Ps prepared');

  // Esc closes the panel; opening it again after a reload shows the saved text.
  await page.keyboard.press('Escape');
  await expect(page.locator('iframe[title^="Four Ps"]')).toHaveCount(0);
  // Closing the panel refreshes the chip's badge: one P answered is "partial".
  await expect(
    page
      .locator('[data-eventchip]')
      .filter({ hasText: 'Mentoring with Sam' })
      .getByTestId('fourps-chip-badge'),
  ).toHaveAttribute('data-prep-status', 'partial');
  await page.reload();
  await page.getByTestId('fourps-prep-button').click();
  await expect(
    page
      .frameLocator('iframe[title^="Four Ps"]')
      .getByRole('region', { name: 'Purpose' })
      .getByRole('textbox')
      .first(),
  ).toHaveValue('Decide whether to apply for the team-lead role');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const items = popup.getByTestId('fourps-upcoming-item');
  // Both mentoring meetings of the week are known from their chips alone; soonest first.
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Mentoring with Sam');
  await expect(items.nth(0)).toContainText('Tomorrow');
  await expect(items.nth(0)).toContainText('1/4 Ps prepared');
  await expect(items.nth(1)).toContainText('1:1 Alex / Jordan');
  await expect(items.nth(1)).toContainText('0/4 Ps prepared');
});

test('the chip of a known mentoring meeting carries its prep status', async ({ context, page }) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-en.html' });
  await page.goto(WEEK_URL);
  const chip = (title: string) => page.locator('[data-eventchip]').filter({ hasText: title });
  const badge = chip('Mentoring with Sam').getByTestId('fourps-chip-badge');
  await expect(badge).toHaveCount(1);
  await expect(badge).toHaveAttribute('data-prep-status', 'none');
  await expect(chip('1:1 Alex / Jordan').getByTestId('fourps-chip-badge')).toHaveCount(1);
  for (const other of ['Team standup', 'Mentor Graphics vendor call', 'Commentary review']) {
    await expect(chip(other).first()).toBeVisible();
    await expect(chip(other).getByTestId('fourps-chip-badge')).toHaveCount(0);
  }
});

test.describe('in a browser that refuses storage to framed pages', () => {
  test.use({ playwrightDefaults: true });

  test('the Prep button opens the prep in a tab instead, and it saves', async ({ context, page }) => {
    await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-en.html' });
    await page.goto(WEEK_URL);
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      page.getByTestId('fourps-prep-button').click(),
    ]);
    await expect(tab).toHaveURL(/prep\.html\?meeting=gcal%3A/);
    const purpose = tab.getByRole('region', { name: 'Purpose' }).getByRole('textbox').first();
    await purpose.fill('Talk about the promotion');
    await expect(tab.getByTestId('fourps-save-status')).toHaveText('Saved');
    await expect(page.locator('iframe[title^="Four Ps"]')).toHaveCount(0);
  });
});

test('a new detection word reaches an open calendar tab at once: badges and the Prep button follow', async ({
  context,
  page,
  extensionId,
  hostPageErrors,
}) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-standup-en.html' });
  await page.goto(WEEK_URL);
  const chipBadges = (title: string) =>
    page.locator('[data-eventchip]').filter({ hasText: title }).getByTestId('fourps-chip-badge');
  // The chips were read and answered: the mentoring one has its badge, the standups none.
  await expect(chipBadges('Mentoring with Sam')).toHaveCount(1);
  await expect(chipBadges('Team standup')).toHaveCount(0);
  await expect(page.locator('#xDetDlg').getByTestId('fourps-mark-button')).toBeVisible();

  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/options.html#detection`);
  const detection = dashboard.locator('#detection');
  const keywords = detection.getByLabel('Keywords (one per line)');
  await keywords.fill(`${await keywords.inputValue()}\nstandup`);
  await detection.getByRole('button', { name: 'Save detection settings' }).click();
  await expect(detection.getByText(/^Saved\./)).toContainText('open Google Calendar tabs');

  // No reload: the calendar tab asks again about what it shows.
  await expect(chipBadges('Team standup')).toHaveCount(2);
  await expect(page.locator('#xDetDlg').getByTestId('fourps-prep-button')).toHaveCount(1);
  await expect(page.getByTestId('fourps-mark-button')).toHaveCount(0);
  expect(hostPageErrors).toEqual([]);
});
