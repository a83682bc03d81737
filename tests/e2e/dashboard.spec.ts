import type { BrowserContext } from '@playwright/test';
import { DAY, HOUR, meetingRow, prepRow, relationshipRow, seedDatabase } from './extensionData';
import { expect, test } from './extensionTest';

async function openDashboard(context: BrowserContext, extensionId: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Relationships', level: 1 })).toBeVisible();
  return page;
}

test('create a relationship, change its phase, and read its timeline newest first', async ({
  context,
  extensionId,
}) => {
  const page = await openDashboard(context, extensionId);
  const form = page.locator('.new-relationship');
  await form.getByLabel('Partner’s name').fill('');
  await form.getByRole('button', { name: 'Create relationship' }).click();
  await expect(form.getByRole('alert')).toContainText('Give your partner’s name');

  await form.getByLabel('Partner’s name').fill('Sam Rivera');
  await form.getByLabel('Partner’s e-mail addresses').fill('Sam.Rivera@example.com');
  await form.getByRole('radio', { name: 'Mentor' }).check();
  await form.getByLabel('Learning goals').fill('Grow into a team-lead role');
  await form.getByLabel('Phase').selectOption({ label: 'Getting started' });
  await form.getByRole('button', { name: 'Create relationship' }).click();

  const detail = page.getByTestId('fourps-relationship-detail');
  await expect(detail.getByRole('heading', { name: 'Sam Rivera' })).toBeVisible();
  await expect(detail).toContainText('You are the mentor · Phase: Getting started');
  await expect(page.getByTestId('fourps-phase-prompts')).toContainText('Getting started');

  // Edit the phase: the header and the phase's own questions follow.
  await detail.getByText('Edit details').click();
  await detail.getByLabel('Phase').selectOption({ label: 'Changing' });
  await detail.getByRole('button', { name: 'Save changes' }).click();
  await expect(detail).toContainText('Phase: Changing');
  await expect(page.getByTestId('fourps-phase-prompts')).toContainText('Changing');

  // Meetings of this relationship, as the calendar would have stored them.
  const relationshipId = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('fourps');
        open.onsuccess = () => {
          const request = open.result.transaction('relationships').objectStore('relationships').getAll();
          request.onsuccess = () => {
            resolve((request.result as Array<{ id: string }>)[0]?.id ?? '');
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
  const now = Date.now();
  await seedDatabase(page, {
    meetings: [
      meetingRow('gcal:old', now - 30 * DAY, { title: 'First mentoring chat', relationshipId }),
      meetingRow('gcal:recent', now - 2 * DAY, { title: 'Mentoring: feedback on the pitch', relationshipId }),
      meetingRow('gcal:next', now + 3 * DAY + HOUR, { title: 'Mentoring: next steps', relationshipId }),
    ],
    preps: [prepRow('gcal:recent', ['purpose', 'preparation'], 'mentor')],
  });
  await page.reload();
  const meetings = page.getByTestId('fourps-timeline-meeting');
  await expect(meetings).toHaveCount(3);
  await expect(meetings.nth(0)).toContainText('Mentoring: next steps');
  await expect(meetings.nth(1)).toContainText('Mentoring: feedback on the pitch');
  await expect(meetings.nth(1)).toContainText('My answer about purpose');
  await expect(meetings.nth(1)).toContainText('2/4 Ps prepared');
  await expect(meetings.nth(2)).toContainText('First mentoring chat');

  await page.getByLabel('Search this relationship’s meetings').fill('answer about PREPARATION');
  await expect(meetings).toHaveCount(1);
  await expect(meetings.first()).toContainText('feedback on the pitch');
  await page.getByLabel('Search this relationship’s meetings').fill('nothing like this');
  await expect(page.getByTestId('fourps-timeline-empty')).toContainText('No meeting mentions');
});

test('archiving hides a relationship until archived ones are shown', async ({ context, extensionId }) => {
  const page = await openDashboard(context, extensionId);
  await seedDatabase(page, {
    relationships: [
      relationshipRow({ id: 'rel-sam' }),
      relationshipRow({ id: 'rel-ana', partnerName: 'Ana Lima' }),
    ],
  });
  await page.reload();
  const links = page.getByTestId('fourps-relationship-link');
  await expect(links).toHaveCount(2);
  await links.filter({ hasText: 'Sam Rivera' }).click();
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByTestId('fourps-relationship-detail')).toContainText('Archived');
  await expect(links).toHaveCount(1);
  await page.getByLabel('Show archived').check();
  await expect(links).toHaveCount(2);
  await expect(links.filter({ hasText: 'Sam Rivera' })).toContainText('archived');
});

test('the detection preview answers live with the rules as typed', async ({ context, extensionId }) => {
  const page = await openDashboard(context, extensionId);
  await seedDatabase(page, {
    relationships: [relationshipRow({ partnerEmails: ['sam.rivera@example.com'] })],
  });
  await page.reload();
  const detection = page.locator('#detection');
  const title = detection.getByLabel('Event title');
  const result = page.getByTestId('fourps-detection-preview-result');

  await title.fill('Weekly mentoring sync');
  await expect(result).toHaveAttribute('data-mentoring', 'true');
  await expect(result).toContainText('keyword “mentoring”');
  await title.fill('Mentor Graphics vendor call');
  await expect(result).toHaveAttribute('data-mentoring', 'false');
  await expect(result).toContainText('excluded word');
  await title.fill('Office hours with Kim');
  await expect(result).toHaveAttribute('data-mentoring', 'false');

  // A new keyword counts in the preview before it is saved.
  const keywords = detection.getByLabel('Keywords (one per line)');
  await keywords.fill(`${await keywords.inputValue()}\noffice hours`);
  await expect(result).toHaveAttribute('data-mentoring', 'true');
  await detection.getByRole('button', { name: 'Save detection settings' }).click();
  await expect(detection.getByText(/^Saved\./)).toBeVisible();
  await page.reload();
  await expect(page.locator('#detection').getByLabel('Keywords (one per line)')).toHaveValue(/office hours$/);

  await page.locator('#detection').getByLabel('Event title').fill('Catch-up');
  await page.locator('#detection').getByLabel('A guest’s e-mail (optional)').fill('Sam.Rivera@example.com');
  await expect(result).toContainText('mentoring partner Sam Rivera');
});

test('preferences change the popup window and switch reminders off', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const page = await openDashboard(context, extensionId);
  const now = Date.now();
  await seedDatabase(page, {
    meetings: [
      meetingRow('gcal:soon', now + 3 * HOUR, { title: 'Mentoring soon' }),
      meetingRow('gcal:far', now + 20 * DAY, { title: 'Mentoring in three weeks' }),
    ],
  });
  await page.reload();
  const preferences = page.locator('#preferences');
  await preferences.getByLabel('Days ahead shown in the popup').fill('30');
  await preferences.getByLabel('Days ahead shown in the popup').press('Enter');
  await expect(page.getByTestId('fourps-preferences-status')).toHaveText('Saved.');
  await preferences.getByLabel('When to remind me').selectOption({ label: '15 minutes before' });

  const reminders = () =>
    serviceWorker.evaluate(async () => {
      const api = (
        globalThis as unknown as { chrome: { alarms: { getAll(): Promise<Array<{ name: string }>> } } }
      ).chrome;
      return (await api.alarms.getAll()).filter((a) => a.name.startsWith('fourps-reminder:')).length;
    });
  await expect.poll(reminders).toBe(2);
  await preferences.getByLabel(/Remind me to prepare/).uncheck();
  await expect.poll(reminders).toBe(0);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('fourps-upcoming-item')).toHaveCount(2);
});
