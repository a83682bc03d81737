import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/database';
import {
  meetingIdForCalendarEvent,
  redetectRecentMeetings,
  setMentoringOverride,
  storeCalendarEvents,
  upcomingMentoringMeetings,
  upsertMeetingsFromCalendar,
} from '@/lib/db/meetings';
import { getDetectionRules, saveDetectionRules } from '@/lib/db/settings';
import { calendarEvent, DAY, HOUR, SEPT_15_3PM } from '../calendarEventFactory';
import { resetDatabase } from '../resetDatabase';

beforeEach(resetDatabase);

describe('upsertMeetingsFromCalendar', () => {
  it('stores a detected mentoring meeting under a key derived from the calendar id', async () => {
    const [meeting] = await upsertMeetingsFromCalendar([calendarEvent({ meetCode: 'abc-defg-hij' })]);
    expect(meeting?.id).toBe('gcal:evt1');
    expect(meeting?.detection.mentoring).toBe(true);
    const stored = await db.meetings.get('gcal:evt1');
    expect(stored).toMatchObject({
      title: 'Mentoring with Sam',
      meetCode: 'abc-defg-hij',
      state: 'scheduled',
    });
  });

  it('updates a moved meeting instead of adding a second one', async () => {
    await upsertMeetingsFromCalendar([calendarEvent()]);
    await upsertMeetingsFromCalendar([
      calendarEvent({ start: SEPT_15_3PM + DAY, end: SEPT_15_3PM + DAY + HOUR }),
    ]);
    expect(await db.meetings.count()).toBe(1);
    expect((await db.meetings.get('gcal:evt1'))?.start).toBe(SEPT_15_3PM + DAY);
  });

  it('keeps what the details dialog told when only a chip is seen later', async () => {
    await upsertMeetingsFromCalendar([
      calendarEvent({ description: 'Career goals', meetCode: 'abc-defg-hij' }),
    ]);
    await upsertMeetingsFromCalendar([
      calendarEvent({ source: 'chip', guests: [], description: undefined, start: SEPT_15_3PM + HOUR }),
    ]);
    const stored = await db.meetings.get('gcal:evt1');
    expect(stored?.description).toBe('Career goals');
    expect(stored?.guests).toHaveLength(1);
    expect(stored?.meetCode).toBe('abc-defg-hij');
    expect(stored?.start).toBe(SEPT_15_3PM + HOUR);
  });

  it('keeps the time a chip told when the details dialog shows a date it cannot read', async () => {
    await upsertMeetingsFromCalendar([calendarEvent({ source: 'chip', guests: [] })]);
    const [meeting] = await upsertMeetingsFromCalendar([
      calendarEvent({ start: undefined, end: undefined, description: 'Agenda: career goals' }),
    ]);
    expect(meeting).toMatchObject({ start: SEPT_15_3PM, end: SEPT_15_3PM + HOUR, seenIn: 'dialog' });
    expect(await db.meetings.get('gcal:evt1')).toMatchObject({
      start: SEPT_15_3PM,
      end: SEPT_15_3PM + HOUR,
      description: 'Agenda: career goals',
    });
  });

  it('judges an event that is not about mentoring as not mentoring, and keeps no row of it', async () => {
    const [meeting] = await upsertMeetingsFromCalendar([
      calendarEvent({ eventId: 'standup', title: 'Team standup', guests: [] }),
    ]);
    expect(meeting?.detection.mentoring).toBe(false);
    expect(await db.meetings.get('gcal:standup')).toBeUndefined();
  });

  it('writes nothing when an event is seen again unchanged', async () => {
    await upsertMeetingsFromCalendar([calendarEvent()], 1_000);
    await upsertMeetingsFromCalendar([calendarEvent()], 2_000);
    expect((await db.meetings.get('gcal:evt1'))?.updatedAt).toBe(1_000);
    await upsertMeetingsFromCalendar([calendarEvent({ title: 'Mentoring with Sam (moved room)' })], 3_000);
    expect(await db.meetings.get('gcal:evt1')).toMatchObject({
      title: 'Mentoring with Sam (moved room)',
      updatedAt: 3_000,
    });
  });

  it('keeps following an event once stored, even after it stops counting as mentoring', async () => {
    const event = calendarEvent({ eventId: 'weekly', title: 'Mentoring with Sam' });
    await setMentoringOverride(event, false, 'event');
    await upsertMeetingsFromCalendar([{ ...event, title: 'Catch-up with Sam', start: SEPT_15_3PM + DAY }]);
    expect(await db.meetings.get('gcal:weekly')).toMatchObject({
      title: 'Catch-up with Sam',
      start: SEPT_15_3PM + DAY,
      userOverride: false,
      detection: { mentoring: false },
    });
  });

  it('lets later instances of a series join the relationship of an earlier one', async () => {
    await upsertMeetingsFromCalendar([calendarEvent({ eventId: 'ser_20260908T150000Z', seriesId: 'ser' })]);
    await db.meetings.update('gcal:ser_20260908T150000Z', { relationshipId: 'rel-sam' });
    const [next] = await upsertMeetingsFromCalendar([
      calendarEvent({ eventId: 'ser_20260915T150000Z', seriesId: 'ser' }),
    ]);
    expect(next?.relationshipId).toBe('rel-sam');
  });
});

