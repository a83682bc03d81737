import { saveNotesField } from '@/lib/db/notes';
import { savePlanText } from '@/lib/db/plans';
import { savePrepAnswer } from '@/lib/db/preps';
import type { DraftTarget } from './draftTarget';

/**
 * Stores a draft through its field's own newest-wins save: text typed earlier than what the field
 * holds changes nothing. Returns whether the text was written.
 */
export async function saveDraft(target: DraftTarget, text: string, editedAt: number): Promise<boolean> {
  switch (target.kind) {
    case 'prep':
      return savePrepAnswer(target.meetingId, target.field, text, editedAt);
    case 'notes':
      return saveNotesField(target.meetingId, target.field, text, editedAt);
    case 'plan':
      return savePlanText(target.meetingId, target.field, text, editedAt);
  }
}
