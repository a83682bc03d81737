import { meetingEnd } from '@/lib/db/meetings';
import type { MeetingRecord } from '@/lib/db/records';

export type MeetingTiming = 'upcoming' | 'in-progress' | 'ended';

/**
 * Where a meeting stands now. What Meet reported wins over the calendar: a call that ended early is
 * over, and a call still on after its slot is still in progress.
 */
export function meetingTiming(meeting: MeetingRecord, now: number): MeetingTiming {
  if (meeting.state === 'ended') return 'ended';
  if (meeting.state === 'in-call') return 'in-progress';
  const start = meeting.start;
  if (start === undefined || start > now) return 'upcoming';
  return (meetingEnd(meeting) ?? start) > now ? 'in-progress' : 'ended';
}
