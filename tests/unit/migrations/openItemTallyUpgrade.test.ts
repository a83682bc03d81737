import Dexie from 'dexie';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { addActionItem, setActionItemDone } from '@/lib/db/actionItems';
import { DATABASE_NAME, db } from '@/lib/db/database';
import type { ActionItemRecord } from '@/lib/db/records';
import { readDatabaseFixture, writeDatabaseFixture } from '../../fixtures/db/loadDatabaseFixture';
import { expectCountsMatchRows } from '../db/openItemsByHand';

/**
 * The v3 upgrade builds the open item tally from the action items a v2 database already holds. The v2
 * fixture has one open item; this writes a v2 database with hundreds, as years of use leave it.
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

describe('upgrading a v2 database with years of action items', () => {
  it('keeps every item and builds a tally that agrees with a count of the rows', async () => {
    const fixture = readDatabaseFixture(2);
    const items = [...(fixture.rows.actionItems ?? []), ...yearsOfItems(600)] as ActionItemRecord[];
    await writeDatabaseFixture(indexedDB, DATABASE_NAME, {
      ...fixture,
      rows: { ...fixture.rows, actionItems: items as unknown as Record<string, unknown>[] },
    });

    await db.open();

    expect(db.verno).toBe(3);
    expect(await db.actionItems.count()).toBe(items.length);
    for (const item of items) expect(await db.actionItems.get(item.id)).toEqual(item);
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
    await setActionItemDone('old-1', true, NOW);
    await setActionItemDone(added.id, true, NOW);
    await expectCountsMatchRows([NOW], 'after writes on the upgraded database');
  });
});
