import type { Phase, Role } from '@/lib/fourps/types';
import { db } from './database';
import type { MeetingRecord, RelationshipRecord } from './records';

export interface RelationshipDraft {
  partnerName: string;
  partnerEmails: string[];
  myRole: Role;
  learningGoals?: string;
  phase?: Phase;
}

const normalizeEmails = (emails: string[]) => [
  ...new Set(emails.map((email) => email.trim().toLowerCase()).filter((email) => email !== '')),
];

export async function createRelationship(
  draft: RelationshipDraft,
  now = Date.now(),
): Promise<RelationshipRecord> {
  const relationship: RelationshipRecord = {
    id: crypto.randomUUID(),
    partnerName: draft.partnerName.trim(),
    partnerEmails: normalizeEmails(draft.partnerEmails),
    myRole: draft.myRole,
    learningGoals: draft.learningGoals ?? '',
    phase: draft.phase ?? 'initiation',
    archived: false,
    createdAt: now,
  };
  await db.relationships.add(relationship);
  return relationship;
}

export async function updateRelationship(
  id: string,
  changes: Partial<Omit<RelationshipRecord, 'id' | 'createdAt'>>,
): Promise<void> {
  const cleaned = changes.partnerEmails
    ? { ...changes, partnerEmails: normalizeEmails(changes.partnerEmails) }
    : changes;
  await db.relationships.update(id, cleaned);
}

/** Active relationships first, then archived ones, each by partner name. */
export async function listRelationships(includeArchived = false): Promise<RelationshipRecord[]> {
  const all = await db.relationships.toArray();
  return all
    .filter((r) => includeArchived || !r.archived)
    .sort((a, b) => Number(a.archived) - Number(b.archived) || a.partnerName.localeCompare(b.partnerName));
}

/** The active relationship one of these guests is the partner of, if any. */
export async function relationshipForEmails(emails: string[]): Promise<RelationshipRecord | undefined> {
  const wanted = normalizeEmails(emails);
  if (wanted.length === 0) return undefined;
  const matches = await db.relationships.where('partnerEmails').anyOf(wanted).toArray();
  return matches.find((r) => !r.archived);
}

/**
 * Attaches a meeting, and the other instances of its series that have no relationship yet, to a
 * relationship; the prep's role follows the user's role in it unless the prep was already started.
 */
export async function assignMeetingToRelationship(meetingId: string, relationshipId: string): Promise<void> {
  await db.transaction('rw', db.meetings, db.relationships, db.preps, async () => {
    const meeting = await db.meetings.get(meetingId);
    const relationship = await db.relationships.get(relationshipId);
    if (!meeting || !relationship) throw new Error('That meeting or relationship no longer exists.');
    await db.meetings.update(meetingId, { relationshipId });
    if (meeting.seriesId !== undefined) {
      await db.meetings
        .where('seriesId')
        .equals(meeting.seriesId)
        .filter((m) => m.relationshipId === undefined)
        .modify({ relationshipId });
    }
    const prep = await db.preps.get(meetingId);
    const untouched = !prep || Object.values(prep.answers).every((answer) => answer.trim() === '');
    if (prep && untouched) await db.preps.update(meetingId, { role: relationship.myRole });
  });
}

/** The meeting of the same relationship that came just before this one ("last time"). */
export async function previousMeeting(meeting: MeetingRecord): Promise<MeetingRecord | undefined> {
  if (meeting.relationshipId === undefined || meeting.start === undefined) return undefined;
  const earlier = await db.meetings
    .where('[relationshipId+start]')
    .between([meeting.relationshipId, -Infinity], [meeting.relationshipId, meeting.start], true, false)
    .reverse()
    .filter((m) => m.id !== meeting.id && !m.cancelled && m.detection.mentoring)
    .first();
  return earlier;
}
