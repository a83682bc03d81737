import { db } from './database';
import type { MeetingState } from './records';

const LINK_WINDOW_MS = 12 * 60 * 60 * 1000;

/**
 * Links a Meet call to the mentoring meeting whose calendar entry carried its code (the one nearest
 * to now, as a recurring series reuses one code) and records whether the call is on or over.
 * Returns the meeting id, or null when no known meeting has that code.
 */
export async function linkMeetCall(
  meetCode: string,
  stage: 'lobby' | 'in-call' | 'ended',
  now: number,
): Promise<string | null> {
  return db.transaction('rw', db.meetings, async () => {
    const candidates = await db.meetings.where('meetCode').equals(meetCode).toArray();
    const nearby = candidates
      .filter(
        (m) => m.detection.mentoring && m.start !== undefined && Math.abs(m.start - now) < LINK_WINDOW_MS,
      )
      .sort((a, b) => Math.abs((a.start ?? 0) - now) - Math.abs((b.start ?? 0) - now));
    const meeting = nearby[0];
    if (!meeting) return null;
    const state: MeetingState = stage === 'in-call' ? 'in-call' : stage === 'ended' ? 'ended' : meeting.state;
    if (state !== meeting.state) {
      await db.meetings.update(meeting.id, { state, endedAt: state === 'ended' ? now : meeting.endedAt });
    }
    return meeting.id;
  });
}
