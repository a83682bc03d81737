import { beforeEach, describe, expect, it } from 'vitest';
import { addActionItem, setActionItemDone } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import { prepQuestions } from '@/lib/fourps/catalogue';
import { firstOpenActionItemRows, openActionItemCounts } from '@/lib/overview/actionItemOverview';
import { meetingsNeedingPlan } from '@/lib/overview/meetingsNeedingPlan';
import { upcomingOverview } from '@/lib/overview/upcomingOverview';
import {
  DAY,
  HOUR,
  MINUTE,
  mentoringMeeting,
  NOW,
  relationship,
  storePrep,
} from '../reminders/meetingFactory';
import { resetDatabase } from '../resetDatabase';

beforeEach(resetDatabase);

describe('upcomingOverview', () => {
  it('lists the window soonest first with partner, role and which Ps are prepared', async () => {
    await db.relationships.put(relationship({ id: 'rel-sam', partnerName: 'Sam Rivera', myRole: 'mentor' }));
    await db.meetings.bulkPut([
      mentoringMeeting({ id: 'in-3d', start: NOW + 3 * DAY, relationshipId: 'rel-sam' }),
      mentoringMeeting({ id: 'in-1h', start: NOW + HOUR }),
      mentoringMeeting({ id: 'in-20d', start: NOW + 20 * DAY }),
      mentoringMeeting({ id: 'yesterday', start: NOW - DAY + HOUR }),
    ]);
    await storePrep('in-3d', ['purpose', 'participation'], 'mentor');
    const rows = await upcomingOverview(NOW, 14);
    expect(rows.map((r) => r.meeting.id)).toEqual(['in-1h', 'in-3d']);
    const [, withPartner] = rows;
    expect(withPartner?.relationship?.partnerName).toBe('Sam Rivera');
    expect(withPartner?.relationship?.myRole).toBe('mentor');
    expect(withPartner?.progress).toEqual({
      byP: { purpose: true, preparation: false, participation: true, plan: false },
      answeredPs: 2,
      status: 'partial',
    });
    expect((await upcomingOverview(NOW, 30)).map((r) => r.meeting.id)).toEqual(['in-1h', 'in-3d', 'in-20d']);
  });

  it('counts an answer to a question of the relationship phase towards its P', async () => {
    await db.relationships.put(relationship({ id: 'rel-new', phase: 'initiation', myRole: 'mentee' }));
    await db.meetings.put(mentoringMeeting({ id: 'm1', relationshipId: 'rel-new' }));
    const phaseQuestion = prepQuestions('mentee', 'initiation').find((q) => q.phases?.includes('initiation'));
    expect(phaseQuestion).toBeDefined();
    await db.preps.put({
      meetingId: 'm1',
      role: 'mentee',
      answers: { [phaseQuestion?.id ?? '']: 'How often we meet, and how we keep in touch' },
      answerEditedAt: {},
      questionsToBring: [],
      updatedAt: NOW,
    });
    const [row] = await upcomingOverview(NOW, 14);
    expect(row?.progress.answeredPs).toBe(1);
    expect(row?.progress.byP[phaseQuestion?.p ?? 'purpose']).toBe(true);
  });

  it('tells a meeting in progress and one whose call ended early (with or without a plan)', async () => {
    await db.meetings.bulkPut([
      mentoringMeeting({ id: 'on-now', start: NOW - 10 * MINUTE }),
      mentoringMeeting({ id: 'call-on', start: NOW + 5 * MINUTE, state: 'in-call' }),
      mentoringMeeting({ id: 'ended-early', start: NOW - 30 * MINUTE, state: 'ended' }),
      mentoringMeeting({ id: 'ended-planned', start: NOW - 20 * MINUTE, state: 'ended' }),
    ]);
    await db.plans.put({
      meetingId: 'ended-planned',
      menteeNeeds: '',
      accountability: '',
      learned: '',
      feedback: '',
      nextMeetingGoal: '',
      checked: {},
      doneAt: NOW - MINUTE,
      updatedAt: NOW - MINUTE,
    });
    const rows = await upcomingOverview(NOW, 14);
    expect(rows.map((r) => [r.meeting.id, r.timing, r.planDone])).toEqual([
      ['ended-early', 'ended', false],
      ['ended-planned', 'ended', true],
      ['on-now', 'in-progress', false],
      ['call-on', 'in-progress', false],
    ]);
  });
});

