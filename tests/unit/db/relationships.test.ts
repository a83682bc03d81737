import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/database';
import { upsertMeetingsFromCalendar } from '@/lib/db/meetings';
import { getOrCreatePrep } from '@/lib/db/preps';
import {
  assignMeetingToRelationship,
  createRelationship,
  listRelationships,
  previousMeeting,
  relationshipForEmails,
  updateRelationship,
} from '@/lib/db/relationships';
import { calendarEvent, DAY, SEPT_15_3PM } from '../calendarEventFactory';
import { resetDatabase } from '../resetDatabase';

beforeEach(resetDatabase);

const sam = {
  partnerName: 'Sam Rivera',
  partnerEmails: [' Sam.Rivera@Example.com '],
  myRole: 'mentor' as const,
};

describe('relationships', () => {
  it('creates a relationship with normalised e-mails and finds it by a guest address', async () => {
    const created = await createRelationship(sam);
    expect(created).toMatchObject({
      partnerEmails: ['sam.rivera@example.com'],
      phase: 'initiation',
      archived: false,
    });
    expect((await relationshipForEmails(['SAM.RIVERA@example.com']))?.id).toBe(created.id);
    expect(await relationshipForEmails(['someone@example.com'])).toBeUndefined();
  });

  it('leaves archived relationships out of lists and guest matching', async () => {
    const created = await createRelationship(sam);
    await createRelationship({ partnerName: 'Ada', partnerEmails: ['ada@example.com'], myRole: 'mentee' });
    await updateRelationship(created.id, { archived: true });
    expect((await listRelationships()).map((r) => r.partnerName)).toEqual(['Ada']);
    expect((await listRelationships(true)).map((r) => r.partnerName)).toEqual(['Ada', 'Sam Rivera']);
    expect(await relationshipForEmails(['sam.rivera@example.com'])).toBeUndefined();
  });

  it('attaches a meeting and its series, and sets an untouched prep to my role in it', async () => {
    const relationship = await createRelationship(sam);
    await upsertMeetingsFromCalendar([
      calendarEvent({ eventId: 's_1', seriesId: 's', guests: [] }),
      calendarEvent({ eventId: 's_2', seriesId: 's', guests: [], start: SEPT_15_3PM + 7 * DAY }),
    ]);
    await getOrCreatePrep('gcal:s_1');
    await assignMeetingToRelationship('gcal:s_1', relationship.id);
    expect((await db.meetings.get('gcal:s_2'))?.relationshipId).toBe(relationship.id);
    expect((await db.preps.get('gcal:s_1'))?.role).toBe('mentor');
  });

  it('finds the previous meeting of the same relationship as "last time"', async () => {
    const relationship = await createRelationship(sam);
    const [first, second, third] = await upsertMeetingsFromCalendar([
      calendarEvent({ eventId: 'a', start: SEPT_15_3PM - 14 * DAY }),
      calendarEvent({ eventId: 'b', start: SEPT_15_3PM - 7 * DAY }),
      calendarEvent({ eventId: 'c', start: SEPT_15_3PM }),
    ]);
    for (const m of [first, second, third])
      await db.meetings.update(m?.id ?? '', { relationshipId: relationship.id });
    const current = await db.meetings.get('gcal:c');
    expect(current && (await previousMeeting(current))?.id).toBe('gcal:b');
    const earliest = await db.meetings.get('gcal:a');
    expect(earliest && (await previousMeeting(earliest))).toBeUndefined();
  });
});
