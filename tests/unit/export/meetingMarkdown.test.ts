import { describe, expect, it } from 'vitest';
import type { MeetingRecord, RelationshipRecord } from '@/lib/db/records';
import {
  type MeetingExportData,
  meetingToMarkdown,
  relationshipToMarkdown,
} from '@/lib/export/meetingMarkdown';
import { questionById } from '@/lib/fourps/catalogue';

/** Local times, so the expected text holds in any time zone the tests run in. */
const SEPT_15_3PM = new Date(2026, 8, 15, 15, 0).getTime();
const DAY = 24 * 60 * 60 * 1000;

/** The catalogue owns the wording; the export must show whatever it says. */
function questionText(id: string): string {
  const question = questionById(id);
  if (!question) throw new Error(`no catalogue question ${id}`);
  return question.text;
}

const relationship: RelationshipRecord = {
  id: 'rel-sam',
  partnerName: 'Sam Åkesson',
  partnerEmails: ['sam@example.com'],
  myRole: 'mentee',
  learningGoals: 'Public speaking 🎤\nLead a team',
  phase: 'cultivation',
  archived: false,
  createdAt: 0,
};

function meeting(overrides: Partial<MeetingRecord> = {}): MeetingRecord {
  return {
    id: 'gcal:evt1',
    relationshipId: 'rel-sam',
    title: 'Mentoring with Sam 🚀',
    start: SEPT_15_3PM,
    end: SEPT_15_3PM + 60 * 60 * 1000,
    allDay: false,
    location: 'Café Zürich',
    guests: [],
    source: 'calendar',
    detection: { mentoring: true, reason: 'keyword' },
    declined: false,
    cancelled: false,
    state: 'ended',
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

const fullMeeting: MeetingExportData = {
  meeting: meeting(),
  relationship,
  prep: {
    meetingId: 'gcal:evt1',
    role: 'mentee',
    answers: {
      'preparation.want': 'Two concrete tips',
      'purpose.goal-now': 'Feedback on my talk\nespecially the opening',
      'legacy.removed-question': 'Kept anyway',
      'participation.presence': '   ',
    },
    answerEditedAt: {},
    questionsToBring: [
      { id: 'q1', text: 'How do you handle nerves?', askedAt: SEPT_15_3PM + 600_000 },
      { id: 'q2', text: '¿Y las diapositivas?' },
    ],
    updatedAt: 0,
  },
  notes: {
    meetingId: 'gcal:evt1',
    text: 'Slow down.\n\nPause after each point 🙂',
    feedbackHeard: 'Great structure',
    updatedAt: 0,
  },
  plan: {
    meetingId: 'gcal:evt1',
    menteeNeeds: '',
    accountability: 'Share the recording by Friday',
    learned: 'Pauses are fine',
    feedback: '',
    nextMeetingDate: SEPT_15_3PM + 14 * DAY,
    nextMeetingGoal: 'Dry run',
    checked: { 'plan.learned': false, 'plan.next-steps': true },
    updatedAt: 0,
  },
  actionItems: [
    {
      id: 'ai-2',
      meetingId: 'gcal:evt1',
      text: 'Send the article',
      owner: 'partner',
      due: 0,
      doneAt: SEPT_15_3PM + DAY,
      createdAt: 1,
    },
    {
      id: 'ai-1',
      meetingId: 'gcal:evt1',
      text: 'Record a practice run 📹',
      owner: 'me',
      due: SEPT_15_3PM + 3 * DAY,
      doneAt: 0,
      createdAt: 1,
    },
  ],
};

describe('meetingToMarkdown', () => {
  it('renders a full meeting: details, the 4 Ps by P with their questions, notes, plan and action items', () => {
    expect(meetingToMarkdown(fullMeeting)).toBe(
      [
        '# Mentoring with Sam 🚀',
        '',
        '- **When:** Tue 15 Sep 2026, 15:00–16:00',
        '- **With:** Sam Åkesson (I am the mentee; growing)',
        '- **Where:** Café Zürich',
        '',
        '## Prep (as mentee)',
        '',
        '### Purpose',
        '',
        `**${questionText('purpose.goal-now')}**`,
        '',
        'Feedback on my talk\\',
        'especially the opening',
        '',
        '### Preparation',
        '',
        `**${questionText('preparation.want')}**`,
        '',
        'Two concrete tips',
        '',
        '### Other answers',
        '',
        '**Question “legacy.removed-question”**',
        '',
        'Kept anyway',
        '',
        '### Questions to bring',
        '',
        '- [x] How do you handle nerves?',
        '- [ ] ¿Y las diapositivas?',
        '',
        '## Notes',
        '',
        'Slow down.',
        '',
        'Pause after each point 🙂',
        '',
        '### Feedback heard',
        '',
        'Great structure',
        '',
        '## Plan',
        '',
        '**Keeping on track**',
        '',
        'Share the recording by Friday',
        '',
        '**What I learned**',
        '',
        'Pauses are fine',
        '',
        '**Next meeting:** Tue 29 Sep 2026 — Dry run',
        '',
        '### Checklist',
        '',
        `- [x] ${questionText('plan.next-steps')}`,
        `- [ ] ${questionText('plan.learned')}`,
        '',
        '## Action items',
        '',
        '- [ ] Record a practice run 📹 (owner: me, due Fri 18 Sep 2026)',
        '- [x] Send the article (owner: Sam Åkesson, done Wed 16 Sep 2026)',
        '',
      ].join('\n'),
    );
  });

  it('says so when a meeting has nothing yet, and handles all-day and undated meetings', () => {
    const allDay = meetingToMarkdown({
      meeting: meeting({ allDay: true, location: undefined }),
      actionItems: [],
    });
    expect(allDay).toContain('- **When:** Tue 15 Sep 2026 (all day)');
    expect(allDay).toContain('_No prep, notes or plan yet._');
    const undated = meetingToMarkdown({ meeting: meeting({ start: undefined, title: '' }), actionItems: [] });
    expect(undated).toMatch(/^# Untitled meeting\n\n- \*\*When:\*\* date not known/);
  });

  it('keeps hostile text from injecting structure or HTML anywhere', () => {
    const hostile = '# Owned\n<img src=x onerror=alert(1)>\n```\n[click](javascript:alert(1))';
    const markdown = meetingToMarkdown({
      meeting: meeting({ title: '# <script>alert(1)</script>', location: '`rm -rf`' }),
      relationship: { ...relationship, partnerName: '**Boss** <b>' },
      prep: {
        meetingId: 'gcal:evt1',
        role: 'mentor',
        answers: { 'purpose.goal-now': hostile, '<img src=x onerror=alert(1)>': 'x' },
        answerEditedAt: {},
        questionsToBring: [{ id: 'q', text: '[x] ticked? <svg onload=alert(1)>' }],
        updatedAt: 0,
      },
      notes: { meetingId: 'gcal:evt1', text: hostile, feedbackHeard: '', updatedAt: 0 },
      actionItems: [
        {
          id: 'a',
          meetingId: 'gcal:evt1',
          text: '](evil) `x`',
          owner: 'partner',
          due: 0,
          doneAt: 0,
          createdAt: 0,
        },
      ],
    });
    const lines = markdown.split('\n');
    // The only headings are the ones the export writes.
    expect(lines.filter((line) => line.startsWith('#'))).toEqual([
      '# \\# &lt;script&gt;alert\\(1\\)&lt;/script&gt;',
      '## Prep (as mentor)',
      '### Purpose',
      '### Other answers',
      '### Questions to bring',
      '## Notes',
      '## Action items',
    ]);
    // No raw HTML, no code fence, no link syntax, no unescaped backtick survives.
    expect(markdown).not.toMatch(/<[a-z!/]/i);
    expect(markdown).not.toMatch(/(^|[^\\])`/m);
    expect(markdown).not.toMatch(/(^|[^\\])\[(?!( |x)\] )/m);
    expect(markdown).toContain('- **With:** \\*\\*Boss\\*\\* &lt;b&gt; (I am the mentor; growing)');
    expect(markdown).toContain('- [ ] \\[x\\] ticked? &lt;svg onload=alert\\(1\\)&gt;');
    expect(markdown).toContain('**Question “&lt;img src=x onerror=alert\\(1\\)&gt;”**');
    expect(markdown).toContain(
      '\\# Owned\\\n&lt;img src=x onerror=alert\\(1\\)&gt;\\\n\\`\\`\\`\\\n\\[click\\]',
    );
  });
});

describe('relationshipToMarkdown', () => {
  it('lists the relationship, its goals and its meetings newest first, one heading level down', () => {
    const older: MeetingExportData = {
      meeting: meeting({ id: 'old', title: 'First session', start: SEPT_15_3PM - 28 * DAY, end: undefined }),
      actionItems: [],
    };
    const markdown = relationshipToMarkdown(relationship, [older, fullMeeting]);

    expect(
      markdown.startsWith('# Mentoring with Sam Åkesson\n\n- **My role:** Mentee\n- **Phase:** Growing\n'),
    ).toBe(true);
    expect(markdown).toContain('## Learning goals\n\nPublic speaking 🎤\\\nLead a team');
    expect(markdown.indexOf('## Mentoring with Sam 🚀')).toBeLessThan(markdown.indexOf('## First session'));
    expect(markdown).toContain('### Prep (as mentee)\n\n#### Purpose');
    expect(markdown).toContain('- **When:** Tue 18 Aug 2026, 15:00');
    // The partner is named once at the top, not again in every meeting.
    expect(markdown).not.toContain('**With:**');
    expect(markdown.match(/^# /gm)).toHaveLength(1);
  });

  it('says so when there are no meetings yet', () => {
    expect(relationshipToMarkdown({ ...relationship, learningGoals: '' }, [])).toContain(
      '_No meetings yet._',
    );
  });
});
