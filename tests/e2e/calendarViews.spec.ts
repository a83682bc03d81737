import { readFixture, serveGoogleFixtures } from '../support/routeFixtures';
import { dumpDatabase } from './extensionData';
import { expect, test } from './extensionTest';

/**
 * Every calendar view and locale we have a fixture for: the details of a mentoring meeting carry
 * exactly one Prep button, other events only the quiet "mark" option, and pages that are not event
 * details (a create dialog, a DOM we do not know) get nothing — and the page never sees an error.
 */
const EXPECTED: Record<string, 'prep' | 'mark'> = {
  'week-popover-en.html': 'prep',
  'week-popover-standup-en.html': 'mark',
  'day-popover-en.html': 'prep',
  'month-popover-en.html': 'prep',
  'year-popover-en.html': 'prep',
  'agenda-popover-en.html': 'mark',
  'search-popover-en.html': 'prep',
  'week-popover-recurring-en.html': 'prep',
  'week-popover-allday-en.html': 'prep',
  'week-popover-declined-en.html': 'prep',
  'week-popover-cancelled-en.html': 'prep',
  'week-popover-nodescription-en.html': 'prep',
  'week-popover-30guests-en.html': 'prep',
  'week-popover-en-24h.html': 'prep',
  'week-popover-de.html': 'prep',
  'week-popover-fr.html': 'prep',
  'week-popover-es.html': 'prep',
  'week-popover-pt.html': 'prep',
  'week-popover-it.html': 'prep',
  'week-popover-nl.html': 'prep',
  'week-popover-ja.html': 'prep',
};

for (const [fixture, expected] of Object.entries(EXPECTED)) {
  test(`${fixture}: ${expected === 'prep' ? 'one Prep button' : 'no Prep button'}`, async ({
    context,
    page,
    hostPageErrors,
  }) => {
    await serveGoogleFixtures(context, 'gcal', { '*': fixture });
    await page.goto('https://calendar.google.com/calendar/u/0/r/week');
    // The details popover; the year view also has a day-list dialog, which is not event details.
    const dialog = page.locator('#xDetDlg');
    if (expected === 'prep') {
      await expect(dialog.getByTestId('fourps-prep-button')).toHaveText(/Prep/);
      await expect(page.getByTestId('fourps-mark-button')).toHaveCount(0);
    } else {
      await expect(dialog.getByTestId('fourps-mark-button')).toBeVisible();
    }
    await expect(page.getByTestId('fourps-prep-button')).toHaveCount(expected === 'prep' ? 1 : 0);
    expect(hostPageErrors).toEqual([]);
  });
}

test('the full event edit page of a mentoring meeting gets one Prep button', async ({ context, page }) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'event-edit-page-en.html' });
  await page.goto(
    'https://calendar.google.com/calendar/u/0/r/eventedit/NGsyajNoNWc2ZjdkOHM5YTBwMW8yaTN1NHkgYWxleC5kb2VAZXhhbXBsZS5jb20',
  );
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(1);
});

for (const fixture of ['create-quick-dialog-en.html', 'unknown-future-dom.html']) {
  test(`${fixture}: nothing injected, nothing thrown`, async ({ context, page, hostPageErrors }) => {
    const warnings: string[] = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await serveGoogleFixtures(context, 'gcal', { '*': fixture });
    await page.goto('https://calendar.google.com/calendar/u/0/r/week');
    // Wait until the content script has certainly run: it reports chips it can read on its first pass.
    await page.waitForLoadState('load');
    await expect(page.locator('[data-fourps-controls]')).toHaveCount(0);
    await expect(page.getByTestId('fourps-prep-button')).toHaveCount(0);
    await expect(page.getByTestId('fourps-mark-button')).toHaveCount(0);
    expect(hostPageErrors).toEqual([]);
  });
}

test('a dialog Calendar re-renders gets its button back, never a second one', async ({ context, page }) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-en.html' });
  await page.goto('https://calendar.google.com/calendar/u/0/r/week');
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(1);
  // Calendar closes and re-opens the popover by replacing its node: simulate that twice.
  for (let round = 0; round < 2; round += 1) {
    await page.evaluate(() => {
      const dialog = document.getElementById('xDetDlg');
      if (!dialog?.parentNode) throw new Error('fixture has no dialog');
      const fresh = dialog.cloneNode(true) as Element;
      for (const injected of fresh.querySelectorAll('[data-fourps-controls]')) injected.remove();
      dialog.replaceWith(fresh);
    });
    await expect(page.getByTestId('fourps-prep-button')).toHaveCount(1);
  }
});

