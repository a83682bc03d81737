import { describe, expect, it } from 'vitest';
import type { MeetingExportData } from '@/lib/export/meetingMarkdown';
import { meetingMatchesSearch } from '@/lib/overview/timelineSearch';
import { mentoringMeeting, NOW } from '../reminders/meetingFactory';

const data: MeetingExportData = {
  meeting: mentoringMeeting({ title: 'Mentoring with Sam' }),
  prep: {
    meetingId: 'gcal:evt1',
    role: 'mentee',
    answers: { 'purpose.goal-now': 'Rework my résumé' },
    answerEditedAt: {},
    questionsToBring: [{ id: 'q1', text: 'How do I ask for a raise?' }],
    updatedAt: NOW,
  },
  notes: {
    meetingId: 'gcal:evt1',
    text: 'Talked about conferences',
    feedbackHeard: 'Slow down',
    updatedAt: NOW,
  },
  actionItems: [
    {
      id: 'a1',
      meetingId: 'gcal:evt1',
      text: 'Submit the talk proposal',
      owner: 'me',
      due: 0,
      doneAt: 0,
      createdAt: NOW,
    },
  ],
};

describe('meetingMatchesSearch', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['sam', true],
    ['RESUME', true],
    ['raise', true],
    ['conferences slow', true],
    ['proposal', true],
    ['proposal budget', false],
    ['vacation', false],
  ])('“%s” → %s', (query, expected) => {
    expect(meetingMatchesSearch(data, query)).toBe(expected);
  });
});
