import { db } from '@/lib/db/database';
import type { MeetingRecord, PrepRecord, RelationshipRecord } from '@/lib/db/records';
import { prepCompletion, prepQuestions } from '@/lib/fourps/catalogue';
import type { Phase, PrepCompletion } from '@/lib/fourps/types';

/**
 * How far a prep is, counting the questions of the relationship's phase too: an answer to a phase
 * question (say, setting expectations at the start) prepares its P just as a general one does.
 */
export function phaseAwareProgress(prep: PrepRecord | undefined, phase: Phase | undefined): PrepCompletion {
  if (!prep) {
    return {
      byP: { purpose: false, preparation: false, participation: false, plan: false },
      answeredPs: 0,
      status: 'none',
    };
  }
  return prepCompletion(prep.answers, prepQuestions(prep.role, phase));
}

export interface MeetingWithProgress {
  meeting: MeetingRecord;
  relationship: RelationshipRecord | undefined;
  progress: PrepCompletion;
}

/** Preps and relationships of a batch of meetings by key (two bulk reads, whatever the batch size). */
export async function withProgress(meetings: MeetingRecord[]): Promise<MeetingWithProgress[]> {
  const relationshipIds = [...new Set(meetings.flatMap((m) => (m.relationshipId ? [m.relationshipId] : [])))];
  const [preps, relationships] = await Promise.all([
    db.preps.bulkGet(meetings.map((m) => m.id)),
    db.relationships.bulkGet(relationshipIds),
  ]);
  const relationshipById = new Map(relationships.flatMap((r) => (r ? [[r.id, r] as const] : [])));
  return meetings.map((meeting, index) => {
    const relationship = meeting.relationshipId ? relationshipById.get(meeting.relationshipId) : undefined;
    return { meeting, relationship, progress: phaseAwareProgress(preps[index], relationship?.phase) };
  });
}
