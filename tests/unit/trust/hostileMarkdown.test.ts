import { describe, expect, it } from 'vitest';
import type { MeetingRecord, RelationshipRecord } from '@/lib/db/records';
import {
  type MeetingExportData,
  meetingToMarkdown,
  relationshipToMarkdown,
} from '@/lib/export/meetingMarkdown';
import { prepQuestions } from '@/lib/fourps/catalogue';
import { HOSTILE_TEXT, megabyteDescription } from './hostilePayloads';

/**
 * The Markdown export with the same hostile text the calendar fixtures carry, in every field a user or a
 * calendar invite can fill: whatever renders the file (a wiki, a notes app passing HTML through) sees
 * text, never a tag, a link or a new block.
 */
const ALL = Object.values(HOSTILE_TEXT).join(' ');
const START = new Date(2026, 8, 15, 15, 0).getTime();

function exportData(text: string): MeetingExportData {
  const relationship: RelationshipRecord = {
    id: 'rel-1',
    partnerName: text,
    partnerEmails: [`${HOSTILE_TEXT.imgOnerror}@example.com`],
    myRole: 'mentee',
    learningGoals: text,
    phase: 'cultivation',
    archived: false,
    createdAt: 0,
  };
  const meeting: MeetingRecord = {
    id: 'gcal:evt1',
    relationshipId: 'rel-1',
    title: text,
    start: START,
    end: START + 3_600_000,
    allDay: false,
    location: text,
    description: text,
    guests: [{ email: 'sam@example.com', name: text, response: 'accepted' }],
    source: 'calendar',
    detection: { mentoring: true, reason: 'event-override' },
    declined: false,
    cancelled: false,
    state: 'ended',
    createdAt: 0,
    updatedAt: 0,
  };
  const answers = Object.fromEntries(prepQuestions('mentee').map((question) => [question.id, text]));
  return {
    meeting,
    relationship,
    prep: {
      meetingId: meeting.id,
      role: 'mentee',
      answers: { ...answers, [HOSTILE_TEXT.scriptTag]: text },
      questionsToBring: [{ id: 'q1', text }],
      answerEditedAt: {},
      updatedAt: 0,
    },
    notes: { meetingId: meeting.id, text, feedbackHeard: text, updatedAt: 0 },
    plan: {
      meetingId: meeting.id,
      menteeNeeds: text,
      accountability: text,
      learned: text,
      feedback: text,
      nextMeetingGoal: text,
      nextMeetingDate: START + 7 * 86_400_000,
      checked: {},
      updatedAt: 0,
    },
    actionItems: [
      {
        id: 'a1',
        relationshipId: 'rel-1',
        meetingId: meeting.id,
        text,
        owner: 'partner',
        due: 0,
        doneAt: 0,
        createdAt: 0,
      },
    ],
  };
}

/** What would make a renderer produce something other than text. */
function activeMarkup(markdown: string): string[] {
  const found: string[] = [];
  // A raw tag or comment start: an HTML-passing renderer would build an element from it.
  for (const match of markdown.matchAll(/<[a-z!/?]/gi)) found.push(`tag at ${match.index}`);
  // An unescaped "](": the start of a link or image destination.
  for (const match of markdown.matchAll(/(?<!\\)\]\(/g)) found.push(`link at ${match.index}`);
  // A fence or a thematic break from user text (the export writes neither itself).
  for (const match of markdown.matchAll(/^(```|~~~|---|\*\*\*)/gm)) found.push(`block at ${match.index}`);
  return found;
}

describe('Markdown export of hostile text', () => {
  it.each(Object.entries(HOSTILE_TEXT))('%s stays text in every field', (_name, text) => {
    const data = exportData(text);
    for (const markdown of [
      meetingToMarkdown(data),
      relationshipToMarkdown(data.relationship as RelationshipRecord, [data]),
    ]) {
      expect(activeMarkup(markdown)).toEqual([]);
    }
  });

  it('keeps right-to-left text, emoji and zero-width characters as they were written', () => {
    const markdown = meetingToMarkdown(exportData(ALL));
    for (const text of [HOSTILE_TEXT.rightToLeft, HOSTILE_TEXT.emoji, HOSTILE_TEXT.zeroWidth]) {
      expect(markdown).toContain(text);
    }
    expect(markdown).toContain('&lt;img src=x onerror=window.\\_\\_pwned=1&gt;');
  });

  it('headings are only the export’s own: a title cannot add or close one', () => {
    const markdown = meetingToMarkdown(exportData(HOSTILE_TEXT.markdownBlocks));
    const headings = markdown.split('\n').filter((line) => /^#{1,6} /.test(line));
    expect(headings[0]).toBe(
      '# \\# Heading --- \\`\\`\\`js window.\\_\\_pwned=1 \\`\\`\\` &gt; quote 1. list',
    );
    expect(headings.every((line) => !line.includes('\n'))).toBe(true);
  });

  it('exports a 1 MB description and notes without choking', () => {
    const huge = megabyteDescription();
    const started = performance.now();
    const markdown = meetingToMarkdown(exportData(huge));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(markdown.length).toBeGreaterThan(huge.length);
    expect(activeMarkup(markdown)).toEqual([]);
  });
});
