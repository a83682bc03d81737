import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { calendarSignals, handleMessage } from '@/lib/background/handleMessage';
import {
  MEETING_END_PREFIX,
  meetingEndAlarmName,
  onMeetingEndAlarm,
  syncMeetingEndAlarms,
} from '@/lib/background/meetingEndAlarms';
import { onSignalsAlarm, SIGNALS_REFRESH_ALARM } from '@/lib/background/meetingSignals';
import { registerCallLifecycle } from '@/lib/background/registerCallLifecycle';
import { MAX_ALARMS_PER_KIND } from '@/lib/background/soonestAlarms';
import { db } from '@/lib/db/database';
import { calendarEvent } from '../calendarEventFactory';
import { resetDatabase } from '../resetDatabase';
import { DAY, HOUR, MINUTE, meeting, NOW, stubSidePanel } from './callFixtures';

/** In person: a mentoring meeting with no Meet link, from NOW + 1 h to NOW + 2 h. */
const inPerson = (overrides = {}) =>
  meeting({ id: 'gcal:coffee', meetCode: undefined, start: NOW + HOUR, end: NOW + 2 * HOUR, ...overrides });

beforeEach(async () => {
  // Each test's first calendar report recomputes at once, as after a quiet spell.
  calendarSignals.reset();
  fakeBrowser.reset();
  await resetDatabase();
});

async function endAlarms() {
  return (await browser.alarms.getAll())
    .filter((alarm) => alarm.name.startsWith(MEETING_END_PREFIX))
    .map((alarm) => ({ name: alarm.name, scheduledTime: alarm.scheduledTime }));
}

describe('syncMeetingEndAlarms', () => {
  it('sets an alarm at the calendar end of each mentoring meeting that has no Meet link', async () => {
    await db.meetings.bulkPut([
      inPerson(),
      meeting({ id: 'gcal:on-meet', start: NOW + HOUR, end: NOW + 2 * HOUR }),
      inPerson({ id: 'gcal:cancelled', cancelled: true }),
      inPerson({ id: 'gcal:declined', declined: true }),
      inPerson({ id: 'gcal:standup', detection: { mentoring: false, reason: 'no-match' } }),
      inPerson({ id: 'gcal:all-day', allDay: true }),
      inPerson({ id: 'gcal:over', start: NOW - 2 * HOUR, end: NOW - HOUR }),
      inPerson({ id: 'gcal:ended-early', state: 'ended', endedAt: NOW }),
      inPerson({ id: 'gcal:no-end', end: undefined, start: NOW + DAY }),
    ]);
    await syncMeetingEndAlarms(NOW);
    expect(await endAlarms()).toEqual([
      { name: meetingEndAlarmName('gcal:coffee'), scheduledTime: NOW + 2 * HOUR },
      // With no end on the calendar, an hour after the start.
      { name: meetingEndAlarmName('gcal:no-end'), scheduledTime: NOW + DAY + HOUR },
    ]);
  });

  it('moves the alarm when the meeting moves, and clears it when cancelled or given a Meet link', async () => {
    await db.meetings.bulkPut([inPerson(), inPerson({ id: 'gcal:tea' })]);
    await syncMeetingEndAlarms(NOW);
    await db.meetings.update('gcal:coffee', { end: NOW + 3 * HOUR });
    await db.meetings.update('gcal:tea', { cancelled: true });
    await syncMeetingEndAlarms(NOW);
    expect(await endAlarms()).toEqual([
      { name: meetingEndAlarmName('gcal:coffee'), scheduledTime: NOW + 3 * HOUR },
    ]);
    await db.meetings.update('gcal:coffee', { meetCode: 'abc-defg-hij' });
    await syncMeetingEndAlarms(NOW);
    expect(await endAlarms()).toEqual([]);
  });

  it('keeps to the soonest hundred ends, so reminders and ends stay under Chrome’s 500 alarms', async () => {
    const meetings = Array.from({ length: 150 }, (_, index) =>
      inPerson({ id: `gcal:m${index}`, start: NOW + index * HOUR, end: NOW + (index + 1) * HOUR }),
    );
    await db.meetings.bulkPut(meetings);
    await syncMeetingEndAlarms(NOW);
    const first = await endAlarms();
    expect(first).toHaveLength(MAX_ALARMS_PER_KIND);
    expect(Math.max(...first.map((alarm) => alarm.scheduledTime))).toBe(NOW + 100 * HOUR);

    await db.meetings.bulkUpdate(
      meetings.slice(0, 100).map((m) => ({ key: m.id, changes: { state: 'ended' } })),
    );
    await syncMeetingEndAlarms(NOW);
    expect((await endAlarms()).map((alarm) => alarm.name).sort()).toEqual(
      meetings
        .slice(100)
        .map((m) => meetingEndAlarmName(m.id))
        .sort(),
    );
  });

  it('runs whenever the calendar reports meetings, so a meeting seen is a meeting timed', async () => {
    const start = Date.now() + HOUR;
    await handleMessage(
      { type: 'calendar/events-seen', events: [calendarEvent({ start, end: start + HOUR })] },
      { id: fakeBrowser.runtime.id, url: 'https://calendar.google.com/calendar/u/0/r/week', tab: { id: 1 } },
    );
    expect(await endAlarms()).toEqual([
      { name: meetingEndAlarmName('gcal:evt1'), scheduledTime: start + HOUR },
    ]);
  });
});

