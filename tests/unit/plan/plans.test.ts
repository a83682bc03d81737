import { beforeEach, describe, expect, it } from 'vitest';
import { addActionItem, openActionItems, setActionItemDone } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import {
  getPlan,
  isPlanDone,
  saveNextMeetingDate,
  savePlanText,
  setPlanChecked,
  setPlanDone,
} from '@/lib/db/plans';
import { meeting } from '../background/callFixtures';
import { resetDatabase } from '../resetDatabase';

beforeEach(resetDatabase);

describe('plans', () => {
  it('saves each answer as typed, newest edit per field wins', async () => {
    await savePlanText('m1', 'learned', 'Ask for help earlier', 200);
    await savePlanText('m1', 'accountability', 'Check in on Friday', 100);
    expect(await savePlanText('m1', 'learned', 'an older draft', 150)).toBe(false);
    expect(await getPlan('m1')).toMatchObject({
      learned: 'Ask for help earlier',
      accountability: 'Check in on Friday',
      menteeNeeds: '',
      checked: {},
    });
  });

  it('keeps the next meeting date and clears it', async () => {
    await saveNextMeetingDate('m1', 1_800_000_000_000, 100);
    expect((await getPlan('m1'))?.nextMeetingDate).toBe(1_800_000_000_000);
    await saveNextMeetingDate('m1', undefined, 200);
    expect((await getPlan('m1'))?.nextMeetingDate).toBeUndefined();
  });

  it('is done when the user says so, and can be reopened; ticks are remembered', async () => {
    await setPlanChecked('m1', 'nextMeetingCreated', true, 50);
    await setPlanDone('m1', true, 100);
    expect(isPlanDone(await getPlan('m1'))).toBe(true);
    expect((await getPlan('m1'))?.checked).toEqual({ nextMeetingCreated: true });
    await setPlanDone('m1', false, 200);
    expect(isPlanDone(await getPlan('m1'))).toBe(false);
  });

  it('turns next steps into the open action items of the relationship, ticked everywhere at once', async () => {
    await db.meetings.put(meeting({ relationshipId: 'rel-sam' }));
    const step = await addActionItem({ meetingId: 'gcal:sam', text: 'Send the CV draft', owner: 'me' });
    expect(step.relationshipId).toBe('rel-sam');
    expect((await openActionItems(Date.now(), 'rel-sam')).map((i) => i.text)).toEqual(['Send the CV draft']);
    await setActionItemDone(step, true);
    expect(await openActionItems(Date.now(), 'rel-sam')).toEqual([]);
  });
});
