import { moveLocalizedFixtureDates } from '../support/moveLocalizedFixtureDates';
import { readFixture, serveGoogleFixtures } from '../support/routeFixtures';
import { dumpDatabase } from './extensionData';
import { expect, test } from './extensionTest';

/**
 * Calendar variants real users meet that the per-view specs do not: lists of events shown in a dialog,
 * other UI languages, special kinds of events. Each keeps the contracts: a Prep button only in a
 * mentoring meeting's details, a badge on mentoring chips, nothing else, and no error in the page.
 */
const MONTH_URL = 'https://calendar.google.com/calendar/u/0/r/month/2026/9/15';
const SAM_MEETING = 'gcal:4k2j3h5g6f7d8s9a0p1o2i3u4y';

test('a day\'s "+N more" list is no event\'s details: no controls, its chips get badges', async ({
  context,
  page,
  extensionId,
  hostPageErrors,
}) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'month-more-events-en.html' });
  await page.goto(MONTH_URL);
  const list = page.locator('[data-chips-dialog] [role="dialog"]');
  const listChip = (title: string) => list.locator('[data-eventchip]').filter({ hasText: title });
  await expect(listChip('Mentoring with Sam').getByTestId('fourps-chip-badge')).toHaveCount(1);
  await expect(listChip('Team standup').getByTestId('fourps-chip-badge')).toHaveCount(0);
  await expect(page.locator('[data-fourps-controls]')).toHaveCount(0);
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(0);

  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/prep.html`);
  const { meetings } = await dumpDatabase(extensionPage);
  const sam = (meetings as { id: string; title: string }[]).find((meeting) => meeting.id === SAM_MEETING);
  expect(sam?.title).toBe('Mentoring with Sam');
  expect(hostPageErrors).toEqual([]);
});

for (const fixture of ['month-popover-ko.html', 'month-popover-zh-CN.html']) {
  test(`${fixture}: month chips drawn "오후 3시 Title" / "下午3点 Title" get their badges`, async ({
    context,
    page,
    hostPageErrors,
  }) => {
    await serveGoogleFixtures(context, 'gcal', { '*': fixture });
    await page.goto(MONTH_URL);
    await expect(page.locator('#xDetDlg').getByTestId('fourps-prep-button')).toHaveText(/Prep/);
    const chip = (title: string) => page.locator('[data-eventchip]').filter({ hasText: title });
    await expect(chip('Mentoring with Sam').getByTestId('fourps-chip-badge')).toHaveCount(1);
    await expect(chip('1:1 Alex / Jordan').getByTestId('fourps-chip-badge')).toHaveCount(1);
    await expect(chip('Team standup').first().getByTestId('fourps-chip-badge')).toHaveCount(0);
    await expect(page.getByTestId('fourps-chip-badge')).toHaveCount(2);
    expect(hostPageErrors).toEqual([]);
  });
}

/**
 * UI languages without a hand table: dates are read with the words the browser's Intl writes for the
 * page's <html lang>. Moved to tomorrow, so the popup lists the meeting as upcoming: that needs its start.
 */
const LANGUAGES_WITHOUT_HAND_TABLE = [
  { fixture: 'week-popover-ru.html', locale: 'ru', url: 'https://calendar.google.com/calendar/u/0/r/week' },
  { fixture: 'month-popover-ar.html', locale: 'ar', url: MONTH_URL },
];

for (const { fixture, locale, url } of LANGUAGES_WITHOUT_HAND_TABLE) {
  test(`${fixture}: Prep button, chip badges and the start time in the popup`, async ({
    context,
    page,
    extensionId,
    hostPageErrors,
  }) => {
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const calendar = moveLocalizedFixtureDates(
      readFixture('gcal', fixture),
      new Date(2026, 8, 15),
      tomorrow,
      locale,
    );
    await serveGoogleFixtures(context, 'gcal', { '*': () => calendar });
    await page.goto(url);
    await expect(page.locator('#xDetDlg').getByTestId('fourps-prep-button')).toHaveText(/Prep/);
    const chip = (title: string) => page.locator('[data-eventchip]').filter({ hasText: title });
    // The Arabic month chips draw "3:00 م" before the title: it must not be taken for the title.
    await expect(chip('Mentoring with Sam').getByTestId('fourps-chip-badge')).toHaveCount(1);
    await expect(chip('1:1 Alex / Jordan').getByTestId('fourps-chip-badge')).toHaveCount(1);
    await expect(page.getByTestId('fourps-chip-badge')).toHaveCount(2);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const sam = popup.getByTestId('fourps-upcoming-item').filter({ hasText: 'Mentoring with Sam' });
    await expect(sam).toContainText('Tomorrow');
    const { meetings } = await dumpDatabase(popup);
    const stored = (meetings as { id: string; start?: number; end?: number }[]).find(
      (meeting) => meeting.id === SAM_MEETING,
    );
    const at = (hour: number) =>
      new Date(tomorrow.getFullYear(), tomorrow.getMonth(), tomorrow.getDate(), hour).getTime();
    expect(stored).toMatchObject({ start: at(15), end: at(16) });
    expect(hostPageErrors).toEqual([]);
  });
}
