import { allDrafts, clearDraft } from './draftJournal';
import { parseDraftKey } from './draftTarget';
import { saveDraft } from './saveDraft';

/**
 * Saves every draft a closed page left in the journal, whatever field it belongs to, so the text is in
 * the database as soon as any extension page opens — not only when its own field is shown again.
 * Keys read `<kind>:<meeting id>:<field>` (see parseDraftKey). Each save is newest-wins, so a draft
 * older than what is stored changes nothing.
 */
export async function saveJournalledDrafts(): Promise<number> {
  let saved = 0;
  for (const [key, draft] of allDrafts()) {
    const target = parseDraftKey(key);
    if (!target) continue;
    try {
      await saveDraft(target, draft.text, draft.editedAt);
      clearDraft(key, draft.editedAt);
      saved += 1;
    } catch {
      // Left in the journal: the next page to open tries again.
    }
  }
  return saved;
}
