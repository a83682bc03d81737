import Dexie, { type ObservabilitySet } from 'dexie';
import { browser } from 'wxt/browser';
import { DATABASE_NAME } from '@/lib/db/database';
import { syncMeetingEndAlarms } from './meetingEndAlarms';
import { openReminder, showReminder, syncReminders } from './reminders';
import { refreshToolbarBadge } from './toolbarBadge';

/**
 * The toolbar badge and the reminder alarms both follow from the database: which mentoring meetings
 * are coming and how far they are prepared. They are recomputed, never patched, so a service worker
 * started afresh (MV3 stops it at will) computes exactly what the last one did.
 */
export const SIGNALS_REFRESH_ALARM = 'fourps-signals-refresh';
/** Catches what no event reports: a meeting entering the 24-hour window, a prep saved while the worker slept. */
export const SIGNALS_REFRESH_MINUTES = 5;
/** Tables whose changes can change the badge or the reminders. */
const RELEVANT_TABLES = /^idb:\/\/[^/]+\/(meetings|preps|relationships|settings)\//;
/** Typing in a prep saves every few hundred ms; one recount after the burst is enough. */
const MUTATION_DEBOUNCE_MS = 1000;

/** Recomputes the badge and the reminder alarms; logs rather than throws, as no caller can do better. */
export async function refreshMeetingSignals(now = Date.now()): Promise<void> {
  const results = await Promise.allSettled([refreshToolbarBadge(now), syncReminders(now)]);
  for (const result of results) {
    if (result.status === 'rejected')
      console.warn('Four Ps: could not refresh badge or reminders', result.reason);
  }
}

async function startUp(): Promise<void> {
  // Alarms can be lost with a browser restart or an update, so start-up registers everything again.
  await browser.alarms.create(SIGNALS_REFRESH_ALARM, { periodInMinutes: SIGNALS_REFRESH_MINUTES });
  await refreshMeetingSignals();
}

/**
 * Handles our alarms; other alarms (e.g. meeting end) belong to other listeners. The periodic refresh
 * also syncs the meeting-end alarms: calendar reports coalesce that sync into a trailing run held in
 * memory, which a stopped service worker loses, and this is the safety net that catches up.
 */
export async function onSignalsAlarm(alarm: { name: string }): Promise<void> {
  if (alarm.name === SIGNALS_REFRESH_ALARM) {
    await refreshMeetingSignals();
    await syncMeetingEndAlarms().catch((error: unknown) =>
      console.warn('Four Ps: could not sync the meeting-end alarms', error),
    );
  } else await showReminder(alarm.name);
}

let mutationTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Dexie tells every context of the extension's origin about writes (over a BroadcastChannel), so
 * while this worker runs, a prep typed in the prep page or the side panel updates the badge within a
 * second, without those pages knowing about the badge. When the worker is asleep, the periodic alarm
 * catches up. The pending timer is only a debounce: losing it loses nothing.
 */
function onStorageMutated(parts: ObservabilitySet): void {
  const prefix = `idb://${DATABASE_NAME}/`;
  if (!Object.keys(parts).some((part) => part.startsWith(prefix) && RELEVANT_TABLES.test(part))) return;
  clearTimeout(mutationTimer);
  mutationTimer = setTimeout(() => void refreshMeetingSignals(), MUTATION_DEBOUNCE_MS);
}

/** Wires the badge and reminders to the browser's events; called once from the background's main(). */
export function registerMeetingSignals(): void {
  browser.runtime.onStartup.addListener(() => void startUp());
  browser.runtime.onInstalled.addListener(() => void startUp());
  browser.alarms.onAlarm.addListener((alarm) => void onSignalsAlarm(alarm));
  browser.notifications.onClicked.addListener((id) => void openReminder(id));
  // Unsubscribe first so that calling this twice (tests do) never doubles the refreshes.
  Dexie.on.storagemutated.unsubscribe(onStorageMutated);
  Dexie.on.storagemutated.subscribe(onStorageMutated);
}
