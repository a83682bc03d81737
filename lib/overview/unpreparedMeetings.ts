import { upcomingMentoringMeetings } from '@/lib/db/meetings';
import { type MeetingWithProgress, withProgress } from './meetingProgress';
import { meetingTiming } from './meetingTiming';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Mentoring meetings that start after `now` and within `withinMs`, whose 4 Ps are not all prepared,
 * soonest first. A meeting already under way is left out: it is too late to prepare it.
 * Cancelled, declined and not-mentoring meetings never appear (upcomingMentoringMeetings drops them).
 */
export async function unpreparedMeetingsStartingWithin(
  now: number,
  withinMs: number,
): Promise<MeetingWithProgress[]> {
  const meetings = await upcomingMentoringMeetings(now, withinMs / DAY_MS);
  const starting = meetings
    .filter((m) => m.start !== undefined && m.start > now && m.start <= now + withinMs)
    .filter((m) => meetingTiming(m, now) === 'upcoming')
    .sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  const rows = await withProgress(starting);
  return rows.filter((row) => row.progress.status !== 'done');
}
