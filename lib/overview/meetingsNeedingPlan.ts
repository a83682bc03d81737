import { db } from '@/lib/db/database';
import { isMentoringMeeting, meetingEnd } from '@/lib/db/meetings';
import type { MeetingRecord } from '@/lib/db/records';
import { meetingTiming } from './meetingTiming';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far back an unplanned meeting is still offered; older ones are the dashboard's business. */
export const NEEDS_PLAN_DAYS = 7;

/**
 * Mentoring meetings that ended in the last week, by the calendar, without a completed Plan, newest
 * first. Meetings whose call ended early but whose slot is still running are in the upcoming list
 * instead, so none appears twice.
 */
export async function meetingsNeedingPlan(now: number): Promise<MeetingRecord[]> {
  const recent = await db.meetings
    .where('start')
    .between(now - NEEDS_PLAN_DAYS * DAY_MS, now, true, true)
    .toArray();
  const ended = recent.filter(
    (m) =>
      isMentoringMeeting(m) &&
      !m.cancelled &&
      !m.declined &&
      (meetingEnd(m) ?? now) <= now &&
      meetingTiming(m, now) === 'ended',
  );
  const plans = await db.plans.bulkGet(ended.map((m) => m.id));
  return ended.filter((_, index) => !plans[index]?.doneAt).sort((a, b) => (b.start ?? 0) - (a.start ?? 0));
}
