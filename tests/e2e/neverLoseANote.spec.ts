import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from '@playwright/test';
import { launchWithExtension } from '../support/launchExtension';
import { expect, test } from './extensionTest';

/**
 * "Never lose a note": text typed right before a tab is closed, or the whole browser quits, is there
 * when the prep is opened again; two open views of the same prep keep each other's edits.
 */
const PREP = (extensionId: string) => `chrome-extension://${extensionId}/prep.html?meeting=gcal%3Anever-lose`;
const purposeBox = (page: import('@playwright/test').Page) =>
  page.getByRole('region', { name: 'Purpose' }).getByRole('textbox').first();

test('text typed just before the tab closes is saved', async ({ context, extensionId }) => {
  for (let round = 1; round <= 5; round += 1) {
    const page = await context.newPage();
    await page.goto(PREP(extensionId));
    await purposeBox(page).fill(`Version ${round} of my purpose`);
    // No waiting for "Saved": the tab goes at once, before the debounced write.
    await page.close();
  }
  const reopened = await context.newPage();
  await reopened.goto(PREP(extensionId));
  await expect(purposeBox(reopened)).toHaveValue('Version 5 of my purpose');
  await expect(reopened.getByTestId('fourps-prep-progress')).toHaveText('1 of 4 Ps prepared');
});

/** The stored answers of one prep, read in the service worker with plain IndexedDB (no page opens). */
function storedAnswers(worker: Worker, meetingId: string): Promise<string[]> {
  return worker.evaluate(
    (id) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('fourps');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const read = database.transaction('preps').objectStore('preps').get(id);
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            database.close();
            resolve(Object.values((read.result?.answers ?? {}) as Record<string, string>));
          };
        };
      }),
    meetingId,
  );
}

/**
 * Keeps a read-write transaction on the preps store busy for `ms` from the service worker, so a page's
 * own save queues behind it and cannot commit before its tab is gone — what a busy machine does to
 * about one close in ten.
 */
function holdPrepsStore(worker: Worker, ms: number): Promise<void> {
  return worker.evaluate(
    (holdMs) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('fourps');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const transaction = database.transaction('preps', 'readwrite');
          const store = transaction.objectStore('preps');
          const until = Date.now() + holdMs;
          const spin = () => {
            if (Date.now() < until) store.get('').onsuccess = spin;
          };
          store.get('').onsuccess = spin;
          transaction.oncomplete = () => database.close();
          resolve();
        };
      }),
    ms,
  );
}

test('text typed just before the tab closes is stored with no extension page opening again', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const meetingId = 'gcal:closed-alone';
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/prep.html?meeting=${encodeURIComponent(meetingId)}`);
  await expect(purposeBox(page)).toBeVisible();
  await holdPrepsStore(serviceWorker, 3000);
  await purposeBox(page).fill('Typed as the tab closed, nothing opened after');
  await page.close();

  // Nothing of ours is open, so no page saves the draft journal: the text must come from the background.
  expect(context.pages().filter((open) => open.url().startsWith('chrome-extension://'))).toEqual([]);
  await expect
    .poll(() => storedAnswers(serviceWorker, meetingId), { timeout: 10_000 })
    .toContain('Typed as the tab closed, nothing opened after');
});

test('text typed just before the browser quits is there after a restart', async () => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'fourps-profile-'));
  const first = await launchWithExtension({ headless: true, userDataDir });
  const page = first.context.pages()[0] ?? (await first.context.newPage());
  await page.goto(PREP(first.extensionId));
  await purposeBox(page).fill('Typed as the browser went down');
  await first.context.close();

  const second = await launchWithExtension({ headless: true, userDataDir });
  const again = second.context.pages()[0] ?? (await second.context.newPage());
  await again.goto(PREP(second.extensionId));
  await expect(purposeBox(again)).toHaveValue('Typed as the browser went down');
  await second.context.close();
});

test('two open views of one prep keep both people’s edits', async ({ context, extensionId }) => {
  const left = await context.newPage();
  const right = await context.newPage();
  await left.goto(PREP(extensionId));
  await right.goto(PREP(extensionId));
  const preparationBox = (page: import('@playwright/test').Page) =>
    page.getByRole('region', { name: 'Preparation' }).getByRole('textbox').first();

  await purposeBox(left).fill('Purpose typed on the left');
  await preparationBox(right).fill('Preparation typed on the right');
  await expect(left.getByTestId('fourps-save-status')).toHaveText('Saved');
  await expect(right.getByTestId('fourps-save-status')).toHaveText('Saved');

  // Each view shows the other's text live, and neither overwrote the other.
  await expect(purposeBox(right)).toHaveValue('Purpose typed on the left');
  await expect(preparationBox(left)).toHaveValue('Preparation typed on the right');
  const fresh = await context.newPage();
  await fresh.goto(PREP(extensionId));
  await expect(purposeBox(fresh)).toHaveValue('Purpose typed on the left');
  await expect(preparationBox(fresh)).toHaveValue('Preparation typed on the right');
});
