import type { ActionItemRecord, MeetingRecord, PlanRecord, RelationshipRecord } from '@/lib/db/records';
import { createEventUrl } from '@/lib/gcal/createEventUrl';

const HOUR_MS = 60 * 60 * 1000;

/** Who to invite: the relationship's partner, else the meeting's other guests (not the user's calendar). */
export function partnerEmails(
  meeting: MeetingRecord,
  relationship: RelationshipRecord | undefined,
): string[] {
  if (relationship && relationship.partnerEmails.length > 0) return relationship.partnerEmails;
  const own = meeting.calendarId?.toLowerCase();
  return meeting.guests
    .filter((guest) => guest.email.toLowerCase() !== own && !guest.organizer)
    .map((guest) => guest.email);
}

/**
 * The "Create it in Google Calendar" link for the next meeting: same title and length as this one,
 * the goal and the open next steps in the description, the partner invited. Null until a date is set.
 */
export function nextMeetingInviteUrl(
  meeting: MeetingRecord,
  relationship: RelationshipRecord | undefined,
  plan: PlanRecord | undefined,
  items: readonly ActionItemRecord[],
): string | null {
  const start = plan?.nextMeetingDate;
  if (start === undefined) return null;
  const length =
    meeting.start !== undefined && meeting.end !== undefined && meeting.end > meeting.start
      ? meeting.end - meeting.start
      : HOUR_MS;
  const goal = plan?.nextMeetingGoal.trim() ?? '';
  const steps = items.filter((item) => item.doneAt === 0 && item.text.trim() !== '');
  const details = [
    goal ? `Goal: ${goal}` : '',
    steps.length > 0
      ? `Next steps from last time:\n${steps.map((s) => `- ${s.text.trim()}`).join('\n')}`
      : '',
  ]
    .filter((part) => part !== '')
    .join('\n\n');
  return createEventUrl({
    title: meeting.title || 'Mentoring conversation',
    start,
    end: start + length,
    details,
    guests: partnerEmails(meeting, relationship),
  });
}
