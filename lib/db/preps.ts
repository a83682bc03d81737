import { prepCompletion, prepQuestions } from '@/lib/fourps/catalogue';
import type { Role } from '@/lib/fourps/types';
import { db } from './database';
import type { PrepRecord, QuestionToBring } from './records';
import { getDefaultRole } from './settings';

export type PrepStatus = 'none' | 'partial' | 'done';

export async function getPrep(meetingId: string): Promise<PrepRecord | undefined> {
  return db.preps.get(meetingId);
}

/** The role a new prep starts with: the user's role in the meeting's relationship, else their default. */
async function initialRole(meetingId: string): Promise<Role> {
  const meeting = await db.meetings.get(meetingId);
  const relationship = meeting?.relationshipId
    ? await db.relationships.get(meeting.relationshipId)
    : undefined;
  return relationship?.myRole ?? getDefaultRole();
}

export async function getOrCreatePrep(meetingId: string, now = Date.now()): Promise<PrepRecord> {
  return db.transaction('rw', db.preps, db.meetings, db.relationships, db.settings, async () => {
    const existing = await db.preps.get(meetingId);
    if (existing) return existing;
    const created: PrepRecord = {
      meetingId,
      role: await initialRole(meetingId),
      answers: {},
      answerEditedAt: {},
      questionsToBring: [],
      updatedAt: now,
    };
    await db.preps.add(created);
    return created;
  });
}

/**
 * Saves one answer. `editedAt` is when the user typed it: a save that arrives later but was typed
 * earlier (another open view, a delayed flush) is ignored, so newer text is never overwritten by older.
 * Returns whether the text was written.
 */
export async function savePrepAnswer(
  meetingId: string,
  questionId: string,
  text: string,
  editedAt = Date.now(),
): Promise<boolean> {
  return db.transaction('rw', db.preps, db.meetings, db.relationships, db.settings, async () => {
    const prep = await getOrCreatePrep(meetingId, editedAt);
    const lastEdit = prep.answerEditedAt[questionId] ?? 0;
    if (lastEdit > editedAt) return false;
    // A whole-record put inside the transaction: question ids contain dots, which update() would
    // read as nested key paths.
    await db.preps.put({
      ...prep,
      answers: { ...prep.answers, [questionId]: text },
      answerEditedAt: { ...prep.answerEditedAt, [questionId]: editedAt },
      updatedAt: Math.max(prep.updatedAt, editedAt),
    });
    return true;
  });
}

export async function setPrepRole(meetingId: string, role: Role): Promise<void> {
  await getOrCreatePrep(meetingId);
  await db.preps.update(meetingId, { role, updatedAt: Date.now() });
}

/** How far a prep is: how many of the 4 Ps have at least one answer, for the prep's role. */
export function prepProgress(prep: PrepRecord | undefined): { answeredPs: number; status: PrepStatus } {
  if (!prep) return { answeredPs: 0, status: 'none' };
  const { answeredPs, status } = prepCompletion(prep.answers, prepQuestions(prep.role));
  return { answeredPs, status };
}

/** Runs one change on a meeting's prep list of questions to bring, creating the prep if needed. */
async function changeQuestionsToBring(
  meetingId: string,
  change: (questions: QuestionToBring[]) => QuestionToBring[],
): Promise<void> {
  await db.transaction('rw', db.preps, db.meetings, db.relationships, db.settings, async () => {
    const prep = await getOrCreatePrep(meetingId);
    await db.preps.put({ ...prep, questionsToBring: change(prep.questionsToBring), updatedAt: Date.now() });
  });
}

export async function addQuestionToBring(meetingId: string, text: string): Promise<void> {
  const trimmed = text.trim();
  if (trimmed === '') return;
  await changeQuestionsToBring(meetingId, (questions) => [
    ...questions,
    { id: crypto.randomUUID(), text: trimmed },
  ]);
}

export async function editQuestionToBring(meetingId: string, id: string, text: string): Promise<void> {
  await changeQuestionsToBring(meetingId, (questions) =>
    questions.map((q) => (q.id === id ? { ...q, text } : q)),
  );
}

export async function removeQuestionToBring(meetingId: string, id: string): Promise<void> {
  await changeQuestionsToBring(meetingId, (questions) => questions.filter((q) => q.id !== id));
}

/** Moves a question one place up (-1) or down (+1) in the list. */
export async function moveQuestionToBring(meetingId: string, id: string, offset: -1 | 1): Promise<void> {
  await changeQuestionsToBring(meetingId, (questions) => {
    const from = questions.findIndex((q) => q.id === id);
    const to = from + offset;
    if (from < 0 || to < 0 || to >= questions.length) return questions;
    const reordered = [...questions];
    const [moved] = reordered.splice(from, 1);
    if (moved) reordered.splice(to, 0, moved);
    return reordered;
  });
}

/** Ticks a question as asked during the call (or unticks it). */
export async function setQuestionAsked(meetingId: string, id: string, asked: boolean, now = Date.now()) {
  await changeQuestionsToBring(meetingId, (questions) =>
    questions.map((q) => (q.id === id ? { ...q, askedAt: asked ? now : undefined } : q)),
  );
}
