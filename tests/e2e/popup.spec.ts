import { serveGoogleFixtures } from '../support/routeFixtures';
import {
  actionItemRow,
  DAY,
  HOUR,
  MINUTE,
  meetingRow,
  prepRow,
  relationshipRow,
  seedDatabase,
} from './extensionData';
import { expect, test } from './extensionTest';

/** The parts of the `chrome` global these tests read in the service worker (no @types/chrome here). */
interface ExtensionApi {
  action: { getBadgeText(details: object): Promise<string> };
  alarms: { getAll(): Promise<Array<{ name: string; scheduledTime: number }>> };
}

/** The popup as a page: what the toolbar button shows, at a readable size. */
async function openPopup(context: import('@playwright/test').BrowserContext, extensionId: string) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  return popup;
}

test('lists upcoming mentoring meetings soonest first, with partner, role and 4 Ps progress', async ({
  context,
  extensionId,
}) => {
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('fourps-upcoming-empty')).toBeVisible();
  const now = Date.now();
  await seedDatabase(popup, {
    relationships: [
      relationshipRow({ id: 'rel-sam', partnerName: 'Sam Rivera', myRole: 'mentee' }),
      relationshipRow({ id: 'rel-ana', partnerName: 'Ana Lima', myRole: 'mentor', partnerEmails: [] }),
    ],
    meetings: [
      meetingRow('gcal:in-3-days', now + 3 * DAY, {
        title: 'Career chat with Ana',
        relationshipId: 'rel-ana',
      }),
      meetingRow('gcal:in-2-hours', now + 2 * HOUR, {
        title: 'Mentoring with Sam',
        relationshipId: 'rel-sam',
      }),
      meetingRow('gcal:on-now', now - 10 * MINUTE, { title: 'Coaching session', state: 'in-call' }),
      meetingRow('gcal:in-20-days', now + 20 * DAY, { title: 'Far away mentoring' }),
      meetingRow('gcal:cancelled', now + 4 * HOUR, { title: 'Cancelled mentoring', cancelled: true }),
      meetingRow('gcal:standup', now + 5 * HOUR, {
        title: 'Team standup',
        detection: { mentoring: false, reason: 'no-match' },
      }),
    ],
    preps: [prepRow('gcal:in-2-hours', ['purpose', 'plan']), prepRow('gcal:in-3-days', undefined, 'mentor')],
  });
  await popup.reload();

  const items = popup.getByTestId('fourps-upcoming-item');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('Coaching session');
  await expect(items.nth(0)).toContainText('In progress');
  await expect(items.nth(1)).toContainText('Mentoring with Sam');
  await expect(items.nth(1)).toContainText('with Sam Rivera · you are the mentee');
  await expect(items.nth(1)).toContainText('2/4 Ps prepared');
  await expect(items.nth(1)).toContainText(
    'Prepared: Purpose, Plan ahead. Still open: Preparation, Participation.',
  );
  await expect(items.nth(2)).toContainText('Career chat with Ana');
  await expect(items.nth(2)).toContainText('you are the mentor');
  await expect(items.nth(2)).toContainText('All 4 Ps prepared.');

  // In progress: the notes, not the prep, are what matters now.
  const [notesTab] = await Promise.all([
    context.waitForEvent('page'),
    items.nth(0).getByRole('button', { name: 'Open notes for this call' }).click(),
  ]);
  await expect(notesTab).toHaveURL(/sidepanel\.html\?meeting=gcal%3Aon-now$/);

  // One click on a meeting opens its prep.
  const [prepTab] = await Promise.all([
    context.waitForEvent('page'),
    items
      .nth(1)
      .getByRole('button', { name: /Mentoring with Sam/ })
      .click(),
  ]);
  await expect(prepTab).toHaveURL(/prep\.html\?meeting=gcal%3Ain-2-hours$/);
});

