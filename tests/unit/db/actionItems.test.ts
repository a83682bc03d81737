import { beforeEach, describe, expect, it } from 'vitest';
import {
  actionItemsForMeeting,
  addActionItem,
  deleteActionItem,
  openActionItems,
  setActionItemDone,
  updateActionItem,
} from '@/lib/db/actionItems';
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
    await setActionItemDone(item.id, true, now);
    expect(await openActionItems(now)).toEqual([]);
    expect((await actionItemsForMeeting('m1'))[0]?.doneAt).toBe(now);
    await setActionItemDone(item.id, false);
    await updateActionItem(item.id, { text: 'Send the second draft', owner: 'partner' });
    expect((await openActionItems(now))[0]).toMatchObject({
      text: 'Send the second draft',
      owner: 'partner',
    });
    await deleteActionItem(item.id);
    expect(await actionItemsForMeeting('m1')).toEqual([]);
  });
});