describe('calendar reports far from today', () => {
  const calendarTab = {
    id: fakeBrowser.runtime.id,
    url: 'https://calendar.google.com/calendar/u/0/r/week',
    tab: { id: 1 },
  };
  const report = (start: number, eventId = 'evt1') =>
    handleMessage(
      { type: 'calendar/events-seen', events: [calendarEvent({ eventId, start, end: start + HOUR })] },
      calendarTab,
    );

  it('leave the alarms alone when every meeting they wrote starts over a month away or days ago', async () => {
    // Stored behind the signals' back, so only a recompute would give it its alarm.
    const soon = Date.now() + HOUR;
    await db.meetings.put(inPerson({ start: soon, end: soon + HOUR }));
    await report(Date.now() + 45 * DAY, 'evt-next-quarter');
    await report(Date.now() - 20 * DAY, 'evt-last-month');
    expect(await endAlarms()).toEqual([]);
    // A report that wrote a meeting of the coming month recomputes, and catches up the one stored before.
    calendarSignals.reset();
    await report(Date.now() + 3 * DAY, 'evt-this-week');
    expect((await endAlarms()).map((alarm) => alarm.name).sort()).toEqual(
      [meetingEndAlarmName('gcal:coffee'), meetingEndAlarmName('gcal:evt-this-week')].sort(),
    );
  });

  it('still clear the alarm of a meeting moved out of the coming month', async () => {
    await report(Date.now() + 2 * HOUR);
    expect(await endAlarms()).toHaveLength(1);
    calendarSignals.reset();
    await report(Date.now() + 60 * DAY);
    expect(await endAlarms()).toEqual([]);
  });
});

describe('the periodic signals alarm', () => {
  it('syncs the end alarms too, catching up a coalesced sync a stopped worker lost', async () => {
    const start = Date.now() + HOUR;
    await db.meetings.put(inPerson({ start, end: start + HOUR }));
    await onSignalsAlarm({ name: SIGNALS_REFRESH_ALARM });
    expect(await endAlarms()).toEqual([
      { name: meetingEndAlarmName('gcal:coffee'), scheduledTime: start + HOUR },
    ]);
  });
});

describe('the end alarm fires', () => {
  it('ends the meeting and tells the user to make the plan (through the browser event)', async () => {
    stubSidePanel({ open: false });
    await db.meetings.put(inPerson());
    registerCallLifecycle();
    await fakeBrowser.alarms.onAlarm.trigger({
      name: meetingEndAlarmName('gcal:coffee'),
      scheduledTime: NOW,
      persistAcrossSessions: true,
    });
    const stored = await db.meetings.get('gcal:coffee');
    expect(stored?.state).toBe('ended');
    expect(stored?.endedAt).toBeGreaterThan(0);
    expect(Object.keys(await browser.notifications.getAll())).toHaveLength(1);
  });

  it('waits for the new end when the meeting moved later before the alarm fired', async () => {
    await db.meetings.put(inPerson({ end: NOW + 5 * HOUR }));
    expect(await onMeetingEndAlarm({ name: meetingEndAlarmName('gcal:coffee') }, NOW + 2 * HOUR)).toBe(false);
    expect((await db.meetings.get('gcal:coffee'))?.state).toBe('scheduled');
    expect(await endAlarms()).toEqual([
      { name: meetingEndAlarmName('gcal:coffee'), scheduledTime: NOW + 5 * HOUR },
    ]);
  });

  it('does nothing for a meeting cancelled since, or for alarms that are not ours', async () => {
    await db.meetings.put(inPerson({ cancelled: true }));
    expect(await onMeetingEndAlarm({ name: meetingEndAlarmName('gcal:coffee') }, NOW + 2 * HOUR)).toBe(false);
    expect(await onMeetingEndAlarm({ name: 'fourps-reminder:gcal:coffee' }, NOW + 2 * HOUR)).toBe(false);
    expect((await db.meetings.get('gcal:coffee'))?.state).toBe('scheduled');
  });

  it('ends a meeting whose alarm comes late (the computer slept), once', async () => {
    stubSidePanel({ open: false });
    await db.meetings.put(inPerson());
    const late = NOW + 2 * HOUR + 30 * MINUTE;
    expect(await onMeetingEndAlarm({ name: meetingEndAlarmName('gcal:coffee') }, late)).toBe(true);
    expect(await onMeetingEndAlarm({ name: meetingEndAlarmName('gcal:coffee') }, late)).toBe(false);
    expect((await db.meetings.get('gcal:coffee'))?.endedAt).toBe(late);
  });
});
