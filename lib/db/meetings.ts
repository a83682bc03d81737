import { detectMentoring } from '@/lib/detect/detectMentoring';
import type { CalendarEvent, CalendarEventSource } from '@/lib/gcal/calendarEvent';
import { db } from './database';
import type { MeetingRecord } from './records';
import { sameStoredValue } from './sameStoredValue';
import { getDetectionInputs, getSeriesOverrides } from './settings';
import { readStoredRows } from './storedRows';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A meeting with no known end is taken to last an hour. */
const DEFAULT_DURATION_MS = 60 * 60 * 1000;

/** How much each calendar view tells about an event; a poorer view never erases what a richer one read. */
const SOURCE_RICHNESS: Record<CalendarEventSource, number> = { chip: 0, dialog: 1, 'event-page': 2 };

/** What a calendar event's meeting id starts with; the event id follows. */
export const CALENDAR_MEETING_ID_PREFIX = 'gcal:';

export function meetingIdForCalendarEvent(eventId: string): string {
  return `${CALENDAR_MEETING_ID_PREFIX}${eventId}`;
}

export function isMentoringMeeting(meeting: MeetingRecord): boolean {
  return meeting.detection.mentoring;
}

export function meetingEnd(meeting: MeetingRecord): number | undefined {
  if (meeting.end !== undefined) return meeting.end;
  return meeting.start === undefined ? undefined : meeting.start + DEFAULT_DURATION_MS;
}

/**
 * Whether a calendar event the database does not hold yet earns a row: a mentoring meeting, or one the
 * user or a relationship has claimed. Other events are judged and answered but not kept, so the titles
 * of the user's other meetings stay in Calendar, and the dozens of chips a week shows cost no writes.
 */
function worthKeeping(meeting: MeetingRecord): boolean {
  return (
    meeting.detection.mentoring || meeting.userOverride !== undefined || meeting.relationshipId !== undefined
  );
}

/** What storing a calendar report did. */
export interface StoredCalendarEvents {
  /** The meetings as stored or judged, detection applied, one per event in order. */
  meetings: MeetingRecord[];
  /** The start, before and after, of each meeting written: where the write can change anything timed. */
  writtenStarts: (number | undefined)[];
}

/**
 * Judges each event the calendar showed and returns the meetings as stored or judged, detection
 * applied. Mentoring meetings, and events already stored, are written (one transaction for the whole
 * batch); seeing the same event again updates it, never duplicates it, and writes nothing when nothing
 * but the time of seeing changed.
 */
export async function upsertMeetingsFromCalendar(
  events: CalendarEvent[],
  now = Date.now(),
): Promise<MeetingRecord[]> {
  return (await storeCalendarEvents(events, now)).meetings;
}

/** upsertMeetingsFromCalendar, also telling when the meetings it wrote start (before and after). */
export async function storeCalendarEvents(
  events: CalendarEvent[],
  now = Date.now(),
): Promise<StoredCalendarEvents> {
  return db.transaction('rw', db.meetings, db.relationships, db.settings, async () => {
    // Read in the batch's own transaction, in one request per setting: a report arrives with every
    // week the user looks at, and a transaction of its own per setting cost more than the reads.
    const { rules, seriesOverrides } = await getDetectionInputs();
    const relationships = await db.relationships.filter((r) => !r.archived).toArray();
    const ids = events.map((event) => meetingIdForCalendarEvent(event.eventId));
    // Batched reads (see readStoredRows) and one write, and no other await in between: a long run of awaits
    // inside a Dexie transaction can let IndexedDB commit it early (PrematureCommitError in Chromium).
    // `batch` holds what this batch has merged so far, so an event seen twice in one report merges onto
    // its own first version, as if it had been written.
    const storedRows = await readStoredRows(db.meetings, ids);
    const batch = new Map<string, MeetingRecord>();
    const stored: MeetingRecord[] = [];
    for (const [index, event] of events.entries()) {
      const id = ids[index] as string;
      const existing = batch.has(id) ? batch.get(id) : storedRows[index];
      const merged = mergeCalendarEvent(existing, event, id, now);
      merged.detection = detectMentoring(
        { ...event, title: merged.title, description: merged.description, guests: merged.guests },
        {
          rules,
          relationships,
          eventOverride: merged.userOverride,
          seriesOverride: merged.seriesId === undefined ? undefined : seriesOverrides[merged.seriesId],
        },
      );
      merged.relationshipId ??= merged.detection.relationshipId;
      batch.set(id, merged);
      stored.push(merged);
    }
    await attachSeriesRelationships(batch);
    const storedById = new Map(ids.map((id, index) => [id, storedRows[index]]));
    const changed = [...batch.values()].filter((meeting) => {
      const before = storedById.get(meeting.id);
      if (!before) return worthKeeping(meeting);
      // Seen again as it was: only the time of seeing would change, which is not worth a write.
      return !sameStoredValue(before, { ...meeting, updatedAt: before.updatedAt });
    });
    if (changed.length > 0) await db.meetings.bulkPut(changed);
    return {
      meetings: stored.map((meeting) => batch.get(meeting.id) ?? meeting),
      writtenStarts: changed.flatMap((meeting) => {
        const before = storedById.get(meeting.id);
        return before ? [before.start, meeting.start] : [meeting.start];
      }),
    };
  });
}

