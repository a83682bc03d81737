import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/lib/db/database';
import type { MeetingRecord, PrepRecord, RelationshipRecord } from '@/lib/db/records';
import { getDefaultRole } from '@/lib/db/settings';
import type { Role } from '@/lib/fourps/types';

export interface MeetingContext {
  meeting: MeetingRecord;
  relationship: RelationshipRecord | undefined;
  prep: PrepRecord | undefined;
  /** The user's role: as chosen in the prep, else in the relationship, else their default. */
  role: Role;
  /** What to call the other person: their name, or their role when unknown. */
  partnerName: string;
}

/** A meeting with what the side panel shows beside it, live; undefined while loading, null if missing. */
export function useMeetingContext(meetingId: string): MeetingContext | null | undefined {
  return useLiveQuery(async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) return null;
    const relationship = meeting.relationshipId
      ? await db.relationships.get(meeting.relationshipId)
      : undefined;
    const prep = await db.preps.get(meetingId);
    const role = prep?.role ?? relationship?.myRole ?? (await getDefaultRole());
    const partnerName = relationship?.partnerName || (role === 'mentor' ? 'My mentee' : 'My mentor');
    return { meeting, relationship, prep, role, partnerName };
  }, [meetingId]);
}