describe('upsertMeetingsFromCalendar on a batch', () => {
  it('reads the batch with one bulkGet and writes it with one bulkPut, never row by row', async () => {
    await upsertMeetingsFromCalendar([calendarEvent({ eventId: 'a', description: 'Career goals' })]);
    const spies = {
      get: vi.spyOn(db.meetings, 'get'),
      put: vi.spyOn(db.meetings, 'put'),
      bulkGet: vi.spyOn(db.meetings, 'bulkGet'),
      bulkPut: vi.spyOn(db.meetings, 'bulkPut'),
    };
    const events = ['a', 'b', 'c'].map((eventId) => calendarEvent({ eventId, source: 'chip' }));
    const stored = await upsertMeetingsFromCalendar(events);
    const calls = Object.fromEntries(Object.entries(spies).map(([k, spy]) => [k, spy.mock.calls.length]));
    vi.restoreAllMocks();

    expect(calls).toEqual({ get: 0, put: 0, bulkGet: 1, bulkPut: 1 });
    expect(stored.map((m) => m.id)).toEqual(['gcal:a', 'gcal:b', 'gcal:c']);
    // The chip does not erase what the dialog read before.
    expect((await db.meetings.get('gcal:a'))?.description).toBe('Career goals');
    expect(await db.meetings.count()).toBe(3);
  });

  it('reads a week-sized report through the stored keys, and only the rows that exist', async () => {
    // Stored before: one meeting the dialog described, and one event the user marked as not mentoring.
    await upsertMeetingsFromCalendar([calendarEvent({ eventId: 'e3', description: 'Career goals' })]);
    await setMentoringOverride(calendarEvent({ eventId: 'e7', title: 'Lunch' }), false, 'event');
    const week = Array.from({ length: 30 }, (_, index) =>
      calendarEvent({
        eventId: `e${index}`,
        title: index % 3 === 0 ? 'Mentoring with Sam' : 'Team standup',
        source: 'chip',
        guests: [],
        start: SEPT_15_3PM + index * HOUR,
        end: SEPT_15_3PM + (index + 1) * HOUR,
      }),
    );
    const bulkGet = vi.spyOn(db.meetings, 'bulkGet');
    const stored = await upsertMeetingsFromCalendar(week);
    const keysRead = bulkGet.mock.calls.map(([keys]) => keys);
    vi.restoreAllMocks();

    expect(keysRead).toEqual([['gcal:e3', 'gcal:e7']]);
    expect(stored.map((m) => m.id)).toEqual(week.map((event) => `gcal:${event.eventId}`));
    // What the stored rows knew is kept: the dialog's description, the user's verdict.
    expect(stored[3]).toMatchObject({ description: 'Career goals', start: SEPT_15_3PM + 3 * HOUR });
    expect(stored[7]).toMatchObject({ title: 'Team standup', userOverride: false });
    expect(await db.meetings.get('gcal:e7')).toMatchObject({ title: 'Team standup', userOverride: false });
    // The ten mentoring meetings have rows (e3 among them); of the rest only the marked e7 does.
    expect((await db.meetings.toCollection().primaryKeys()).sort()).toEqual(
      ['gcal:e0', 'gcal:e12', 'gcal:e15', 'gcal:e18', 'gcal:e21', 'gcal:e24', 'gcal:e27', 'gcal:e3']
        .concat(['gcal:e6', 'gcal:e7', 'gcal:e9'])
        .sort(),
    );
  });

  it('merges an event seen twice in one report onto its own first sighting', async () => {
    const stored = await upsertMeetingsFromCalendar([
      calendarEvent({ description: 'Career goals', meetCode: 'abc-defg-hij' }),
      calendarEvent({ source: 'chip', guests: [], description: undefined, start: SEPT_15_3PM + HOUR }),
    ]);
    expect(stored).toHaveLength(2);
    expect(await db.meetings.count()).toBe(1);
    const meeting = await db.meetings.get('gcal:evt1');
    expect(meeting).toEqual(stored[1]);
    expect(meeting).toMatchObject({
      description: 'Career goals',
      meetCode: 'abc-defg-hij',
      start: SEPT_15_3PM + HOUR,
    });
    expect(meeting?.guests).toHaveLength(1);
  });

  it('lets a series instance join the relationship an earlier instance of the same report got', async () => {
    await db.relationships.put({
      id: 'rel-sam',
      partnerName: 'Sam Rivera',
      partnerEmails: ['sam.rivera@example.com'],
      myRole: 'mentee',
      learningGoals: '',
      phase: 'cultivation',
      archived: false,
      createdAt: 1,
    });
    const [first, second] = await upsertMeetingsFromCalendar([
      // Sam is a guest: detection names the relationship.
      calendarEvent({ eventId: 'ser_1', seriesId: 'ser' }),
      // A later instance seen without guests: only its series can tell.
      calendarEvent({ eventId: 'ser_2', seriesId: 'ser', guests: [], source: 'chip' }),
    ]);
    expect(first?.relationshipId).toBe('rel-sam');
    expect(second?.relationshipId).toBe('rel-sam');
    expect((await db.meetings.get('gcal:ser_2'))?.relationshipId).toBe('rel-sam');
  });
});