test('a popover Calendar moves in the page is never read as a chip: the meeting keeps its details', async ({
  context,
  page,
  extensionId,
}) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-en.html' });
  await page.goto('https://calendar.google.com/calendar/u/0/r/week');
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(1);
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/prep.html`);
  const storedSam = async () => {
    const { meetings } = await dumpDatabase(extensionPage);
    const sam = (meetings as { id: string; title: string; allDay: boolean; seenIn: string }[]).find(
      (meeting) => meeting.id === 'gcal:4k2j3h5g6f7d8s9a0p1o2i3u4y',
    );
    return sam && { title: sam.title, allDay: sam.allDay, seenIn: sam.seenIn };
  };
  await expect.poll(storedSam).toEqual({ title: 'Mentoring with Sam', allDay: false, seenIn: 'dialog' });

  // Calendar moves the open popover, our button still in it: the node itself is added again. It carries
  // an event id, but read as a chip it would rename the meeting "⋅", an all-day event. In the same
  // change a new chip appears: both are read in one pass and reported in one message, so once the new
  // chip has its badge, a report of the popover as a chip would have been stored too.
  await page.evaluate(() => {
    const dialog = document.getElementById('xDetDlg');
    const samChip = [...document.querySelectorAll('[data-eventchip]')].find((chip) =>
      chip.textContent?.includes('Mentoring with Sam'),
    );
    if (!dialog?.parentNode || !samChip?.parentNode) throw new Error('fixture has no dialog or chip');
    const newChip = samChip.cloneNode(true) as Element;
    for (const ours of newChip.querySelectorAll('[data-fourps]')) ours.remove();
    newChip.setAttribute('data-eventid', btoa('fpmoved1 alex.doe@example.com').replace(/=+$/, ''));
    newChip.setAttribute('data-testid', 'moved-test-chip');
    dialog.parentNode.appendChild(dialog);
    samChip.parentNode.appendChild(newChip);
  });
  await expect(page.getByTestId('moved-test-chip').getByTestId('fourps-chip-badge')).toHaveCount(1);
  expect(await storedSam()).toEqual({ title: 'Mentoring with Sam', allDay: false, seenIn: 'dialog' });
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(1);
});

test('a stored meeting renamed without its keyword is still followed: the chip prefilter knows it', async ({
  context,
  page,
  extensionId,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Four Ps')) warnings.push(message.text());
  });
  await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-en.html' });
  await page.goto('https://calendar.google.com/calendar/u/0/r/week');
  const chip = (title: string) => page.locator('[data-eventchip]').filter({ hasText: title });
  await expect(chip('Mentoring with Sam').getByTestId('fourps-chip-badge')).toHaveCount(1);
  const extensionPage = await context.newPage();
  await extensionPage.goto(`chrome-extension://${extensionId}/prep.html`);
  const storedTitles = async () => {
    const { meetings } = await dumpDatabase(extensionPage);
    return (meetings as { id: string; title: string }[])
      .filter((meeting) => meeting.id === 'gcal:4k2j3h5g6f7d8s9a0p1o2i3u4y')
      .map((meeting) => meeting.title);
  };
  await expect.poll(storedTitles).toEqual(['Mentoring with Sam']);

  // Calendar draws the renamed event as a new chip. "Coffee" is no keyword: only the event being
  // known lets the chip through the prefilter, so the stored meeting follows.
  await page.evaluate(() => {
    const old = [...document.querySelectorAll('[data-eventchip]')].find((element) =>
      element.textContent?.includes('Mentoring with Sam'),
    );
    if (!old) throw new Error('fixture has no mentoring chip');
    const redrawn = old.cloneNode(true) as Element;
    for (const ours of redrawn.querySelectorAll('[data-fourps]')) ours.remove();
    const texts = document.createTreeWalker(redrawn, NodeFilter.SHOW_TEXT);
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
      text.nodeValue = text.nodeValue?.replace('Mentoring with Sam', 'Coffee with Sam') ?? '';
    }
    old.replaceWith(redrawn);
  });
  await expect.poll(storedTitles).toEqual(['Coffee with Sam']);
  // The page asked for the prefilter and got it: no "calendar integration paused" warning.
  expect(warnings).toEqual([]);
});

