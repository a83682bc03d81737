import { beforeEach, describe, expect, it } from 'vitest';
import { backupToJson, exportBackup } from '@/lib/backup/exportBackup';
import { importBackup } from '@/lib/backup/importBackup';
import { groupIntoLists, itemsOf, listOf, UNDATED } from '@/lib/db/actionItemLists';
import { ActionItemListWriter } from '@/lib/db/actionItemListWriter';
import {
  actionItemsForMeeting,
  addActionItem,
  allActionItems,
  openActionItems,
  putActionItems,
} from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import type { ActionItemRecord } from '@/lib/db/records';
import { DAY, SEPT_15_3PM } from '../calendarEventFactory';
import { resetDatabase } from '../resetDatabase';
import { expectCountsMatchRows } from './openItemsByHand';

const NOW = SEPT_15_3PM;

function item(id: string, overrides: Partial<ActionItemRecord> = {}): ActionItemRecord {
  return {
    id,
    meetingId: 'm1',
    relationshipId: 'r1',
    text: `Step ${id}`,
    owner: 'me',
    due: 0,
    doneAt: 0,
    createdAt: 1,
    ...overrides,
  };
}

beforeEach(resetDatabase);

describe('a meeting’s list of action items', () => {
  it('holds its items oldest first, with a key per open item and the relationships of open items', () => {
    const list = listOf('m1', [
      item('late', { createdAt: 3, due: NOW + DAY }),
      item('done', { createdAt: 1, relationshipId: 'r2', doneAt: NOW }),
      item('undated', { createdAt: 2 }),
      item('nobody', { createdAt: 4, relationshipId: undefined }),
    ]);
    expect(list.items.map((i) => i.id)).toEqual(['done', 'undated', 'late', 'nobody']);
    expect(list.openOrder).toEqual([
      [UNDATED, 2, 'undated'],
      [NOW + DAY, 3, 'late'],
      [UNDATED, 4, 'nobody'],
    ]);
    // A done item's relationship is not there: the index finds open items only.
    expect(list.openRelationships).toEqual(['r1']);
  });

  it('groups items by meeting and gives every one of them back', () => {
    const items = [item('a'), item('b', { meetingId: 'm2' }), item('c'), item('d', { meetingId: 'm3' })];
    const lists = groupIntoLists(items);
    expect(lists.map((list) => [list.meetingId, list.items.map((i) => i.id)])).toEqual([
      ['m1', ['a', 'c']],
      ['m2', ['b']],
      ['m3', ['d']],
    ]);
    expect(
      itemsOf(lists)
        .map((i) => i.id)
        .sort(),
    ).toEqual(['a', 'b', 'c', 'd']);
  });

  it('stores an item put again in place of the old one, and one of another meeting in its own list', async () => {
    await putActionItems([item('a'), item('b')]);
    await putActionItems([item('a', { text: 'Edited' }), item('c', { meetingId: 'm2' })]);
    expect((await actionItemsForMeeting('m1')).map((i) => [i.id, i.text])).toEqual([
      ['a', 'Edited'],
      ['b', 'Step b'],
    ]);
    expect((await actionItemsForMeeting('m2')).map((i) => i.id)).toEqual(['c']);
    expect(await db.actionItemLists.count()).toBe(2);
  });

  it('keeps a list per meeting however items are added, and the tally with it', async () => {
    await addActionItem({ meetingId: 'm1', relationshipId: 'r1', text: 'One', owner: 'me' }, 1);
    await addActionItem({ meetingId: 'm1', relationshipId: 'r1', text: 'Two', owner: 'me', due: NOW }, 2);
    await addActionItem({ meetingId: 'm2', relationshipId: 'r2', text: 'Three', owner: 'partner' }, 3);
    expect(await db.actionItemLists.count()).toBe(2);
    expect((await openActionItems(NOW)).map((i) => i.text)).toEqual(['Two', 'One', 'Three']);
    await expectCountsMatchRows([NOW, NOW + 1]);
  });
});

describe('a backup import into the lists', () => {
  it('writes batches handed over together in the order they came, so no later list is overwritten', async () => {
    await putActionItems([item('x', { meetingId: 'm9' }), item('a')]);
    const writer = new ActionItemListWriter(await allActionItems());
    // The first batch moves m9's only item into m1 (m9 goes, m1 is written); the second adds to m1 again.
    await db.transaction('rw', db.actionItemLists, () =>
      Promise.all([
        writer.bulkPut([item('x', { meetingId: 'm1', createdAt: 2 })]),
        writer.bulkPut([item('y', { createdAt: 3 })]),
      ]),
    );
    expect((await actionItemsForMeeting('m1')).map((i) => i.id)).toEqual(['a', 'x', 'y']);
    expect(await db.actionItemLists.get('m9')).toBeUndefined();
    await expectCountsMatchRows([NOW]);
  });

  it('moves an item whose meeting changed in the file out of its old list, in a merge as in a replace', async () => {
    for (const mode of ['merge', 'replace'] as const) {
      await resetDatabase();
      await putActionItems([item('a'), item('b'), item('c', { meetingId: 'm2' })]);
      const backup = await exportBackup();
      const moved = backup.tables.actionItems.map((row) =>
        row.id === 'b' ? { ...row, meetingId: 'm2', text: 'Moved' } : row,
      );
      const result = await importBackup(
        backupToJson({ ...backup, tables: { ...backup.tables, actionItems: moved } }),
        mode,
      );
      expect(result).toMatchObject({ ok: true });
      expect((await actionItemsForMeeting('m1')).map((i) => i.id)).toEqual(['a']);
      expect((await actionItemsForMeeting('m2')).map((i) => [i.id, i.text]).sort()).toEqual([
        ['b', 'Moved'],
        ['c', 'Step c'],
      ]);
      await expectCountsMatchRows([NOW], mode);
    }
  });

  it('merges a file’s items into a meeting’s list and keeps the stored ones; a replace drops them', async () => {
    for (const mode of ['merge', 'replace'] as const) {
      await resetDatabase();
      await putActionItems([item('kept'), item('other', { meetingId: 'm9' })]);
      const backup = await exportBackup();
      const json = backupToJson({ ...backup, tables: { ...backup.tables, actionItems: [item('new')] } });
      expect(await importBackup(json, mode)).toMatchObject({ ok: true });
      const ids = (await allActionItems()).map((i) => i.id).sort();
      expect(ids).toEqual(mode === 'merge' ? ['kept', 'new', 'other'] : ['new']);
      // A meeting left with no item keeps no empty list behind.
      expect(await db.actionItemLists.count()).toBe(mode === 'merge' ? 2 : 1);
      await expectCountsMatchRows([NOW], mode);
    }
  });
});
