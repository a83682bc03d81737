import { beforeEach, describe, expect, it } from 'vitest';
import {
  actionItemsForMeeting,
  addActionItem,
  compareOpenActionItems,
  countOpenActionItems,
  deleteActionItem,
  firstOpenActionItems,
  openActionItems,
  putActionItems,
  setActionItemDone,
  updateActionItem,
} from '@/lib/db/actionItems';
import type { ActionItemRecord } from '@/lib/db/records';
import { DAY, SEPT_15_3PM } from '../calendarEventFactory';
import { resetDatabase } from '../resetDatabase';

beforeEach(resetDatabase);

const now = SEPT_15_3PM;

describe('action items', () => {
  it('lists open items overdue first, then by due date, undated last', async () => {
    await addActionItem({ meetingId: 'm1', relationshipId: 'r1', text: 'undated', owner: 'me' }, 1);
    await addActionItem(
      { meetingId: 'm1', relationshipId: 'r1', text: 'next week', owner: 'me', due: now + 7 * DAY },
      2,
    );
    await addActionItem(
      { meetingId: 'm1', relationshipId: 'r2', text: 'overdue', owner: 'partner', due: now - DAY },
      3,
    );
    await addActionItem(
      { meetingId: 'm2', relationshipId: 'r1', text: 'tomorrow', owner: 'me', due: now + DAY },
      4,
    );
    expect((await openActionItems(now)).map((i) => i.text)).toEqual([
      'overdue',
      'tomorrow',
      'next week',
      'undated',
    ]);
    expect((await openActionItems(now, 'r1')).map((i) => i.text)).toEqual([
      'tomorrow',
      'next week',
      'undated',
    ]);
  });

  it('ticks, unticks, edits and deletes', async () => {
    const item = await addActionItem({ meetingId: 'm1', text: 'Send the draft', owner: 'me' });
    await setActionItemDone(item, true, now);
    expect(await openActionItems(now)).toEqual([]);
    expect((await actionItemsForMeeting('m1'))[0]?.doneAt).toBe(now);
    await setActionItemDone(item, false);
    await updateActionItem(item, { text: 'Send the second draft', owner: 'partner' });
    expect((await openActionItems(now))[0]).toMatchObject({
      text: 'Send the second draft',
      owner: 'partner',
    });
    await deleteActionItem(item);
    expect(await actionItemsForMeeting('m1')).toEqual([]);
  });
});

/** A small deterministic generator, so a failure can be replayed. */
function randomItems(count: number, seed: number): ActionItemRecord[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits repeat in short cycles.
    return Math.floor(state / 65536) % n;
  };
  return Array.from({ length: count }, (_, index) => ({
    id: `item-${String(index).padStart(4, '0')}`,
    meetingId: `m${next(20)}`,
    relationshipId: next(5) === 0 ? undefined : `r${next(4)}`,
    text: `item ${index}`,
    owner: next(2) === 0 ? 'me' : 'partner',
    // Few distinct dates and creation times, so ties are common.
    due: next(3) === 0 ? 0 : now + (next(9) - 4) * DAY,
    doneAt: next(4) === 0 ? now : 0,
    createdAt: next(6),
  }));
}

describe('open action items with a limit', () => {
  it('returns exactly the first `limit` of the full order, ties included', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const items = randomItems(300, seed).filter((item) => item.doneAt === 0);
      const sorted = [...items].sort(compareOpenActionItems(now));
      for (const limit of [0, 1, 3, 8, 50, items.length, items.length + 5]) {
        expect(firstOpenActionItems(items, now, limit)).toEqual(sorted.slice(0, limit));
      }
      expect(firstOpenActionItems(items, now)).toEqual(sorted);
    }
  });

  it('reads through the same index and matches the unlimited list, for all and for one relationship', async () => {
    await putActionItems(randomItems(400, 7));
    const all = await openActionItems(now);
    expect(all.length).toBeGreaterThan(8);
    expect(all.every((item) => item.doneAt === 0)).toBe(true);
    expect(await openActionItems(now, undefined, 8)).toEqual(all.slice(0, 8));
    const forR1 = await openActionItems(now, 'r1');
    expect(await openActionItems(now, 'r1', 5)).toEqual(forR1.slice(0, 5));
  });

  it('reads all relationships in listing order straight from the index, limited or not', async () => {
    for (const seed of [11, 12, 13]) {
      await resetDatabase();
      const items = randomItems(400, seed);
      await putActionItems(items);
      const expected = items.filter((item) => item.doneAt === 0).sort(compareOpenActionItems(now));
      // Ties (same due date and creation time) may come in any order; what is listed where may not.
      const order = (list: ActionItemRecord[]) => list.map((item) => `${item.due}/${item.createdAt}`);
      const ids = (list: ActionItemRecord[]) => list.map((item) => item.id).sort();
      const all = await openActionItems(now);
      expect(order(all)).toEqual(order(expected));
      expect(ids(all)).toEqual(ids(expected));
      for (const limit of [0, 1, 8, expected.length - 1, expected.length + 3]) {
        expect(order(await openActionItems(now, undefined, limit))).toEqual(order(expected.slice(0, limit)));
      }
    }
  });
});

describe('counting open action items', () => {
  it('counts open and overdue items from the indexes, for all and per relationship', async () => {
    const items = randomItems(500, 21);
    await putActionItems(items);
    const expectedCounts = (relationshipId?: string) => {
      const open = items.filter(
        (item) =>
          item.doneAt === 0 && (relationshipId === undefined || item.relationshipId === relationshipId),
      );
      return { open: open.length, overdue: open.filter((item) => item.due !== 0 && item.due < now).length };
    };
    expect(await countOpenActionItems(now)).toEqual(expectedCounts());
    for (const relationshipId of ['r0', 'r1', 'r2', 'r3', 'nobody']) {
      expect(await countOpenActionItems(now, relationshipId), relationshipId).toEqual(
        expectedCounts(relationshipId),
      );
    }
    expect((await countOpenActionItems(now)).overdue).toBeGreaterThan(0);
  });

  it('an item due exactly now is not overdue yet; ticking it takes it out of both counts', async () => {
    const item = await addActionItem({
      meetingId: 'm1',
      relationshipId: 'r1',
      text: 'now',
      owner: 'me',
      due: now,
    });
    await addActionItem({ meetingId: 'm1', relationshipId: 'r1', text: 'late', owner: 'me', due: now - 1 });
    expect(await countOpenActionItems(now, 'r1')).toEqual({ open: 2, overdue: 1 });
    await setActionItemDone(item, true, now);
    expect(await countOpenActionItems(now)).toEqual({ open: 1, overdue: 1 });
  });
});
