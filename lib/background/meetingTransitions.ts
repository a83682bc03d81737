import { markMeetingEnded, markMeetingInCall } from '@/lib/db/meetCalls';
import { getMeeting } from '@/lib/db/meetings';
import { clearMeetingEndedNotifications, notifyMeetingEnded } from './meetingEndedNotification';

/**
 * Ends a meeting, whatever noticed it (the Meet page, a closed tab, the calendar end time), and tells
 * the user to make the plan. An end already recorded is not recorded or announced twice.
 * Returns whether this call ended it.
 */
export async function endMeeting(meetingId: string, now: number, windowId?: number): Promise<boolean> {
  if (!(await markMeetingEnded(meetingId, now))) return false;
  const meeting = await getMeeting(meetingId);
  if (meeting) await notifyMeetingEnded(meeting, windowId);
  return true;
}

/** The call is on: a first join starts the meeting, a rejoin within the grace undoes its end. */
export async function joinMeeting(meetingId: string, now: number): Promise<void> {
  if ((await markMeetingInCall(meetingId, now)) === 'resumed')
    await clearMeetingEndedNotifications(meetingId);
}
