import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/database';
import { loadMeetingExport, loadRelationshipExport } from '@/lib/export/loadMeetingExport';
import { meetingToMarkdown } from '@/lib/export/meetingMarkdown';
import { seedDatabase, seedMeeting, seedTables } from '../backup/backupSeed';
import { resetDatabase } from '../resetDatabase';

beforeEach(async () => {
  await resetDatabase();
  await seedDatabase();
});

describe('loadMeetingExport', () => {
  it('reads the meeting with its prep, notes, plan, action items and relationship', async () => {
    const seed = seedTables();
    const data = await loadMeetingExport('gcal:evt1');
    expect(data?.meeting).toEqual(seed.meetings[0]);
    expect(data?.prep).toEqual(seed.preps[0]);
    expect(data?.notes).toEqual(seed.notes[0]);
    expect(data?.plan).toEqual(seed.plans[0]);
    expect(data?.relationship?.id).toBe('rel-sam');
    expect(data?.actionItems.map((item) => item.id).sort()).toEqual(['ai-1', 'ai-2']);
  });

  it('gives what exists for a meeting with no relationship or prep', async () => {
    const data = await loadMeetingExport('adhoc:1f0e');
    expect(data).toMatchObject({
      prep: undefined,
      notes: undefined,
      relationship: undefined,
      actionItems: [],
    });
    expect(data?.plan?.meetingId).toBe('adhoc:1f0e');
    if (!data) throw new Error('the meeting was not found');
    expect(meetingToMarkdown(data)).toContain('# Coffee chat ☕');
  });

  it('returns undefined for an unknown meeting', async () => {
    expect(await loadMeetingExport('nope')).toBeUndefined();
  });
});

describe('loadRelationshipExport', () => {
  it('reads every meeting of the relationship, newest first, each with its own items', async () => {
    const first = seedMeeting();
    await db.meetings.put({ ...first, id: 'gcal:later', start: (first.start ?? 0) + 1_000_000 });
    await db.meetings.put({ ...first, id: 'gcal:undated', start: undefined });

    const data = await loadRelationshipExport('rel-sam');

    expect(data?.relationship.partnerName).toBe('Sam Åkesson');
    expect(data?.meetings.map((m) => m.meeting.id)).toEqual(['gcal:later', 'gcal:evt1', 'gcal:undated']);
    expect(data?.meetings[1]?.actionItems).toHaveLength(2);
    expect(data?.meetings[0]?.actionItems).toEqual([]);
    expect(data?.meetings[1]?.prep?.role).toBe('mentee');
  });

  it('returns undefined for an unknown relationship', async () => {
    expect(await loadRelationshipExport('nope')).toBeUndefined();
  });
});