/**
 * Later instances of a series attach to the relationship an earlier instance was given: one indexed
 * read for every series of the batch, then the lowest-id sibling with a relationship wins (stored rows
 * the batch replaced are judged by their new version).
 */
async function attachSeriesRelationships(batch: Map<string, MeetingRecord>): Promise<void> {
  const needing = [...batch.values()].filter(
    (m) => m.relationshipId === undefined && m.seriesId !== undefined,
  );
  if (needing.length === 0) return;
  const seriesIds = [...new Set(needing.map((m) => m.seriesId as string))];
  const storedSiblings = await db.meetings.where('seriesId').anyOf(seriesIds).toArray();
  const siblings = [...storedSiblings.filter((m) => !batch.has(m.id)), ...batch.values()];
  const bySeries = new Map<string, MeetingRecord>();
  for (const sibling of siblings) {
    if (sibling.seriesId === undefined || sibling.relationshipId === undefined) continue;
    const current = bySeries.get(sibling.seriesId);
    if (!current || sibling.id < current.id) bySeries.set(sibling.seriesId, sibling);
  }
  for (const meeting of needing) {
    const relationshipId = bySeries.get(meeting.seriesId as string)?.relationshipId;
    if (relationshipId !== undefined) batch.set(meeting.id, { ...meeting, relationshipId });
  }
}

function mergeCalendarEvent(
  existing: MeetingRecord | undefined,
  event: CalendarEvent,
  id: string,
  now: number,
): MeetingRecord {
  // A view whose date line could not be read (a language the parser does not know, say) tells no time:
  // the time another view read stays, rather than the meeting losing its place in the calendar.
  const timing =
    event.start === undefined && existing?.start !== undefined
      ? { title: event.title, start: existing.start, end: existing.end, allDay: existing.allDay }
      : { title: event.title, start: event.start, end: event.end, allDay: event.allDay };
  if (existing?.seenIn && SOURCE_RICHNESS[event.source] < SOURCE_RICHNESS[existing.seenIn]) {
    // A chip still tells reliably when a meeting moved or was renamed.
    return {
      ...existing,
      title: timing.title || existing.title,
      start: timing.start ?? existing.start,
      end: timing.end ?? existing.end,
      allDay: timing.allDay,
      cancelled: event.cancelled || existing.cancelled,
      updatedAt: now,
    };
  }
  return {
    id,
    source: 'calendar',
    state: 'scheduled',
    createdAt: now,
    ...existing,
    ...timing,
    calendarEventId: event.eventId,
    seriesId: event.seriesId ?? existing?.seriesId,
    calendarId: event.calendarId ?? existing?.calendarId,
    recurrenceText: event.recurrenceText,
    location: event.location,
    description: event.description,
    guests: event.guests,
    organizer: event.organizer,
    meetCode: event.meetCode ?? existing?.meetCode,
    declined: event.declined,
    cancelled: event.cancelled,
    seenIn: event.source,
    detection: existing?.detection ?? { mentoring: false, reason: 'no-match' },
    updatedAt: now,
  };
}

