import { describe, expect, it } from 'vitest';
import { nextMeetingInviteUrl, partnerEmails } from '@/components/plan/nextMeetingInvite';
import type { ActionItemRecord, PlanRecord, RelationshipRecord } from '@/lib/db/records';
import { meeting } from '../background/callFixtures';

const plan = (overrides: Partial<PlanRecord> = {}): PlanRecord => ({
  meetingId: 'gcal:sam',
  menteeNeeds: '',
  accountability: '',
  learned: '',
  feedback: '',
  nextMeetingGoal: 'Review the application',
  nextMeetingDate: Date.UTC(2030, 2, 14, 15, 30),
  checked: {},
  updatedAt: 0,
  ...overrides,
});

const step = (text: string, doneAt = 0): ActionItemRecord => ({
  id: text,
  meetingId: 'gcal:sam',
  text,
  owner: 'me',
  due: 0,
  doneAt,
  createdAt: 0,
});

const sam: RelationshipRecord = {
  id: 'rel-sam',
  partnerName: 'Sam',
  partnerEmails: ['sam.rivera@example.com'],
  myRole: 'mentee',
  learningGoals: '',
  phase: 'cultivation',
  archived: false,
  createdAt: 0,
};

describe('nextMeetingInviteUrl', () => {
  it('has no link until the next meeting has a date', () => {
    expect(nextMeetingInviteUrl(meeting(), sam, plan({ nextMeetingDate: undefined }), [])).toBeNull();
    expect(nextMeetingInviteUrl(meeting(), sam, undefined, [])).toBeNull();
  });

  it('keeps the title and length of this meeting, with the goal and open steps, inviting the partner', () => {
    const thisMeeting = meeting({ start: 0, end: 45 * 60_000 });
    const url = new URL(
      nextMeetingInviteUrl(thisMeeting, sam, plan(), [step('Send the CV'), step('Done already', 5)]) ?? '',
    );
    expect(url.searchParams.get('text')).toBe('Mentoring with Sam');
    expect(url.searchParams.get('dates')).toBe('20300314T153000Z/20300314T161500Z');
    expect(url.searchParams.get('details')).toBe(
      'Goal: Review the application\n\nNext steps from last time:\n- Send the CV',
    );
    expect(url.searchParams.get('add')).toBe('sam.rivera@example.com');
  });

  it('invites the other guests when the meeting has no relationship, never the user themself', () => {
    const m = meeting({
      calendarId: 'me@example.com',
      end: undefined,
      guests: [
        { email: 'me@example.com', response: 'accepted' },
        { email: 'boss@example.com', response: 'accepted', organizer: true },
        { email: 'kim@example.com', response: 'accepted' },
      ],
    });
    expect(partnerEmails(m, undefined)).toEqual(['kim@example.com']);
    const url = new URL(nextMeetingInviteUrl(m, undefined, plan(), []) ?? '');
    // With no end on the calendar, the next meeting gets an hour.
    expect(url.searchParams.get('dates')).toBe('20300314T153000Z/20300314T163000Z');
  });
});