describe('meetingsNeedingPlan', () => {
  it('offers the plan of mentoring meetings of the last week that ended without one, newest first', async () => {
    await db.meetings.bulkPut([
      mentoringMeeting({ id: 'yesterday', start: NOW - DAY }),
      mentoringMeeting({ id: 'this-morning', start: NOW - 3 * HOUR }),
      mentoringMeeting({ id: 'last-month', start: NOW - 30 * DAY }),
      mentoringMeeting({ id: 'running', start: NOW - 10 * MINUTE }),
      mentoringMeeting({ id: 'cancelled', start: NOW - 3 * HOUR, cancelled: true }),
      mentoringMeeting({ id: 'planned', start: NOW - 2 * HOUR }),
    ]);
    await db.plans.put({
      meetingId: 'planned',
      menteeNeeds: '',
      accountability: '',
      learned: '',
      feedback: '',
      nextMeetingGoal: '',
      checked: {},
      doneAt: NOW - HOUR,
      updatedAt: NOW - HOUR,
    });
    expect((await meetingsNeedingPlan(NOW)).map((m) => m.id)).toEqual(['this-morning', 'yesterday']);
  });
});

describe('open action items overview', () => {
  it('counts items of a deleted or missing relationship under "no relationship"', async () => {
    await db.relationships.put(relationship({ id: 'rel-sam', partnerName: 'Sam Rivera' }));
    await addActionItem({ meetingId: 'm1', relationshipId: 'rel-sam', text: 'Kept', owner: 'me' }, 1);
    await addActionItem(
      { meetingId: 'm1', relationshipId: 'rel-gone', text: 'Orphan', owner: 'me', due: NOW - DAY },
      2,
    );
    const counts = await openActionItemCounts(NOW);
    expect(counts.total).toBe(2);
    expect(counts.byRelationship.map((c) => [c.partnerName, c.open, c.overdue])).toEqual([
      [undefined, 1, 1],
      ['Sam Rivera', 1, 0],
    ]);
    expect((await firstOpenActionItemRows(NOW, 8)).map((row) => [row.item.text, row.partnerName])).toEqual([
      ['Orphan', undefined],
      ['Kept', 'Sam Rivera'],
    ]);
  });

  it('lists open items overdue first with partner names, and counts them per relationship', async () => {
    await db.relationships.bulkPut([
      relationship({ id: 'rel-sam', partnerName: 'Sam Rivera' }),
      relationship({ id: 'rel-ana', partnerName: 'Ana Lima' }),
    ]);
    await addActionItem(
      { meetingId: 'm1', relationshipId: 'rel-sam', text: 'Read the book', owner: 'me' },
      1,
    );
    await addActionItem(
      { meetingId: 'm1', relationshipId: 'rel-ana', text: 'Send the CV', owner: 'me', due: NOW - DAY },
      2,
    );
    await addActionItem(
      { meetingId: 'm2', relationshipId: 'rel-sam', text: 'Book a room', owner: 'partner', due: NOW + DAY },
      3,
    );
    const done = await addActionItem(
      { meetingId: 'm2', relationshipId: 'rel-sam', text: 'Done', owner: 'me' },
      4,
    );
    await setActionItemDone(done, true, NOW);
    await addActionItem({ meetingId: 'm3', text: 'Loose end', owner: 'me' }, 5);

    const rows = await firstOpenActionItemRows(NOW, 3);
    expect(rows.map((row) => [row.item.text, row.partnerName, row.overdue])).toEqual([
      ['Send the CV', 'Ana Lima', true],
      ['Book a room', 'Sam Rivera', false],
      ['Read the book', 'Sam Rivera', false],
    ]);
    const counts = await openActionItemCounts(NOW);
    expect(counts.total).toBe(4);
    expect(counts.byRelationship.map((c) => [c.partnerName, c.open, c.overdue])).toEqual([
      ['Ana Lima', 1, 1],
      ['Sam Rivera', 2, 0],
      [undefined, 1, 0],
    ]);
  });
});
