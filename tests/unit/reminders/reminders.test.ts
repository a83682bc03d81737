import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { onSignalsAlarm, SIGNALS_REFRESH_ALARM } from '@/lib/background/meetingSignals';
import {
  openReminder,
  REMINDER_PREFIX,
  reminderAlarmName,
  showReminder,
  syncReminders,
} from '@/lib/background/reminders';
import { MAX_ALARMS_PER_KIND } from '@/lib/background/soonestAlarms';
import { db } from '@/lib/db/database';
import { savePreferences } from '@/lib/db/preferences';
import { resetDatabase } from '../resetDatabase';
import { DAY, HOUR, MINUTE, mentoringMeeting, NOW, storePrep } from './meetingFactory';

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDatabase();
});
afterEach(() => {
  vi.useRealTimers();
});

async function reminderAlarms() {
  const alarms = await browser.alarms.getAll();
  return alarms
    .filter((alarm) => alarm.name.startsWith(REMINDER_PREFIX))
    .map((alarm) => ({ name: alarm.name, scheduledTime: alarm.scheduledTime }))
    .sort((a, b) => a.scheduledTime - b.scheduledTime);
}

describe('syncReminders', () => {
  it('sets one alarm an hour before each upcoming mentoring meeting that is not fully prepared', async () => {
    await db.meetings.bulkPut([
      mentoringMeeting({ id: 'm-soon', start: NOW + 3 * HOUR }),
      mentoringMeeting({ id: 'm-later', start: NOW + 5 * DAY }),
      mentoringMeeting({ id: 'm-ready', start: NOW + 4 * HOUR }),
      mentoringMeeting({ id: 'm-partial', start: NOW + 6 * HOUR }),
    ]);
    await storePrep('m-ready');
    await storePrep('m-partial', ['purpose', 'plan']);
    await syncReminders(NOW);
    expect(await reminderAlarms()).toEqual([
      { name: reminderAlarmName('m-soon'), scheduledTime: NOW + 2 * HOUR },
      { name: reminderAlarmName('m-partial'), scheduledTime: NOW + 5 * HOUR },
      { name: reminderAlarmName('m-later'), scheduledTime: NOW + 5 * DAY - HOUR },
    ]);
  });

  it('sets none for cancelled, declined, not-mentoring, all-day or past-reminder meetings', async () => {
    await db.meetings.bulkPut([
      mentoringMeeting({ id: 'cancelled', cancelled: true }),
      mentoringMeeting({ id: 'declined', declined: true }),
      mentoringMeeting({ id: 'standup', detection: { mentoring: false, reason: 'no-match' } }),
      mentoringMeeting({ id: 'all-day', allDay: true, start: NOW + DAY }),
      mentoringMeeting({ id: 'in-30-min', start: NOW + 30 * MINUTE }),
      mentoringMeeting({ id: 'started', start: NOW - 10 * MINUTE }),
    ]);
    await syncReminders(NOW);
    expect(await reminderAlarms()).toEqual([]);
  });

  it('never duplicates: syncing again keeps exactly one alarm per meeting', async () => {
    await db.meetings.put(mentoringMeeting({ id: 'm1' }));
    await syncReminders(NOW);
    await syncReminders(NOW + MINUTE);
    await syncReminders(NOW + 2 * MINUTE);
    expect(await reminderAlarms()).toHaveLength(1);
  });

  it('moves the alarm when the meeting moves, and drops it when it is cancelled', async () => {
    await db.meetings.put(mentoringMeeting({ id: 'm1', start: NOW + 3 * HOUR }));
    await syncReminders(NOW);
    await db.meetings.update('m1', { start: NOW + 27 * HOUR, end: NOW + 28 * HOUR });
    await syncReminders(NOW);
    expect(await reminderAlarms()).toEqual([
      { name: reminderAlarmName('m1'), scheduledTime: NOW + 26 * HOUR },
    ]);
    await db.meetings.update('m1', { cancelled: true });
    await syncReminders(NOW);
    expect(await reminderAlarms()).toEqual([]);
  });

  it('drops the alarm once the prep is done, or the meeting is no longer mentoring', async () => {
    await db.meetings.bulkPut([mentoringMeeting({ id: 'm1' }), mentoringMeeting({ id: 'm2' })]);
    await syncReminders(NOW);
    await storePrep('m1');
    await db.meetings.update('m2', { detection: { mentoring: false, reason: 'event-override' } });
    await syncReminders(NOW);
    expect(await reminderAlarms()).toEqual([]);
  });

  it('keeps to the soonest hundred, far below Chrome’s 500 alarms, and sets later ones as those pass', async () => {
    const meetings = Array.from({ length: 150 }, (_, index) =>
      mentoringMeeting({ id: `m${index}`, start: NOW + (index + 2) * HOUR }),
    );
    await db.meetings.bulkPut(meetings);
    await syncReminders(NOW);
    const first = await reminderAlarms();
    expect(first).toHaveLength(MAX_ALARMS_PER_KIND);
    expect(first.at(-1)).toEqual({ name: reminderAlarmName('m99'), scheduledTime: NOW + 100 * HOUR });

    // A hundred hours on, the first hundred meetings have started: the other fifty get theirs.
    await syncReminders(NOW + 100 * HOUR + MINUTE);
    const later = await reminderAlarms();
    expect(later.map((alarm) => alarm.name)).toEqual(meetings.slice(100).map((m) => reminderAlarmName(m.id)));
  });

  it('follows the lead-time preference and the off switch, leaving other alarms alone', async () => {
    await browser.alarms.create('someone-elses-alarm', { when: NOW + DAY });
    await db.meetings.put(mentoringMeeting({ id: 'm1', start: NOW + 3 * HOUR }));
    await savePreferences({ reminderLeadMinutes: 15 });
    await syncReminders(NOW);
    expect(await reminderAlarms()).toEqual([
      { name: reminderAlarmName('m1'), scheduledTime: NOW + 3 * HOUR - 15 * MINUTE },
    ]);
    await savePreferences({ remindersEnabled: false });
    await syncReminders(NOW);
    expect(await reminderAlarms()).toEqual([]);
    expect(await browser.alarms.get('someone-elses-alarm')).toBeDefined();
  });
});

