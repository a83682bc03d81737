import { beforeEach, describe, expect, it } from 'vitest';
import { chooseSidePanelView } from '@/entrypoints/sidepanel/chooseSidePanelView';
import { db } from '@/lib/db/database';
import { setPlanDone } from '@/lib/db/plans';
import { HOUR, MINUTE, meeting, NOW } from '../background/callFixtures';
import { resetDatabase } from '../resetDatabase';

beforeEach(resetDatabase);

describe('chooseSidePanelView', () => {
  it('shows the meeting in the call first', async () => {
    await db.meetings.bulkPut([
      meeting({ state: 'in-call' }),
      meeting({ id: 'gcal:earlier', start: NOW - 3 * HOUR, state: 'ended', endedAt: NOW - 2 * HOUR }),
    ]);
    expect(await chooseSidePanelView(NOW, null, ['xyz-abcd-efg'])).toEqual({
      kind: 'during-call',
      meetingId: 'gcal:sam',
    });
  });

  it('then the plan of the most recently ended meeting whose plan is not done', async () => {
    await db.meetings.bulkPut([
      meeting({ state: 'ended', endedAt: NOW - MINUTE }),
      meeting({ id: 'gcal:earlier', start: NOW - 3 * HOUR, state: 'ended', endedAt: NOW - 2 * HOUR }),
    ]);
    expect(await chooseSidePanelView(NOW, null, [])).toEqual({ kind: 'plan', meetingId: 'gcal:sam' });
    await setPlanDone('gcal:sam', true);
    expect(await chooseSidePanelView(NOW, null, [])).toEqual({ kind: 'plan', meetingId: 'gcal:earlier' });
    await setPlanDone('gcal:earlier', true);
    expect(await chooseSidePanelView(NOW, null, [])).toEqual({ kind: 'idle' });
  });

  it('shows the plan of a call that ended before its calendar slot even began', async () => {
    await db.meetings.bulkPut([meeting({ start: NOW + 5 * HOUR, state: 'ended', endedAt: NOW - MINUTE })]);
    expect(await chooseSidePanelView(NOW, null, [])).toEqual({ kind: 'plan', meetingId: 'gcal:sam' });
  });

  it('offers a pick for a call that matched no meeting, else waits', async () => {
    expect(await chooseSidePanelView(NOW, null, ['xyz-abcd-efg'])).toEqual({
      kind: 'pick',
      meetCode: 'xyz-abcd-efg',
    });
    expect(await chooseSidePanelView(NOW, null, [])).toEqual({ kind: 'idle' });
  });

  it('honours a pinned meeting: its plan once ended, its call view before', async () => {
    await db.meetings.bulkPut([
      meeting({ state: 'ended', endedAt: NOW }),
      meeting({ id: 'gcal:next', state: 'scheduled' }),
    ]);
    expect(await chooseSidePanelView(NOW, 'gcal:sam', [])).toEqual({ kind: 'plan', meetingId: 'gcal:sam' });
    expect(await chooseSidePanelView(NOW, 'gcal:next', [])).toEqual({
      kind: 'during-call',
      meetingId: 'gcal:next',
    });
    expect(await chooseSidePanelView(NOW, 'gcal:gone', [])).toEqual({
      kind: 'missing',
      meetingId: 'gcal:gone',
    });
  });
});
