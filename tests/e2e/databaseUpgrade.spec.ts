import type { Page } from '@playwright/test';
import type { DatabaseFixture } from '../fixtures/db/loadDatabaseFixture';
import { readDatabaseFixture } from '../fixtures/db/loadDatabaseFixture';
import { dumpDatabase } from './extensionData';
import { expect, test } from './extensionTest';

/**
 * Rule 7 in the real browser: a database an older version of the extension left behind opens with
 * today's code in Chromium's own IndexedDB, as it does for a user who updates, and nothing is lost. The
 * unit tests run every upgrade on fake-indexeddb; this runs the v4 one (action items moved into one list
 * per meeting) where its transaction timing is Chromium's.
 */

/** Replaces the extension's database with the fixture, written with plain IndexedDB as that version did. */
async function writeOldDatabase(page: Page, fixture: DatabaseFixture): Promise<void> {
  await page.evaluate(async ({ version, stores, rows }) => {
    const settled = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    // The extension's open connections close when asked (Dexie does so on `versionchange`).
    await settled(indexedDB.deleteDatabase('fourps') as unknown as IDBRequest<unknown>);
    const opening = indexedDB.open('fourps', version * 10);
    opening.onupgradeneeded = () => {
      for (const [name, schema] of Object.entries(stores)) {
        if (schema === null) continue;
        const [primary = '', ...indexes] = schema.split(',').map((part) => part.trim());
        const store = opening.result.createObjectStore(name, { keyPath: primary });
        for (const spec of indexes) {
          const indexName = spec.replace(/^[*&]/, '');
          const keyPath = indexName.startsWith('[') ? indexName.slice(1, -1).split('+') : indexName;
          store.createIndex(indexName, keyPath, {
            multiEntry: spec.startsWith('*'),
            unique: spec.startsWith('&'),
          });
        }
      }
    };
    const database = await settled(opening);
    const transaction = database.transaction(Object.keys(rows), 'readwrite');
    for (const [name, records] of Object.entries(rows)) {
      for (const record of records) transaction.objectStore(name).put(record);
    }
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    database.close();
  }, fixture);
}

for (const version of [2, 3]) {
  test(`a database written by version ${version} opens in the popup with its action items kept`, async ({
    context,
    extensionId,
  }) => {
    const fixture = readDatabaseFixture(version);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByTestId('fourps-upcoming-empty')).toBeVisible();
    await writeOldDatabase(popup, fixture);

    await popup.reload();
    // The open item of the fixture, found through the new lists' index and counted from the tally the
    // upgrade built; the done one is not listed.
    const items = popup.getByTestId('fourps-action-item');
    await expect(items).toHaveCount(1);
    await expect(items).toContainText('Submit a talk proposal to the October meetup');
    await expect(popup.getByTestId('fourps-action-count')).toHaveText([/^Sam Rivera: 1 open/]);

    const stored = await dumpDatabase(popup);
    expect(Object.keys(stored)).not.toContain('actionItems');
    const lists = stored.actionItemLists as { meetingId: string; items: { id: string }[] }[];
    const itemsBefore = (fixture.rows.actionItems ?? []) as { id: string; meetingId: string }[];
    expect(lists.flatMap((list) => list.items)).toEqual(
      expect.arrayContaining(itemsBefore.map((item) => expect.objectContaining(item))),
    );
    expect(lists.flatMap((list) => list.items)).toHaveLength(itemsBefore.length);
    for (const list of lists) {
      for (const item of list.items) expect(item).toMatchObject({ meetingId: list.meetingId });
    }
    // Every other table as the old version left it.
    for (const [table, rows] of Object.entries(fixture.rows)) {
      if (table === 'actionItems' || table === 'openItemTally') continue;
      expect(stored[table], table).toHaveLength(rows.length);
      expect(stored[table], table).toEqual(
        expect.arrayContaining(rows.map((row) => expect.objectContaining(row))),
      );
    }
  });
}
