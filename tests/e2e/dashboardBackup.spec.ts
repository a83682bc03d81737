import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import {
  actionItemRow,
  DAY,
  dumpDatabase,
  meetingRow,
  prepRow,
  relationshipRow,
  seedDatabase,
} from './extensionData';
import { expect, test } from './extensionTest';

async function openSeededDashboard(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Relationships', level: 1 })).toBeVisible();
  const now = Date.now();
  await seedDatabase(page, {
    relationships: [
      relationshipRow({
        id: 'rel-sam',
        partnerName: 'Sam Rivera',
        learningGoals: 'Speak up 🎤\nLead a team',
      }),
    ],
    meetings: [
      meetingRow('gcal:past', now - 5 * DAY, {
        title: 'Mentoring: “pitch” feedback',
        relationshipId: 'rel-sam',
      }),
    ],
    preps: [prepRow('gcal:past', ['purpose', 'plan'])],
    actionItems: [actionItemRow('a1', { text: 'Rehearse the pitch — twice', due: now + DAY })],
  });
  await page.reload();
  await expect(page.getByTestId('fourps-relationship-detail')).toContainText('Sam Rivera');
  return page;
}

test('backup round trip through the UI: download, delete everything, restore, same data', async ({
  context,
  extensionId,
}) => {
  const page = await openSeededDashboard(context, extensionId);
  const before = await dumpDatabase(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^four-ps-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'fourps-backup', formatVersion: 1 });

  // Delete all data, with a second, explicit confirmation; "Keep my data" changes nothing.
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('button', { name: 'Keep my data' }).click();
  expect(await dumpDatabase(page)).toEqual(before);
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByText('All data deleted.')).toBeVisible();
  await expect(page.getByTestId('fourps-relationship-link')).toHaveCount(0);
  const emptied = await dumpDatabase(page);
  expect(Object.values(emptied).every((rows) => rows.length === 0)).toBe(true);

  // Restore: a preview first, nothing written until the user confirms.
  await page.getByLabel('Backup file (.json)').setInputFiles(file);
  const preview = page.getByTestId('fourps-restore-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator('tr[data-table="relationships"] td').nth(1)).toHaveText('1');
  await expect(preview.locator('tr[data-table="meetings"] td').nth(1)).toHaveText('1');
  expect(await dumpDatabase(page)).toEqual(emptied);
  await page.getByRole('radio', { name: /^Replace/ }).check();
  await page.getByRole('button', { name: 'Replace with this backup' }).click();
  await expect(page.getByTestId('fourps-restore-done')).toContainText('Backup restored');
  expect(await dumpDatabase(page)).toEqual(before);
  await expect(page.getByTestId('fourps-relationship-link')).toHaveText(/Sam Rivera/);
  await expect(page.getByTestId('fourps-timeline-meeting')).toContainText('Mentoring: “pitch” feedback');
});

test('a bad backup file shows a clear error and changes nothing', async ({ context, extensionId }) => {
  const page = await openSeededDashboard(context, extensionId);
  const before = await dumpDatabase(page);
  const input = page.getByLabel('Backup file (.json)');
  const error = page.getByTestId('fourps-restore-error');

  const cases = [
    [
      'cut-short.json',
      '{"format":"fourps-backup","formatVersion":1,"tables":{"relationships":[',
      /cut short/,
    ],
    ['notes.json', 'just some notes', /not valid JSON/],
    [
      'newer.json',
      JSON.stringify({
        format: 'fourps-backup',
        formatVersion: 99,
        exportedAt: 1,
        schemaVersion: 1,
        tables: {},
      }),
      /newer version of Four Ps/,
    ],
    ['other-app.json', JSON.stringify({ format: 'something-else' }), /not a Four Ps backup/],
  ] as const;
  for (const [name, content, message] of cases) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(error).toContainText(name);
    await expect(error).toContainText(message);
    await expect(error).toContainText('your data is unchanged');
    await expect(page.getByTestId('fourps-restore-preview')).toHaveCount(0);
  }
  expect(await dumpDatabase(page)).toEqual(before);
});

test('a relationship exports as Markdown', async ({ context, extensionId }) => {
  const page = await openSeededDashboard(context, extensionId);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download this relationship as Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('mentoring-sam-rivera.md');
  const markdown = readFileSync(await download.path(), 'utf8');
  expect(markdown).toContain('# Mentoring with Sam Rivera');
  expect(markdown).toContain('My answer about purpose');
  expect(markdown).toContain('Rehearse the pitch');
});
