/**
 * Ten years of use, generated with a fixed seed: 50 relationships, 5,000 meetings (one every ~17 hours,
 * the last few weeks still ahead), one prep of about 2 KB per meeting, and 10 action items per meeting
 * (50,000). The random choices never change; the dates are laid out around the run's "now", so that
 * "upcoming" and "overdue" mean what they would for a user today.
 */
import type {
  ActionItemRecord,
  MeetingRecord,
  PrepRecord,
  QuestionToBring,
  RelationshipRecord,
} from '@/lib/db/records';
import { P_ORDER, prepQuestions, questionsByP } from '@/lib/fourps/catalogue';
import type { Phase, Role } from '@/lib/fourps/types';
import { seededRandom } from './inpage/random';

export const SEED = 20_260_915;
export const SCALE = { relationships: 50, meetings: 5_000, actionItemsPerMeeting: 10, years: 10 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
/** Meetings keep coming for four more weeks after today. */
const FUTURE_DAYS = 28;
const ANSWER_CHARS = 500;

const FIRST_NAMES = ['Sam', 'Jordan', 'Priya', 'Lena', 'Kenji', 'Amara', 'Tomás', 'Noor', 'Ines', 'Ola'];
const LAST_NAMES = ['Rivera', 'Okafor', 'Schmidt', 'Tanaka', 'Haddad'];
const PHASES: Phase[] = ['initiation', 'cultivation', 'separation', 'redefinition'];
const WORDS = (
  'career goal feedback design review team lead promotion project stakeholder growth listen ask ' +
  'decide plan next step learn practice confidence presentation delegate priority habit reflect ' +
  'mentor mentee skill visibility network conflict negotiate roadmap hiring onboarding writing ' +
  'ownership clarity trust challenge support balance focus energy progress milestone experiment'
).split(' ');

export interface SeedData {
  relationships: RelationshipRecord[];
  meetings: MeetingRecord[];
  preps: PrepRecord[];
  actionItems: ActionItemRecord[];
  /** The soonest upcoming mentoring meeting with a relationship: what the prep page and side panel open. */
  upcomingMeetingId: string;
  /** Past meetings whose prep the abrupt-close scenario types into, one per close. */
  closeMeetingIds: string[];
}

export function generateSeed(now: number): SeedData {
  const random = seededRandom(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const text = (chars: number) => {
    let out = '';
    while (out.length < chars) out += `${out === '' ? '' : ' '}${pick(WORDS)}`;
    return `${out.slice(0, chars - 1)}.`;
  };

  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const firstDay = today.getTime() - SCALE.years * 365 * DAY_MS;
  const spanDays = SCALE.years * 365 + FUTURE_DAYS;

  const relationships: RelationshipRecord[] = Array.from({ length: SCALE.relationships }, (_, r) => {
    const first = FIRST_NAMES[r % FIRST_NAMES.length] ?? 'Sam';
    const last = LAST_NAMES[Math.floor(r / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Rivera';
    return {
      id: `rel-${String(r).padStart(3, '0')}`,
      partnerName: `${first} ${last}`,
      partnerEmails: [`${first}.${last}.${r}@example.com`.toLowerCase()],
      myRole: (r % 3 === 0 ? 'mentee' : 'mentor') as Role,
      learningGoals: text(200),
      phase: PHASES[r % PHASES.length] ?? 'cultivation',
      archived: r >= SCALE.relationships - 5,
      createdAt: firstDay,
    };
  });

  const meetings: MeetingRecord[] = [];
  const preps: PrepRecord[] = [];
  const actionItems: ActionItemRecord[] = [];
  for (let i = 0; i < SCALE.meetings; i++) {
    const relationship = relationships[i % relationships.length] as RelationshipRecord;
    const dayIndex = Math.floor((i * spanDays) / SCALE.meetings);
    const start = firstDay + dayIndex * DAY_MS + (9 + Math.floor(random() * 8)) * HOUR_MS;
    const end = start + HOUR_MS;
    const mentoring = random() >= 0.05;
    const id = `gcal:bench-${i}`;
    const past = end < now;
    meetings.push({
      id,
      calendarEventId: `bench-${i}`,
      calendarId: 'me@example.com',
      relationshipId: relationship.id,
      title: mentoring
        ? `Mentoring with ${relationship.partnerName}`
        : `Sync with ${relationship.partnerName}`,
      start,
      end,
      allDay: false,
      description: text(300),
      guests: [
        { email: 'me@example.com', name: 'Alex Doe', response: 'accepted', organizer: true },
        { email: relationship.partnerEmails[0] ?? 'x@example.com', response: 'accepted' },
      ],
      organizer: 'me@example.com',
      meetCode: i % 2 === 0 ? `abc-defg-${String(i % 1000).padStart(3, '0')}` : undefined,
      source: 'calendar',
      seenIn: 'dialog',
      detection: mentoring
        ? { mentoring: true, reason: 'keyword', matched: 'Mentoring' }
        : { mentoring: false, reason: 'no-match' },
      declined: false,
      cancelled: random() < 0.02,
      state: past ? 'ended' : 'scheduled',
      endedAt: past ? end : undefined,
      createdAt: start - 14 * DAY_MS,
      updatedAt: past ? end : now,
    });

    const byP = questionsByP(prepQuestions(relationship.myRole, relationship.phase));
    const answered = P_ORDER.flatMap((p) => byP[p].slice(0, 1).map((question) => question.id));
    const questionsToBring: QuestionToBring[] = [0, 1].map((q) => ({
      id: `q-${i}-${q}`,
      text: text(120),
      askedAt: past && q === 0 ? start + 10 * 60 * 1000 : undefined,
    }));
    preps.push({
      meetingId: id,
      role: relationship.myRole,
      answers: Object.fromEntries(answered.map((questionId) => [questionId, text(ANSWER_CHARS)])),
      answerEditedAt: Object.fromEntries(answered.map((questionId) => [questionId, start - DAY_MS])),
      questionsToBring,
      updatedAt: start - DAY_MS,
    });

    const recent = now - start < 120 * DAY_MS;
    for (let k = 0; k < SCALE.actionItemsPerMeeting; k++) {
      const createdAt = end + k * 1000;
      const open = recent ? random() < 0.5 : random() < 0.02;
      actionItems.push({
        id: `ai-${i}-${k}`,
        relationshipId: relationship.id,
        meetingId: id,
        text: text(90),
        owner: k % 2 === 0 ? 'me' : 'partner',
        due: k % 3 === 0 ? 0 : start + (7 + k) * DAY_MS,
        doneAt: open ? 0 : createdAt + 3 * DAY_MS,
        createdAt,
      });
    }
  }

  const upcoming = meetings.find(
    (m) => m.start !== undefined && m.start > now && m.detection.mentoring && !m.cancelled,
  );
  if (!upcoming) throw new Error('The seed has no upcoming mentoring meeting.');
  const closeMeetingIds = meetings.slice(100, 200).map((m) => m.id);
  return { relationships, meetings, preps, actionItems, upcomingMeetingId: upcoming.id, closeMeetingIds };
}
