import { db } from '@/lib/db/database';
import type { MeetingRecord, RelationshipRecord } from '@/lib/db/records';
import { P_ORDER, prepQuestions } from '@/lib/fourps/catalogue';
import type { PKey, Role } from '@/lib/fourps/types';

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** A fixed "now" so tests never depend on the clock. */
export const NOW = new Date(2026, 8, 15, 9, 0).getTime();

/** A stored mentoring meeting an hour long; override what a test cares about. */
export function mentoringMeeting(overrides: Partial<MeetingRecord> = {}): MeetingRecord {
  const start = overrides.start ?? NOW + 2 * HOUR;
  return {
    id: 'gcal:evt1',
    calendarEventId: 'evt1',
    title: 'Mentoring with Sam',
    start,
    end: start + HOUR,
    allDay: false,
    guests: [],
    source: 'calendar',
    detection: { mentoring: true, reason: 'keyword', matched: 'mentoring' },
    declined: false,
    cancelled: false,
    state: 'scheduled',
    createdAt: NOW - DAY,
    updatedAt: NOW - DAY,
    ...overrides,
  };
}

export function relationship(overrides: Partial<RelationshipRecord> = {}): RelationshipRecord {
  return {
    id: 'rel-sam',
    partnerName: 'Sam Rivera',
    partnerEmails: ['sam@example.com'],
    myRole: 'mentee',
    learningGoals: 'Lead a small team',
    phase: 'cultivation',
    archived: false,
    createdAt: NOW - 30 * DAY,
    ...overrides,
  };
}

/** Stores a prep with one answer in each of the given Ps (all four by default). */
export async function storePrep(
  meetingId: string,
  ps: readonly PKey[] = P_ORDER,
  role: Role = 'mentee',
): Promise<void> {
  const questions = prepQuestions(role);
  const answers: Record<string, string> = {};
  for (const p of ps) {
    const question = questions.find((q) => q.p === p);
    if (question) answers[question.id] = `An answer about ${p}`;
  }
  await db.preps.put({ meetingId, role, answers, answerEditedAt: {}, questionsToBring: [], updatedAt: NOW });
}