describe('storeCalendarEvents', () => {
  it('tells the start, before and after, of each meeting it wrote, and nothing of the rest', async () => {
    const standup = calendarEvent({ eventId: 'evt2', title: 'Team standup', guests: [] });
    const first = await storeCalendarEvents([calendarEvent(), standup]);
    // New: only its start. The standup is not kept, so not written.
    expect(first.writtenStarts).toEqual([SEPT_15_3PM]);
    expect(first.meetings.map((m) => m.id)).toEqual(['gcal:evt1', 'gcal:evt2']);
    const moved = await storeCalendarEvents([
      calendarEvent({ start: SEPT_15_3PM + DAY, end: SEPT_15_3PM + DAY + HOUR }),
    ]);
    expect(moved.writtenStarts).toEqual([SEPT_15_3PM, SEPT_15_3PM + DAY]);
    const again = await storeCalendarEvents([
      calendarEvent({ start: SEPT_15_3PM + DAY, end: SEPT_15_3PM + DAY + HOUR }),
    ]);
    expect(again.writtenStarts).toEqual([]);
  });
});

describe('setMentoringOverride', () => {
  it('makes an undetected event a mentoring meeting, and the verdict survives a new sighting', async () => {
    const standup = calendarEvent({ eventId: 'chat', title: 'Coffee with Jo', guests: [] });
    const marked = await setMentoringOverride(standup, true, 'event');
    expect(marked.detection).toMatchObject({ mentoring: true, reason: 'event-override' });
    const [seenAgain] = await upsertMeetingsFromCalendar([standup]);
    expect(seenAgain?.detection.mentoring).toBe(true);
  });

  it('applies a series verdict to instances seen before and after', async () => {
    const first = calendarEvent({
      eventId: 'ser_20260908T150000Z',
      seriesId: 'ser',
      start: SEPT_15_3PM - 7 * DAY,
    });
    await upsertMeetingsFromCalendar([first]);
    await setMentoringOverride(
      calendarEvent({ eventId: 'ser_20260915T150000Z', seriesId: 'ser' }),
      false,
      'series',
    );
    expect((await db.meetings.get(meetingIdForCalendarEvent(first.eventId)))?.detection.mentoring).toBe(
      false,
    );
    const [later] = await upsertMeetingsFromCalendar([
      calendarEvent({ eventId: 'ser_20260922T150000Z', seriesId: 'ser', start: SEPT_15_3PM + 7 * DAY }),
    ]);
    expect(later?.detection).toMatchObject({ mentoring: false, reason: 'series-override' });
  });
});