describe('start-up', () => {
  it.each(['onStartup', 'onInstalled'] as const)(
    're-registers reminders and the periodic refresh from the database on %s',
    async (event) => {
      vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
      await db.meetings.put(mentoringMeeting({ id: 'm1', start: NOW + 3 * HOUR }));
      background.main();
      expect(await browser.alarms.getAll()).toEqual([]);
      if (event === 'onStartup') await fakeBrowser.runtime.onStartup.trigger();
      else await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
      await vi.waitFor(async () => expect(await reminderAlarms()).toHaveLength(1));
      expect(await browser.alarms.get(SIGNALS_REFRESH_ALARM)).toMatchObject({ periodInMinutes: 5 });
    },
  );
});

describe('when a reminder fires', () => {
  it('shows a notification naming the meeting and partner, and a click opens its prep', async () => {
    const create = vi.spyOn(browser.notifications, 'create');
    const openTab = vi.spyOn(browser.tabs, 'create');
    await db.relationships.put({
      id: 'rel-sam',
      partnerName: 'Sam Rivera',
      partnerEmails: [],
      myRole: 'mentee',
      learningGoals: '',
      phase: 'cultivation',
      archived: false,
      createdAt: NOW,
    });
    await db.meetings.put(mentoringMeeting({ id: 'm1', relationshipId: 'rel-sam', start: NOW + HOUR }));
    await storePrep('m1', ['purpose']);
    expect(await showReminder(reminderAlarmName('m1'), NOW)).toBe(true);
    expect(create).toHaveBeenCalledWith(
      reminderAlarmName('m1'),
      expect.objectContaining({
        type: 'basic',
        title: 'Time to prepare: Mentoring with Sam',
        message: expect.stringMatching(/with Sam Rivera starts in 60 minutes\. 1 of 4 Ps prepared/),
      }),
    );
    expect(await openReminder(reminderAlarmName('m1'))).toBe(true);
    expect(openTab).toHaveBeenCalledWith({
      url: 'chrome-extension://test-extension-id/prep.html?meeting=m1',
    });
  });

  it('stays quiet if the meeting was prepared, cancelled or deleted since, or is not ours', async () => {
    const create = vi.spyOn(browser.notifications, 'create');
    await db.meetings.bulkPut([
      mentoringMeeting({ id: 'ready', start: NOW + HOUR }),
      mentoringMeeting({ id: 'cancelled', start: NOW + HOUR, cancelled: true }),
    ]);
    await storePrep('ready');
    expect(await showReminder(reminderAlarmName('ready'), NOW)).toBe(false);
    expect(await showReminder(reminderAlarmName('cancelled'), NOW)).toBe(false);
    expect(await showReminder(reminderAlarmName('gone'), NOW)).toBe(false);
    expect(await showReminder('meeting-end:m1', NOW)).toBe(false);
    expect(await openReminder('meeting-end:m1')).toBe(false);
    expect(create).not.toHaveBeenCalled();
  });

  it('is routed from the alarm listener', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const create = vi.spyOn(browser.notifications, 'create');
    await db.meetings.put(mentoringMeeting({ id: 'm1', start: NOW + HOUR }));
    await onSignalsAlarm({ name: reminderAlarmName('m1') });
    expect(create).toHaveBeenCalledTimes(1);
  });
});
