import { saveNotesField } from '@/lib/db/notes';
import { savePlanText } from '@/lib/db/plans';
import { savePrepAnswer } from '@/lib/db/preps';
import { allDrafts, clearDraft } from './draftJournal';

const NOTES_FIELDS = new Set(['text', 'feedbackHeard']);
const PLAN_FIELDS = new Set(['menteeNeeds', 'accountability', 'learned', 'feedback', 'nextMeetingGoal']);

/**
 * Saves every draft a closed page left in the journal, whatever field it belongs to, so the text is in
 * the database as soon as any extension page opens — not only when its own field is shown again.
 * Keys read `<kind>:<meeting id>:<field>`; meeting ids may hold colons, fields never do. Each save is
 * newest-wins, so a draft older than what is stored changes nothing.
 */
export async function saveJournalledDrafts(): Promise<number> {
  let saved = 0;
  for (const [key, draft] of allDrafts()) {
    const kindEnd = key.indexOf(':');
    const fieldStart = key.lastIndexOf(':');
    if (kindEnd < 0 || fieldStart <= kindEnd) continue;
    const kind = key.slice(0, kindEnd);
    const meetingId = key.slice(kindEnd + 1, fieldStart);
    const field = key.slice(fieldStart + 1);
    try {
      if (kind === 'prep') await savePrepAnswer(meetingId, field, draft.text, draft.editedAt);
      else if (kind === 'notes' && NOTES_FIELDS.has(field)) {
        await saveNotesField(meetingId, field as 'text' | 'feedbackHeard', draft.text, draft.editedAt);
      } else if (kind === 'plan' && PLAN_FIELDS.has(field)) {
        await savePlanText(
          meetingId,
          field as Parameters<typeof savePlanText>[1],
          draft.text,
          draft.editedAt,
        );
      } else continue;
      clearDraft(key, draft.editedAt);
      saved += 1;
    } catch {
      // Left in the journal: the next page to open tries again.
    }
  }
  return saved;
}