describe('upcomingMentoringMeetings', () => {
  it('lists mentoring meetings that have not ended, soonest first, and nothing else', async () => {
    const now = SEPT_15_3PM - 2 * HOUR;
    await upsertMeetingsFromCalendar([
      calendarEvent({ eventId: 'later', start: now + 3 * DAY, end: now + 3 * DAY + HOUR }),
      calendarEvent({ eventId: 'soon', start: now + HOUR, end: now + 2 * HOUR }),
      calendarEvent({ eventId: 'past', start: now - 3 * HOUR, end: now - 2 * HOUR }),
      calendarEvent({ eventId: 'too-far', start: now + 20 * DAY, end: now + 20 * DAY + HOUR }),
      calendarEvent({ eventId: 'cancelled', cancelled: true, start: now + HOUR }),
      calendarEvent({ eventId: 'declined', declined: true, start: now + HOUR }),
      calendarEvent({ eventId: 'standup', title: 'Standup', guests: [], start: now + HOUR }),
      calendarEvent({ eventId: 'ongoing', start: now - 30 * 60 * 1000, end: now + 30 * 60 * 1000 }),
    ]);
    const upcoming = await upcomingMentoringMeetings(now, 14);
    expect(upcoming.map((m) => m.calendarEventId)).toEqual(['ongoing', 'soon', 'later']);
  });
});

describe('redetectRecentMeetings', () => {
  it('applies new rules to stored upcoming meetings at once', async () => {
    const now = SEPT_15_3PM - DAY;
    await upsertMeetingsFromCalendar([
      calendarEvent({ eventId: 'panel', title: 'Mentoring: hiring panel', guests: [] }),
    ]);
    expect((await db.meetings.get('gcal:panel'))?.detection.mentoring).toBe(true);
    const rules = await getDetectionRules();
    await saveDetectionRules({ ...rules, excludedWords: [...rules.excludedWords, 'hiring panel'] });
    await redetectRecentMeetings(now);
    expect((await db.meetings.get('gcal:panel'))?.detection.mentoring).toBe(false);
  });

  it('lets an event no rule matched before count once Calendar shows it again', async () => {
    const jourFixe = calendarEvent({ eventId: 'jour', title: 'Jour fixe with Kim', guests: [] });
    await upsertMeetingsFromCalendar([jourFixe]);
    const rules = await getDetectionRules();
    await saveDetectionRules({ ...rules, keywords: [...rules.keywords, 'jour fixe'] });
    const [seenAgain] = await upsertMeetingsFromCalendar([jourFixe]);
    expect(seenAgain?.detection).toMatchObject({ mentoring: true, reason: 'keyword' });
    expect((await db.meetings.get('gcal:jour'))?.detection.mentoring).toBe(true);
  });
});
