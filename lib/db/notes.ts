import { db } from './database';
import type { NotesRecord } from './records';

/** The text fields of the notes taken during a call; each saves on its own. */
export type NotesField = 'text' | 'feedbackHeard';

export async function getNotes(meetingId: string): Promise<NotesRecord | undefined> {
  return db.notes.get(meetingId);
}

/**
 * Saves one notes field. `editedAt` is when the user typed it: a save typed earlier than what the
 * field already holds (another open view, a late flush) is ignored, so newer text is never lost.
 * Each field keeps its own time, so typing in one never blocks a pending save of the other.
 * Returns whether the text was written.
 */
export async function saveNotesField(
  meetingId: string,
  field: NotesField,
  text: string,
  editedAt = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', db.notes, async () => {
    const existing = await db.notes.get(meetingId);
    const notes: NotesRecord = existing ?? { meetingId, text: '', feedbackHeard: '', updatedAt: editedAt };
    const fieldEditedAt = notes.fieldEditedAt ?? {};
    if ((fieldEditedAt[field] ?? 0) > editedAt) return false;
    await db.notes.put({
      ...notes,
      [field]: text,
      fieldEditedAt: { ...fieldEditedAt, [field]: editedAt },
      updatedAt: Math.max(notes.updatedAt, editedAt),
    });
    return true;
  });
}