test('the toolbar badge counts unprepared meetings of the next 24 hours, and a reminder is set for each', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('fourps-upcoming-empty')).toBeVisible();
  const now = Date.now();
  await seedDatabase(popup, {
    meetings: [
      meetingRow('gcal:soon', now + 3 * HOUR, { title: 'Mentoring soon' }),
      meetingRow('gcal:ready', now + 5 * HOUR, { title: 'Mentoring, prepared' }),
      meetingRow('gcal:next-week', now + 6 * DAY, { title: 'Mentoring next week' }),
    ],
    preps: [prepRow('gcal:ready')],
  });
  // Opening the popup asks the background to count again.
  await popup.reload();
  await expect(popup.getByTestId('fourps-upcoming-item')).toHaveCount(3);
  await expect
    .poll(() =>
      serviceWorker.evaluate(() =>
        (globalThis as unknown as { chrome: ExtensionApi }).chrome.action.getBadgeText({}),
      ),
    )
    .toBe('1');
  const reminders = () =>
    serviceWorker.evaluate(async () =>
      (await (globalThis as unknown as { chrome: ExtensionApi }).chrome.alarms.getAll())
        .filter((alarm) => alarm.name.startsWith('fourps-reminder:'))
        .map((alarm) => alarm.name)
        .sort(),
    );
  await expect.poll(reminders).toEqual(['fourps-reminder:gcal:next-week', 'fourps-reminder:gcal:soon']);
});

test('open action items come overdue first, with counts per relationship, and tick off in place', async ({
  context,
  extensionId,
}) => {
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByTestId('fourps-upcoming-empty')).toBeVisible();
  const now = Date.now();
  await seedDatabase(popup, {
    relationships: [
      relationshipRow({ id: 'rel-sam', partnerName: 'Sam Rivera' }),
      relationshipRow({ id: 'rel-ana', partnerName: 'Ana Lima', partnerEmails: [] }),
    ],
    actionItems: [
      actionItemRow('a1', {
        text: 'Read the leadership book',
        relationshipId: 'rel-sam',
        createdAt: now - 3 * DAY,
      }),
      actionItemRow('a2', { text: 'Send my CV to Ana', relationshipId: 'rel-ana', due: now - 2 * DAY }),
      actionItemRow('a3', { text: 'Book the workshop', relationshipId: 'rel-sam', due: now + 2 * DAY }),
      actionItemRow('a4', { text: 'Already done', relationshipId: 'rel-sam', doneAt: now - DAY }),
    ],
  });
  await popup.reload();

  const items = popup.getByTestId('fourps-action-item');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('Send my CV to Ana');
  await expect(items.nth(0)).toContainText('overdue since');
  await expect(items.nth(1)).toContainText('Book the workshop');
  await expect(items.nth(2)).toContainText('Read the leadership book');
  const counts = popup.getByTestId('fourps-action-count');
  await expect(counts).toHaveText(['Ana Lima: 1 open, 1 overdue', 'Sam Rivera: 2 open']);

  await items.nth(0).getByRole('checkbox', { name: 'Send my CV to Ana' }).check();
  // It stays in view, ticked, so a slip can be undone; the counts follow at once.
  await expect(popup.getByRole('checkbox', { name: 'Send my CV to Ana' })).toBeChecked();
  await expect(counts).toHaveText(['Sam Rivera: 2 open']);
  await expect(popup.getByRole('heading', { name: 'Open action items (2)' })).toBeVisible();

  // Stored: a fresh popup no longer lists it.
  await popup.reload();
  await expect(popup.getByTestId('fourps-action-item')).toHaveCount(2);
  await expect(popup.getByText('Send my CV to Ana')).toHaveCount(0);
});

test('with nothing coming up, explains how meetings are found and opens Google Calendar', async ({
  context,
  extensionId,
}) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-en.html' });
  const popup = await openPopup(context, extensionId);
  const empty = popup.getByTestId('fourps-upcoming-empty');
  await expect(empty).toContainText('next 14 days');
  await expect(empty).toContainText('Make this a mentoring meeting');
  await expect(popup.getByTestId('fourps-upcoming-item')).toHaveCount(0);
  await expect(popup.getByText('No open action items.')).toBeVisible();
  const [calendar] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByRole('button', { name: 'Open Google Calendar' }).click(),
  ]);
  await expect.poll(() => calendar.url()).toMatch(/^https:\/\/calendar\.google\.com\//);
});
