import { actionItemsForMeeting, actionItemsForMeetings } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import type { RelationshipRecord } from '@/lib/db/records';
import type { MeetingExportData } from './meetingMarkdown';

export interface RelationshipExportData {
  relationship: RelationshipRecord;
  /** Newest first; meetings with no known date last. */
  meetings: MeetingExportData[];
}

const exportTables = () => [db.meetings, db.preps, db.notes, db.plans, db.actionItemLists, db.relationships];

/** Everything stored about one meeting, read in one transaction so the parts agree; undefined if unknown. */
export async function loadMeetingExport(meetingId: string): Promise<MeetingExportData | undefined> {
  return db.transaction('r', exportTables(), async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) return undefined;
    const [prep, notes, plan, actionItems, relationship] = await Promise.all([
      db.preps.get(meetingId),
      db.notes.get(meetingId),
      db.plans.get(meetingId),
      actionItemsForMeeting(meetingId),
      meeting.relationshipId === undefined ? undefined : db.relationships.get(meeting.relationshipId),
    ]);
    return { meeting, prep, notes, plan, actionItems, relationship };
  });
}

/** A relationship and all its meetings with their prep, notes, plan and action items; undefined if unknown. */
export async function loadRelationshipExport(
  relationshipId: string,
): Promise<RelationshipExportData | undefined> {
  return db.transaction('r', exportTables(), async () => {
    const relationship = await db.relationships.get(relationshipId);
    if (!relationship) return undefined;
    const meetings = await db.meetings.where('relationshipId').equals(relationshipId).toArray();
    const ids = meetings.map((m) => m.id);
    const [preps, notes, plans, actionItems] = await Promise.all([
      db.preps.bulkGet(ids),
      db.notes.bulkGet(ids),
      db.plans.bulkGet(ids),
      actionItemsForMeetings(ids),
    ]);
    const data = meetings.map(
      (meeting, index): MeetingExportData => ({
        meeting,
        prep: preps[index],
        notes: notes[index],
        plan: plans[index],
        actionItems: actionItems.filter((item) => item.meetingId === meeting.id),
        relationship,
      }),
    );
    return {
      relationship,
      meetings: data.sort((a, b) => (b.meeting.start ?? -Infinity) - (a.meeting.start ?? -Infinity)),
    };
  });
}
