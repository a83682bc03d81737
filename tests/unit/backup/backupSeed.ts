import type { BackupTables } from '@/lib/backup/backupFormat';
import { putActionItems } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import type { MeetingRecord } from '@/lib/db/records';

const SEPT_1 = Date.UTC(2026, 8, 1, 15);
const DAY = 24 * 60 * 60 * 1000;

/**
 * Several rows per table, with the text people really type: accents, emoji (astral plane, ZWJ
 * sequences), right-to-left Arabic and Hebrew, CJK, line breaks, quotes and Markdown-looking text.
 */
export function seedTables(): BackupTables {
  return {
    relationships: [
      {
        id: 'rel-sam',
        partnerName: 'Sam Åkesson',
        partnerEmails: ['sam@example.com'],
        myRole: 'mentee',
        learningGoals: 'Public speaking 🎤\nLead a team 👩‍👩‍👧',
        phase: 'cultivation',
        archived: false,
        createdAt: SEPT_1 - 90 * DAY,
      },
      {
        id: 'rel-layla',
        partnerName: 'ليلى حداد',
        partnerEmails: ['layla@example.org', 'l.haddad@example.org'],
        myRole: 'mentor',
        learningGoals: 'אני רוצה ללמוד ניהול — and "quotes" \\ backslashes',
        phase: 'initiation',
        archived: false,
        createdAt: SEPT_1 - 10 * DAY,
      },
      {
        id: 'rel-old',
        partnerName: '山田 太郎',
        partnerEmails: [],
        myRole: 'mentee',
        learningGoals: '',
        phase: 'redefinition',
        archived: true,
        createdAt: SEPT_1 - 400 * DAY,
      },
    ],
    meetings: [
      {
        id: 'gcal:evt1',
        calendarEventId: 'evt1',
        seriesId: 'ser1',
        calendarId: 'me@gmail.com',
        relationshipId: 'rel-sam',
        title: 'Mentoring with Sam 🚀',
        start: SEPT_1,
        end: SEPT_1 + 60 * 60 * 1000,
        allDay: false,
        recurrenceText: 'Weekly on Tuesday',
        location: 'Café Zürich',
        description: '# Agenda\n- feedback\n<b>bold</b>',
        guests: [
          { email: 'sam@example.com', name: 'Sam Åkesson', response: 'accepted' },
          { email: 'me@gmail.com', response: 'accepted', organizer: true },
        ],
        organizer: 'me@gmail.com',
        meetCode: 'abc-defg-hij',
        source: 'calendar',
        seenIn: 'dialog',
        detection: {
          mentoring: true,
          reason: 'relationship-guest',
          matched: 'sam@example.com',
          relationshipId: 'rel-sam',
        },
        declined: false,
        cancelled: false,
        state: 'ended',
        endedAt: SEPT_1 + 55 * 60 * 1000,
        createdAt: SEPT_1 - 5 * DAY,
        updatedAt: SEPT_1 + 60 * 60 * 1000,
      },
      {
        id: 'gcal:evt2',
        calendarEventId: 'evt2',
        relationshipId: 'rel-layla',
        title: 'جلسة إرشاد مع ليلى',
        start: SEPT_1 + 7 * DAY,
        allDay: false,
        guests: [{ email: 'layla@example.org', name: 'ليلى', response: 'tentative' }],
        source: 'calendar',
        seenIn: 'chip',
        detection: { mentoring: true, reason: 'keyword', matched: 'إرشاد' },
        userOverride: true,
        declined: false,
        cancelled: false,
        state: 'scheduled',
        createdAt: SEPT_1,
        updatedAt: SEPT_1,
      },
      {
        id: 'adhoc:1f0e',
        title: 'Coffee chat ☕',
        allDay: true,
        guests: [],
        source: 'ad-hoc',
        detection: { mentoring: false, reason: 'no-match' },
        declined: true,
        cancelled: true,
        state: 'scheduled',
        createdAt: SEPT_1 - DAY,
        updatedAt: SEPT_1 - DAY,
      },
    ],
    preps: [
      {
        meetingId: 'gcal:evt1',
        role: 'mentee',
        answers: {
          'purpose.goal-now': 'Get feedback on my talk 🎤',
          'preparation.want': 'Two concrete tips',
        },
        answerEditedAt: { 'purpose.goal-now': SEPT_1 - DAY, 'preparation.want': SEPT_1 - DAY + 1000 },
        questionsToBring: [
          { id: 'q1', text: 'How do you handle nerves?', askedAt: SEPT_1 + 600_000 },
          { id: 'q2', text: '¿Y las diapositivas?' },
        ],
        updatedAt: SEPT_1 - DAY + 1000,
      },
      {
        meetingId: 'gcal:evt2',
        role: 'mentor',
        answers: { 'initiation.hopes': 'שנלמד יחד' },
        answerEditedAt: { 'initiation.hopes': SEPT_1 },
        questionsToBring: [],
        updatedAt: SEPT_1,
      },
    ],
    notes: [
      {
        meetingId: 'gcal:evt1',
        text: 'Slow down.\n\nPause after each point 🙂',
        feedbackHeard: 'Great structure',
        updatedAt: SEPT_1 + 3_000_000,
      },
      { meetingId: 'gcal:evt2', text: 'مرحبا', feedbackHeard: '', updatedAt: SEPT_1 + 7 * DAY },
    ],
    actionItems: [
      {
        id: 'ai-1',
        relationshipId: 'rel-sam',
        meetingId: 'gcal:evt1',
        text: 'Record a practice run 📹',
        owner: 'me',
        due: SEPT_1 + 3 * DAY,
        doneAt: 0,
        createdAt: SEPT_1 + 3_000_000,
      },
      {
        id: 'ai-2',
        relationshipId: 'rel-sam',
        meetingId: 'gcal:evt1',
        text: 'Send the article',
        owner: 'partner',
        due: 0,
        doneAt: SEPT_1 + DAY,
        createdAt: SEPT_1 + 3_000_000,
      },
      {
        id: 'ai-3',
        meetingId: 'gcal:evt2',
        text: 'לקרוא את הפרק',
        owner: 'partner',
        due: 0,
        doneAt: 0,
        createdAt: SEPT_1,
      },
    ],
    plans: [
      {
        meetingId: 'gcal:evt1',
        menteeNeeds: '',
        accountability: 'Share the recording by Friday',
        learned: 'Pauses are fine',
        feedback: 'Good eye contact 👀',
        nextMeetingDate: SEPT_1 + 14 * DAY,
        nextMeetingGoal: 'Dry run',
        checked: { 'plan.next-steps': true, 'plan.learned': false },
        doneAt: SEPT_1 + 3_500_000,
        updatedAt: SEPT_1 + 3_500_000,
      },
      {
        meetingId: 'adhoc:1f0e',
        menteeNeeds: '',
        accountability: '',
        learned: '',
        feedback: '',
        nextMeetingGoal: '',
        checked: {},
        updatedAt: SEPT_1,
      },
    ],
    settings: [
      {
        key: 'detectionRules',
        value: {
          keywords: ['mentor', '1:1', 'إرشاد'],
          excludedWords: ['standup'],
          partnerEmails: ['@example.org'],
        },
      },
      { key: 'seriesOverrides', value: { ser1: true, ser9: false } },
      { key: 'defaultRole', value: 'mentor' },
      { key: 'reminderLeadMinutes', value: 45 },
    ],
  };
}

/** One seeded meeting, fresh each call, to copy or change in a test. */
export function seedMeeting(index = 0): MeetingRecord {
  const meeting = seedTables().meetings[index];
  if (!meeting) throw new Error(`the seed has no meeting ${index}`);
  return meeting;
}

export async function seedDatabase(tables: BackupTables = seedTables()): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await db.relationships.bulkAdd(tables.relationships);
    await db.meetings.bulkAdd(tables.meetings);
    await db.preps.bulkAdd(tables.preps);
    await db.notes.bulkAdd(tables.notes);
    await putActionItems(tables.actionItems);
    await db.plans.bulkAdd(tables.plans);
    await db.settings.bulkAdd(tables.settings);
  });
}

/**
 * Every row of every table, read with Dexie directly (not through exportBackup, which is under test),
 * so a before/after comparison shows any change at all.
 */
export async function snapshotDatabase(): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of db.tables) snapshot[table.name] = await table.toArray();
  return snapshot;
}
