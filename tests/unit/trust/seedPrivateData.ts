import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/lib/background/handleMessage';
import { putActionItems } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import { prepQuestions } from '@/lib/fourps/catalogue';
import { calendarEvent } from '../calendarEventFactory';

/** Words that only the user's own writing contains: if one shows up in a reply, private text leaked. */
export const PRIVATE_WORDS = {
  prepAnswer: 'PRIVATE-PREP-ANSWER-ask-about-the-promotion',
  questionToBring: 'PRIVATE-QUESTION-TO-BRING',
  notes: 'PRIVATE-NOTES-said-in-the-call',
  feedback: 'PRIVATE-FEEDBACK-heard',
  plan: 'PRIVATE-PLAN-accountability',
  actionItem: 'PRIVATE-ACTION-ITEM',
  learningGoals: 'PRIVATE-LEARNING-GOALS',
} as const;

export const SEEDED_MEETING_ID = 'gcal:evt1';

export const calendarSender = {
  id: fakeBrowser.runtime.id,
  url: 'https://calendar.google.com/calendar/u/0/r/week',
  tab: { id: 7 },
};
export const meetSender = {
  id: fakeBrowser.runtime.id,
  url: 'https://meet.google.com/abc-defg-hij',
  tab: { id: 9 },
};

/**
 * A database with one mentoring meeting (reported by the calendar, as in real use) and the private
 * writing around it: a relationship, a prep, notes, a plan, an action item and a setting.
 */
export async function seedPrivateData(): Promise<void> {
  const seen = await handleMessage(
    { type: 'calendar/events-seen', events: [calendarEvent({ meetCode: 'abc-defg-hij' })] },
    calendarSender,
  );
  if (!seen.ok) throw new Error(`seeding failed: ${seen.error}`);
  await db.relationships.put({
    id: 'rel-sam',
    partnerName: 'Sam Rivera',
    partnerEmails: ['sam.rivera@example.com'],
    myRole: 'mentee',
    learningGoals: PRIVATE_WORDS.learningGoals,
    phase: 'cultivation',
    archived: false,
    createdAt: 1,
  });
  await db.meetings.update(SEEDED_MEETING_ID, { relationshipId: 'rel-sam' });
  const purposeQuestion = prepQuestions('mentee').find((question) => question.p === 'purpose')?.id ?? '';
  await db.preps.put({
    meetingId: SEEDED_MEETING_ID,
    role: 'mentee',
    answers: { [purposeQuestion]: PRIVATE_WORDS.prepAnswer },
    questionsToBring: [{ id: 'q1', text: PRIVATE_WORDS.questionToBring }],
    answerEditedAt: { [purposeQuestion]: 2 },
    updatedAt: 2,
  });
  await db.notes.put({
    meetingId: SEEDED_MEETING_ID,
    text: PRIVATE_WORDS.notes,
    feedbackHeard: PRIVATE_WORDS.feedback,
    updatedAt: 3,
  });
  await db.plans.put({
    meetingId: SEEDED_MEETING_ID,
    menteeNeeds: PRIVATE_WORDS.plan,
    accountability: PRIVATE_WORDS.plan,
    learned: PRIVATE_WORDS.plan,
    feedback: PRIVATE_WORDS.plan,
    nextMeetingGoal: PRIVATE_WORDS.plan,
    checked: { 'next-steps': true },
    updatedAt: 4,
  });
  await putActionItems([
    {
      id: 'act-1',
      relationshipId: 'rel-sam',
      meetingId: SEEDED_MEETING_ID,
      text: PRIVATE_WORDS.actionItem,
      owner: 'me',
      due: 0,
      doneAt: 0,
      createdAt: 5,
    },
  ]);
  await db.settings.put({ key: 'fuzz-marker', value: { kept: true } });
}

/** Every row of every table, to compare before and after. */
export async function snapshotDatabase(): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()]));
  return Object.fromEntries(entries);
}
