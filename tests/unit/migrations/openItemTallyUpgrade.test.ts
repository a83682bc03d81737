import Dexie from 'dexie';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  actionItemsForMeeting,
  addActionItem,
  allActionItems,
  openActionItems,
  setActionItemDone,
} from '@/lib/db/actionItems';
import { DATABASE_NAME, db } from '@/lib/db/database';
import type { ActionItemRecord } from '@/lib/db/records';
import { readDatabaseFixture, writeDatabaseFixture } from '../../fixtures/db/loadDatabaseFixture';
import { expectCountsMatchRows } from '../db/openItemsByHand';

/**
 * The v4 upgrade moves the action items of an older database, one row each, into one list per meeting,
 * and builds the open item tally from them. The fixtures have two items; this writes a v2 and a v3
 * database with hundreds, as years of use leave them.
 */

const NOW = Date.parse('2026-09-15T15:00:00Z');
const DAY = 86_400_000;

function yearsOfItems(count: number): ActionItemRecord[] {
  let state = 17;
  const below = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor(state / 65536) % n;
  };
  // rel-sam and rel-jordan are in the fixture; rel-gone was deleted; some items never had one.
  const relationships = ['rel-sam', 'rel-jordan', 'rel-gone', undefined];
  return Array.from({ length: count }, (_, i) => {
    const relationshipId = relationships[below(relationships.length)];
    return {
      id: `old-${i}`,
      ...(relationshipId === undefined ? {} : { relationshipId }),
      meetingId: `gcal:old-${below(40)}`,
      text: `Item ${i}`,
      owner: below(2) === 0 ? 'me' : 'partner',
      due: below(3) === 0 ? 0 : NOW + (below(60) - 30) * DAY,
      doneAt: below(4) === 0 ? 0 : NOW - below(300) * DAY,
      createdAt: NOW - below(3000) * DAY,
    };
  });
}

beforeEach(async () => {
  db.close();
  await Dexie.delete(DATABASE_NAME);
});

afterAll(async () => {
  db.close();
  await Dexie.delete(DATABASE_NAME);
  await db.open();
});

describe.each([2, 3])('upgrading a v%i database with years of action items', (version) => {
  it('keeps every item, in its meeting’s list, and builds a tally that agrees with a count of the rows', async () => {
    const fixture = readDatabaseFixture(version);
    const items = [...(fixture.rows.actionItems ?? []), ...yearsOfItems(600)] as ActionItemRecord[];
    await writeDatabaseFixture(indexedDB, DATABASE_NAME, {
      ...fixture,
      rows: { ...fixture.rows, actionItems: items as unknown as Record<string, unknown>[] },
    });

    await db.open();

    expect(db.verno).toBe(4);
    expect(db.backendDB().objectStoreNames.contains('actionItems')).toBe(false);
    const stored = await allActionItems();
    expect(stored).toHaveLength(items.length);
    const byId = new Map(stored.map((item) => [item.id, item]));
    for (const item of items) expect(byId.get(item.id)).toEqual(item);
    for (const meetingId of new Set(items.map((item) => item.meetingId))) {
      const inMeeting = items.filter((item) => item.meetingId === meetingId);
      expect((await actionItemsForMeeting(meetingId)).map((item) => item.id).sort()).toEqual(
        inMeeting.map((item) => item.id).sort(),
      );
    }
    // Open items come out of the new index in the order they are listed: by due date, undated last.
    const open = items.filter((item) => item.doneAt === 0);
    const listed = [...open].sort(
      (a, b) =>
        (a.due || Number.MAX_SAFE_INTEGER) - (b.due || Number.MAX_SAFE_INTEGER) || a.createdAt - b.createdAt,
    );
    expect((await openActionItems(NOW)).map((item) => item.id)).toEqual(listed.map((item) => item.id));
    expect((await openActionItems(NOW, undefined, 5)).map((item) => item.id)).toEqual(
      listed.slice(0, 5).map((item) => item.id),
    );
    // Relationships, the one deleted and none at all: every one of them has open items.
    expect((await db.openItemTally.toCollection().primaryKeys()).sort()).toEqual([
      '',
      'rel-gone',
      'rel-jordan',
      'rel-sam',
    ]);
    await expectCountsMatchRows([NOW, NOW - 10 * DAY, NOW + 10 * DAY], 'after the upgrade');

    // And the writes after it keep it so.
    const added = await addActionItem({
      meetingId: 'gcal:new',
      relationshipId: 'rel-sam',
      text: 'New',
      owner: 'me',
      due: NOW - DAY,
    });
    const old = byId.get('old-1');
    if (!old) throw new Error('old-1 was not kept');
    await setActionItemDone(old, true, NOW);
    await setActionItemDone(added, true, NOW);
    await expectCountsMatchRows([NOW], 'after writes on the upgraded database');
  });
});