/**
 * Mentoring meetings that have not ended yet and start within `days`, soonest first.
 * Reads only the `start` index range, so its cost does not grow with years of history.
 */
export async function upcomingMentoringMeetings(now: number, days: number): Promise<MeetingRecord[]> {
  const candidates = await db.meetings
    .where('start')
    .between(now - DAY_MS, now + days * DAY_MS, true, true)
    .toArray();
  return candidates.filter(
    (m) => isMentoringMeeting(m) && !m.cancelled && !m.declined && (meetingEnd(m) ?? 0) > now,
  );
}

export async function getMeeting(id: string): Promise<MeetingRecord | undefined> {
  return db.meetings.get(id);
}

/**
 * The user's own verdict on an event. For a series it is remembered for instances not seen yet and
 * replaces any per-instance verdict; the user's word always beats detection.
 */
export async function setMentoringOverride(
  event: CalendarEvent,
  mentoring: boolean,
  scope: 'event' | 'series',
): Promise<MeetingRecord> {
  const id = meetingIdForCalendarEvent(event.eventId);
  const seriesId = scope === 'series' ? event.seriesId : undefined;
  await db.transaction('rw', db.meetings, db.settings, async () => {
    if (seriesId !== undefined) {
      const overrides = await getSeriesOverrides();
      await db.settings.put({ key: 'seriesOverrides', value: { ...overrides, [seriesId]: mentoring } });
      await db.meetings.where('seriesId').equals(seriesId).modify({ userOverride: undefined });
    }
    const existing = await db.meetings.get(id);
    if (existing)
      await db.meetings.update(id, { userOverride: seriesId === undefined ? mentoring : undefined });
    else if (seriesId === undefined) {
      await db.meetings.put({
        ...mergeCalendarEvent(undefined, event, id, Date.now()),
        userOverride: mentoring,
      });
    }
  });
  const siblings =
    seriesId === undefined ? [] : await db.meetings.where('seriesId').equals(seriesId).toArray();
  const [updated] = await upsertMeetingsFromCalendar([event]);
  await redetect(siblings.filter((m) => m.id !== id));
  if (!updated) throw new Error('The meeting could not be stored.');
  return updated;
}

/**
 * After the detection rules changed: checks every stored upcoming (and recent) meeting again, so the
 * popup and reminders follow the new rules without waiting for Calendar to show each event.
 */
export async function redetectRecentMeetings(now = Date.now()): Promise<void> {
  await redetect(
    await db.meetings
      .where('start')
      .aboveOrEqual(now - 30 * DAY_MS)
      .toArray(),
  );
}

/** Runs detection again on stored meetings after the rules or the user's verdicts changed. */
async function redetect(meetings: MeetingRecord[]): Promise<void> {
  if (meetings.length === 0) return;
  const { rules, seriesOverrides } = await getDetectionInputs();
  const relationships = await db.relationships.filter((r) => !r.archived).toArray();
  await db.meetings.bulkPut(
    meetings.map((m) => ({
      ...m,
      detection: detectMentoring(
        { eventId: m.calendarEventId ?? m.id, seriesId: m.seriesId, ...m },
        {
          rules,
          relationships,
          eventOverride: m.userOverride,
          seriesOverride: m.seriesId === undefined ? undefined : seriesOverrides[m.seriesId],
        },
      ),
    })),
  );
}

/** The mentoring meeting whose call is on now (the latest started, if several), for the side panel. */
export async function meetingInCall(now: number): Promise<MeetingRecord | undefined> {
  const recent = await db.meetings
    .where('start')
    .between(now - DAY_MS, now + DAY_MS, true, true)
    .toArray();
  const scheduledAroundNow = recent.filter((m) => m.state === 'in-call').at(-1);
  if (scheduledAroundNow) return scheduledAroundNow;
  // A call held on another day than its calendar slot: rare, so a scan is fine here.
  const anyDay = await db.meetings.filter((m) => m.state === 'in-call').toArray();
  return anyDay.sort((a, b) => a.updatedAt - b.updatedAt).at(-1);
}