test('marking an event as mentoring gives it a Prep button, and unmarking takes it away', async ({
  context,
  page,
}) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-standup-en.html' });
  await page.goto('https://calendar.google.com/calendar/u/0/r/week');
  await page.getByTestId('fourps-mark-button').click();
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(1);
  // The standup is recurring: the whole series is now mentoring, so its other chips get a badge too.
  await expect(
    page.locator('[data-eventchip]').filter({ hasText: 'Team standup' }).getByTestId('fourps-chip-badge'),
  ).toHaveCount(2);
  await page.reload();
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(1);
  await page.getByTestId('fourps-unmark-button').click();
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(0);
  await expect(page.getByTestId('fourps-mark-button')).toHaveCount(1);
});

test('fixtures used here are all real files', () => {
  for (const fixture of Object.keys(EXPECTED))
    expect(readFixture('gcal', fixture).length).toBeGreaterThan(1000);
});

test('leaving an event page in Calendar’s single-page app removes what Four Ps added', async ({
  context,
  page,
  hostPageErrors,
}) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'event-edit-page-en.html' });
  await page.goto(
    'https://calendar.google.com/calendar/u/0/r/eventedit/NGsyajNoNWc2ZjdkOHM5YTBwMW8yaTN1NHkgYWxleC5kb2VAZXhhbXBsZS5jb20',
  );
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(1);
  // Calendar navigates with the History API; the old page's DOM may linger for a moment.
  await page.evaluate(() => history.pushState({}, '', '/calendar/u/0/r/week'));
  await expect(page.locator('[data-fourps-controls]')).toHaveCount(0);
  expect(hostPageErrors).toEqual([]);
});

test('a busy week of 300 chips: every mentoring chip gets its badge', async ({
  context,
  page,
  hostPageErrors,
}) => {
  // The benchmark's week (the main fixture with 300 generated chips): one report of 300 events must be
  // stored in one go (a regression here once made IndexedDB commit the transaction early).
  const { calendarBenchPage } = await import('../../bench/calendarPage');
  const { CHIPS_PER_WEEK, isMentoringChip } = await import('../../bench/inpage/weekGrid');
  const expected = Array.from({ length: CHIPS_PER_WEEK }, (_, i) => i).filter((i) =>
    isMentoringChip(i),
  ).length;
  await serveGoogleFixtures(context, 'gcal', { '*': () => calendarBenchPage().html });
  await page.goto('https://calendar.google.com/calendar/u/0/r/week/2026/9/15');
  await expect(page.locator('[data-eventchip]')).toHaveCount(CHIPS_PER_WEEK);
  await expect(page.getByTestId('fourps-chip-badge')).toHaveCount(expected);
  expect(expected).toBeGreaterThan(50);
  expect(hostPageErrors).toEqual([]);
});

for (const fixture of [
  'week-popover-en.html',
  'day-popover-en.html',
  'month-popover-en.html',
  'agenda-popover-en.html',
]) {
  test(`${fixture}: every chip badge lies wholly inside its chip, where the chip's overflow cannot cut it`, async ({
    context,
    page,
  }) => {
    await serveGoogleFixtures(context, 'gcal', { '*': fixture });
    await page.goto('https://calendar.google.com/calendar/u/0/r/week');
    const badges = page.getByTestId('fourps-chip-badge');
    await expect(badges.first()).toBeAttached();
    const placements = await badges.evaluateAll((elements) =>
      elements.map((badge) => {
        const chip = badge.closest('[data-eventchip]')?.getBoundingClientRect();
        const dot = badge.getBoundingClientRect();
        return {
          size: dot.width * dot.height,
          inside:
            chip !== undefined &&
            dot.left >= chip.left &&
            dot.right <= chip.right &&
            dot.top >= chip.top &&
            dot.bottom <= chip.bottom,
        };
      }),
    );
    expect(placements.length).toBeGreaterThan(0);
    for (const placement of placements) expect(placement).toEqual({ size: expect.any(Number), inside: true });
    expect(Math.min(...placements.map((placement) => placement.size))).toBeGreaterThanOrEqual(36);
  });
}
