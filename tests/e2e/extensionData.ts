import type { Page } from '@playwright/test';
import { groupIntoLists, itemsOf } from '../../lib/db/actionItemLists';
import { OPEN_ITEM_TALLY, tallyOpenItems } from '../../lib/db/openItemTally';
import type {
  ActionItemListRecord,
  ActionItemRecord,
  MeetingRecord,
  OpenItemTallyRecord,
  PrepRecord,
  RelationshipRecord,
} from '../../lib/db/records';
import { P_ORDER, prepQuestions } from '../../lib/fourps/catalogue';
import type { PKey, Role } from '../../lib/fourps/types';

/**
 * Test data for the popup and dashboard journeys, written straight into the extension's IndexedDB from
 * one of its own pages (the database lives in the extension's origin). The page must have opened the
 * database first, so Dexie created the tables; reload it afterwards, as these writes bypass Dexie's
 * change notifications.
 */
export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface SeedTables {
  relationships?: RelationshipRecord[];
  meetings?: MeetingRecord[];
  preps?: PrepRecord[];
  actionItems?: ActionItemRecord[];
}

export async function seedDatabase(page: Page, tables: SeedTables): Promise<void> {
  // Action items are stored one list per meeting (lib/db/actionItemLists.ts).
  const { actionItems, ...others } = tables;
  const stores = actionItems ? { ...others, actionItemLists: groupIntoLists(actionItems) } : others;
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('fourps');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = Object.keys(rows);
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(names, 'readwrite');
      for (const [name, records] of Object.entries(rows)) {
        for (const record of records ?? []) transaction.objectStore(name).put(record);
      }
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
  }, stores);
  // Written past Dexie, so past the middleware that keeps the open item tally beside the items: build it
  // again from every stored item, as the v4 upgrade does.
  if (actionItems) await rebuildOpenItemTally(page);
}

async function rebuildOpenItemTally(page: Page): Promise<void> {
  const lists = await page.evaluate(
    () =>
      new Promise<ActionItemListRecord[]>((resolve, reject) => {
        const request = indexedDB.open('fourps');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const read = db.transaction('actionItemLists').objectStore('actionItemLists').getAll();
          read.onsuccess = () => {
            db.close();
            resolve(read.result);
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
  await page.evaluate(
    async ({ store, rows }: { store: string; rows: OpenItemTallyRecord[] }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('fourps');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(store, 'readwrite');
        transaction.objectStore(store).clear();
        for (const row of rows) transaction.objectStore(store).put(row);
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    },
    { store: OPEN_ITEM_TALLY, rows: tallyOpenItems(itemsOf(lists)) },
  );
}

/** Every row of every table, in key order: to compare the database before and after an action. */
export async function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('fourps');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = [...db.objectStoreNames].filter((name) => !name.startsWith('_'));
    const transaction = db.transaction(names, 'readonly');
    const entries = await Promise.all(
      names.map(
        (name) =>
          new Promise<[string, unknown[]]>((resolve, reject) => {
            const request = transaction.objectStore(name).getAll();
            request.onsuccess = () => resolve([name, request.result]);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    db.close();
    return Object.fromEntries(entries);
  });
}

export function relationshipRow(overrides: Partial<RelationshipRecord> = {}): RelationshipRecord {
  return {
    id: 'rel-sam',
    partnerName: 'Sam Rivera',
    partnerEmails: ['sam.rivera@example.com'],
    myRole: 'mentee',
    learningGoals: 'Lead a small team',
    phase: 'cultivation',
    archived: false,
    createdAt: Date.now() - 60 * DAY,
    ...overrides,
  };
}

export function meetingRow(id: string, start: number, overrides: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    id,
    calendarEventId: id.replace(/^gcal:/, ''),
    title: 'Mentoring',
    start,
    end: start + HOUR,
    allDay: false,
    guests: [],
    source: 'calendar',
    detection: { mentoring: true, reason: 'keyword', matched: 'mentoring' },
    declined: false,
    cancelled: false,
    state: 'scheduled',
    createdAt: start - 7 * DAY,
    updatedAt: start - 7 * DAY,
    ...overrides,
  };
}

/** A prep with one answer in each of the given Ps. */
export function prepRow(meetingId: string, ps: readonly PKey[] = P_ORDER, role: Role = 'mentee'): PrepRecord {
  const questions = prepQuestions(role);
  const answers: Record<string, string> = {};
  for (const p of ps) {
    const question = questions.find((q) => q.p === p);
    if (question) answers[question.id] = `My answer about ${p}`;
  }
  return { meetingId, role, answers, answerEditedAt: {}, questionsToBring: [], updatedAt: Date.now() };
}

export function actionItemRow(id: string, overrides: Partial<ActionItemRecord> = {}): ActionItemRecord {
  return {
    id,
    meetingId: 'gcal:past',
    relationshipId: 'rel-sam',
    text: `Action ${id}`,
    owner: 'me',
    due: 0,
    doneAt: 0,
    createdAt: Date.now() - DAY,
    ...overrides,
  };
}
