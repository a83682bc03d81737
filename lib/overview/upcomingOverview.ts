import { db } from '@/lib/db/database';
import { upcomingMentoringMeetings } from '@/lib/db/meetings';
import { getPreferences } from '@/lib/db/preferences';
import { type MeetingWithProgress, withProgress } from './meetingProgress';
import { type MeetingTiming, meetingTiming } from './meetingTiming';

export interface UpcomingRow extends MeetingWithProgress {
  timing: MeetingTiming;
  /** Whether the Plan checklist of the meeting was completed; only read for meetings that are over. */
  planDone: boolean;
}

/**
 * What the popup lists: mentoring meetings of the next `days` that are not over by the calendar,
 * soonest first, each with its partner, the user's role and how far each P is prepared.
 * Reads the `start` index range plus key lookups, so years of history do not slow it down.
 */
export async function upcomingOverview(now: number, days: number): Promise<UpcomingRow[]> {
  const meetings = await upcomingMentoringMeetings(now, days);
  meetings.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  const rows = await withProgress(meetings);
  const timings = rows.map((row) => meetingTiming(row.meeting, now));
  const endedIds = rows.filter((_, index) => timings[index] === 'ended').map((row) => row.meeting.id);
  const plans = await db.plans.bulkGet(endedIds);
  const planDoneIds = new Set(plans.flatMap((plan) => (plan?.doneAt ? [plan.meetingId] : [])));
  return rows.map((row, index) => ({
    ...row,
    timing: timings[index] ?? 'upcoming',
    planDone: planDoneIds.has(row.meeting.id),
  }));
}

export interface UpcomingList {
  now: number;
  /** The user's window, in days from now. */
  days: number;
  rows: UpcomingRow[];
}

/** The popup's list: the meetings of the window of days the user chose (preferences). */
export async function readUpcomingList(now = Date.now()): Promise<UpcomingList> {
  const { upcomingDays } = await getPreferences();
  return { now, days: upcomingDays, rows: await upcomingOverview(now, upcomingDays) };
}
