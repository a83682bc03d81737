import { browser } from 'wxt/browser';
import { getPreferences } from '@/lib/db/preferences';
import type { MeetingRecord } from '@/lib/db/records';
import { unpreparedMeetingsStartingWithin } from '@/lib/overview/unpreparedMeetings';
import { prepPagePath } from '@/lib/prepPage';
import { SIGNAL_HORIZON_MS } from './signalWindow';
import { soonestAlarms } from './soonestAlarms';

/**
 * Prep reminders: one alarm per upcoming mentoring meeting that is not fully prepared, named after the
 * meeting so that re-syncing replaces rather than duplicates it. Alarms are the only state, and they
 * are always derived again from the database (on start-up, after calendar updates, periodically), so a
 * moved meeting moves its alarm and a cancelled, declined or unmarked one loses it.
 */
export const REMINDER_PREFIX = 'fourps-reminder:';
/** Chrome may shift an alarm by a few seconds; a sync does not recreate it for that. */
const SCHEDULE_TOLERANCE_MS = 60 * 1000;
const MINUTE_MS = 60 * 1000;
export const NOTIFICATION_ICON_PATH = '/notification-icon.png';

export function reminderAlarmName(meetingId: string): string {
  return `${REMINDER_PREFIX}${meetingId}`;
}

export function meetingIdOfReminder(name: string): string | undefined {
  return name.startsWith(REMINDER_PREFIX) ? name.slice(REMINDER_PREFIX.length) || undefined : undefined;
}

/** When each meeting's reminder should fire, by alarm name (the soonest); empty when reminders are off. */
export async function wantedReminders(now: number): Promise<Map<string, number>> {
  const preferences = await getPreferences();
  const wanted = new Map<string, number>();
  if (!preferences.remindersEnabled) return wanted;
  const leadMs = preferences.reminderLeadMinutes * MINUTE_MS;
  for (const { meeting } of await unpreparedMeetingsStartingWithin(now, SIGNAL_HORIZON_MS)) {
    // An all-day entry has no start time worth counting back from.
    if (meeting.allDay || meeting.start === undefined) continue;
    const when = meeting.start - leadMs;
    // A reminder time already past is skipped rather than fired at once: firing it on every sync
    // would nag, and the badge already shows the meeting.
    if (when > now) wanted.set(reminderAlarmName(meeting.id), when);
  }
  return soonestAlarms(wanted);
}

/** Makes the reminder alarms match the database: creates, moves and clears; never duplicates. */
export async function syncReminders(now = Date.now()): Promise<void> {
  const wanted = await wantedReminders(now);
  const existing = (await browser.alarms.getAll()).filter((alarm) => alarm.name.startsWith(REMINDER_PREFIX));
  const current = new Set<string>();
  for (const alarm of existing) {
    const when = wanted.get(alarm.name);
    if (when !== undefined && Math.abs(alarm.scheduledTime - when) <= SCHEDULE_TOLERANCE_MS) {
      current.add(alarm.name);
    } else {
      await browser.alarms.clear(alarm.name);
    }
  }
  for (const [name, when] of wanted) {
    if (!current.has(name)) await browser.alarms.create(name, { when });
  }
}

/**
 * A reminder alarm fired: checks the meeting again (it may have been prepared, moved or cancelled
 * since the alarm was set) and shows a notification that opens its prep. Returns whether it did.
 */
export async function showReminder(alarmName: string, now = Date.now()): Promise<boolean> {
  const meetingId = meetingIdOfReminder(alarmName);
  if (meetingId === undefined) return false;
  const preferences = await getPreferences();
  if (!preferences.remindersEnabled) return false;
  // Still upcoming, still mentoring, still not fully prepared? A late alarm (the computer slept) still
  // reminds as long as the meeting has not started.
  const due = await unpreparedMeetingsStartingWithin(now, SIGNAL_HORIZON_MS);
  const row = due.find((candidate) => candidate.meeting.id === meetingId);
  if (!row) return false;
  const { meeting, relationship } = row;
  await browser.notifications.create(alarmName, {
    type: 'basic',
    iconUrl: browser.runtime.getURL(NOTIFICATION_ICON_PATH),
    title: `Time to prepare: ${meeting.title || 'mentoring meeting'}`,
    message: reminderMessage(meeting, relationship?.partnerName, row.progress.answeredPs, now),
    priority: 1,
  });
  return true;
}

function reminderMessage(
  meeting: MeetingRecord,
  partnerName: string | undefined,
  answeredPs: number,
  now: number,
): string {
  const minutes = Math.max(1, Math.round(((meeting.start ?? now) - now) / MINUTE_MS));
  const when = minutes >= 90 ? `in about ${Math.round(minutes / 60)} hours` : `in ${minutes} minutes`;
  const who = partnerName ? ` with ${partnerName}` : '';
  const progress = answeredPs === 0 ? 'Nothing prepared yet' : `${answeredPs} of 4 Ps prepared`;
  return `Your mentoring conversation${who} starts ${when}. ${progress}: click to prepare.`;
}

/** A click on a reminder opens that meeting's prep in a tab. Returns whether it was one of ours. */
export async function openReminder(notificationId: string): Promise<boolean> {
  const meetingId = meetingIdOfReminder(notificationId);
  if (meetingId === undefined) return false;
  await browser.tabs.create({ url: browser.runtime.getURL(prepPagePath(meetingId) as '/prep.html') });
  await browser.notifications.clear(notificationId);
  return true;
}
