import { serveGoogleFixtures } from '../support/routeFixtures';
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
