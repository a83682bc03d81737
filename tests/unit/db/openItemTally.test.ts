import { beforeEach, describe, expect, it } from 'vitest';
import { addActionItem, setActionItemDone } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import {
  countOpenAndOverdue,
  NO_RELATIONSHIP,
  OpenItemTallyChanges,
  tallyOpenItems,
} from '@/lib/db/openItemTally';
import { DAY, SEPT_15_3PM } from '../calendarEventFactory';
import { resetDatabase } from '../resetDatabase';
import { expectCountsMatchRows } from './openItemsByHand';

const NOW = SEPT_15_3PM;

beforeEach(resetDatabase);

describe('counting from a tally row', () => {
  it('counts undated items as open, never overdue; due exactly now is not overdue yet', () => {
    const dues = [0, 0, NOW - DAY, NOW - 1, NOW, NOW + 1];
    expect(countOpenAndOverdue(dues, NOW)).toEqual({ open: 6, overdue: 2 });
    expect(countOpenAndOverdue(dues, NOW + 1)).toEqual({ open: 6, overdue: 3 });
    expect(countOpenAndOverdue(dues, 1)).toEqual({ open: 6, overdue: 0 });
    expect(countOpenAndOverdue([], NOW)).toEqual({ open: 0, overdue: 0 });
    expect(countOpenAndOverdue([0, 0], NOW)).toEqual({ open: 2, overdue: 0 });
  });
});

describe('building and changing the tally', () => {
  const item = (relationshipId: string | undefined, due: number, doneAt = 0) => ({
    relationshipId,
    due,
    doneAt,
  });

  it('builds one row per relationship from the open items only, dates sorted, "no relationship" keyed apart', () => {
    const rows = tallyOpenItems([
      item('r1', NOW),
      item(undefined, 0),
      item('r1', NOW - DAY),
      item('r2', NOW, NOW),
      item('r1', 0),
    ]);
    expect(rows).toEqual([
      { relationshipKey: 'r1', dues: [0, NOW - DAY, NOW] },
      { relationshipKey: NO_RELATIONSHIP, dues: [0] },
    ]);
  });

  it('nets out a change that keeps an open item’s relationship and date', () => {
    const changes = new OpenItemTallyChanges();
    changes.replace(item('r1', NOW), item('r1', NOW));
    changes.replace(item('r2', NOW, NOW), item('r2', NOW - DAY, NOW));
    expect(changes.relationshipKeys()).toEqual([]);
  });

  it('applies moves, ticks and new dates to the stored rows, and refuses to remove a date a row lacks', () => {
    const changes = new OpenItemTallyChanges();
    changes.replace(item('r1', NOW), item('r2', NOW)); // moved
    changes.replace(item('r1', 0), item('r1', 0, NOW)); // ticked
    changes.replace(undefined, item('r2', NOW - DAY)); // added
    changes.replace(item('r2', NOW + DAY), item('r2', 0)); // date removed
    expect(changes.relationshipKeys().sort()).toEqual(['r1', 'r2']);
    expect(changes.apply('r1', [0, NOW, NOW])).toEqual([NOW]);
    expect(changes.apply('r2', [NOW + DAY])).toEqual([0, NOW - DAY, NOW]);
    expect(changes.apply('r1', [NOW])).toBeUndefined();
  });

  it('a stored tally found wrong at a write is rebuilt from the rows', async () => {
    const item = await addActionItem({
      meetingId: 'm1',
      relationshipId: 'r1',
      text: 'Call',
      owner: 'me',
      due: NOW,
    });
    await addActionItem({ meetingId: 'm1', relationshipId: 'r2', text: 'Read', owner: 'me', due: NOW - DAY });
    // As if a bug had lost r1's item and invented another one.
    await db.openItemTally.bulkPut([
      { relationshipKey: 'r1', dues: [0] },
      { relationshipKey: 'r9', dues: [1] },
    ]);
    await setActionItemDone(item, true, NOW);
    await expectCountsMatchRows([NOW], 'after the tick');
    expect(await db.openItemTally.toArray()).toEqual([{ relationshipKey: 'r2', dues: [NOW - DAY] }]);
  });
});
