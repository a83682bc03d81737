import { browser } from 'wxt/browser';
import { db } from '@/lib/db/database';
import { isMentoringMeeting, meetingEnd } from '@/lib/db/meetings';
import type { MeetingRecord } from '@/lib/db/records';
import { endMeeting } from './meetingTransitions';
import { SIGNAL_HORIZON_MS, SIGNAL_LOOKBACK_MS } from './signalWindow';
import { soonestAlarms } from './soonestAlarms';

/**
 * A mentoring meeting with no Meet link (in person, by phone, another video tool) has no page to tell
 * when it ends, so an alarm at its calendar end time does: `meeting-end:<meetingId>`. Alarms outlive
 * the service worker, and they are recomputed from the database, never patched, so a moved meeting
 * moves its alarm and a cancelled or unmarked one loses it.
 */
export const MEETING_END_PREFIX = 'meeting-end:';
/** Chrome may shift an alarm by a few seconds; a sync does not recreate it for that. */
const TOLERANCE_MS = 5_000;

export function meetingEndAlarmName(meetingId: string): string {
  return `${MEETING_END_PREFIX}${meetingId}`;
}

/** Whether a meeting's end is announced by an alarm rather than by a Meet tab. */
export function needsEndAlarm(meeting: MeetingRecord): boolean {
  return (
    isMentoringMeeting(meeting) &&
    meeting.meetCode === undefined &&
    !meeting.cancelled &&
    !meeting.declined &&
    !meeting.allDay &&
    meeting.state !== 'ended'
  );
}

/** When each meeting's end alarm should fire, by alarm name (the soonest). */
async function wantedEndAlarms(now: number): Promise<Map<string, number>> {
  const meetings = await db.meetings
    .where('start')
    .between(now - SIGNAL_LOOKBACK_MS, now + SIGNAL_HORIZON_MS, true, true)
    .toArray();
  const wanted = new Map<string, number>();
  for (const meeting of meetings) {
    const end = meetingEnd(meeting);
    if (end !== undefined && end > now && needsEndAlarm(meeting))
      wanted.set(meetingEndAlarmName(meeting.id), end);
  }
  return soonestAlarms(wanted);
}

/** Makes the end alarms match the database: creates, moves and clears; never duplicates. */
export async function syncMeetingEndAlarms(now = Date.now()): Promise<void> {
  const wanted = await wantedEndAlarms(now);
  const existing = (await browser.alarms.getAll()).filter((a) => a.name.startsWith(MEETING_END_PREFIX));
  const current = new Set<string>();
  for (const alarm of existing) {
    const when = wanted.get(alarm.name);
    if (when !== undefined && Math.abs(alarm.scheduledTime - when) <= TOLERANCE_MS) current.add(alarm.name);
    else await browser.alarms.clear(alarm.name);
  }
  for (const [name, when] of wanted) {
    if (!current.has(name)) await browser.alarms.create(name, { when });
  }
}

/**
 * An end alarm fired: the meeting is checked again (it may have moved, been cancelled or got a Meet
 * link since) and ended. Returns whether it ended the meeting; false for alarms that are not ours.
 */
export async function onMeetingEndAlarm(alarm: { name: string }, now = Date.now()): Promise<boolean> {
  if (!alarm.name.startsWith(MEETING_END_PREFIX)) return false;
  const meeting = await db.meetings.get(alarm.name.slice(MEETING_END_PREFIX.length));
  if (!meeting || !needsEndAlarm(meeting)) return false;
  const end = meetingEnd(meeting);
  if (end === undefined || end > now + TOLERANCE_MS) {
    // Moved later after this alarm was set and before a sync noticed: wait for the new end.
    await syncMeetingEndAlarms(now);
    return false;
  }
  return endMeeting(meeting.id, now);
}
