import { db } from './database';
import { isMentoringMeeting, meetingEnd } from './meetings';
import type { MeetingRecord } from './records';

/**
 * How far from a meeting's calendar time a call with its code still counts as that meeting: people
 * join early, run late or move the slot on the day. Meetings of the same calendar day always count,
 * so "our meeting this afternoon" links even when joined in the morning.
 */
const LINK_WINDOW_MS = 12 * 60 * 60 * 1000;

/** How far `now` is from a meeting's calendar slot; 0 while inside it. */
export function distanceFromSlot(meeting: MeetingRecord, now: number): number {
  const start = meeting.start ?? Number.POSITIVE_INFINITY;
  const end = meetingEnd(meeting) ?? start;
  if (now < start) return start - now;
  return now > end ? now - end : 0;
}

const sameLocalDay = (a: number, b: number) => new Date(a).toDateString() === new Date(b).toDateString();

/**
 * The mentoring meeting a Meet call belongs to: among meetings whose calendar entry carried this
 * code (a recurring series reuses one code), the one nearest in time — preferably one scheduled around
 * now (within 12 hours or on the same day); failing that, the nearest on any day, since the code itself
 * says which meeting this is (a call held on another day than planned, or an instance not seen yet).
 * A meeting that ended longer than `rejoinGraceMs` ago is over for good and is not linked again.
 */
export async function findMeetingForCall(
  meetCode: string,
  now: number,
  rejoinGraceMs: number,
): Promise<MeetingRecord | undefined> {
  const candidates = (await db.meetings.where('meetCode').equals(meetCode).toArray())
    .filter(
      (m) =>
        isMentoringMeeting(m) &&
        m.start !== undefined &&
        !(m.state === 'ended' && now - (m.endedAt ?? 0) > rejoinGraceMs),
    )
    .sort((a, b) => distanceFromSlot(a, now) - distanceFromSlot(b, now) || (b.start ?? 0) - (a.start ?? 0));
  const aroundNow = candidates.find(
    (m) => distanceFromSlot(m, now) <= LINK_WINDOW_MS || sameLocalDay(m.start ?? 0, now),
  );
  return aroundNow ?? candidates[0];
}

/**
 * Puts a meeting in the call. Returns 'resumed' when it undoes an end (a rejoin), 'started' when the
 * call began, 'unchanged' when it was already on.
 */
export async function markMeetingInCall(
  meetingId: string,
  now: number,
): Promise<'started' | 'resumed' | 'unchanged'> {
  return db.transaction('rw', db.meetings, async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || meeting.state === 'in-call') return 'unchanged';
    await db.meetings.update(meetingId, { state: 'in-call', endedAt: undefined, updatedAt: now });
    return meeting.state === 'ended' ? 'resumed' : 'started';
  });
}

/** Ends a meeting; returns whether it changed (an end already recorded is not recorded again). */
export async function markMeetingEnded(meetingId: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.meetings, async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || meeting.state === 'ended') return false;
    await db.meetings.update(meetingId, { state: 'ended', endedAt: now, updatedAt: now });
    return true;
  });
}
