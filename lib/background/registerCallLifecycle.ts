import { browser } from 'wxt/browser';
import { callTabRemoved, callTabUpdated, endCallsLeftOpen } from './callLifecycle';
import { onMeetingEndAlarm, syncMeetingEndAlarms } from './meetingEndAlarms';
import { openPlanFromNotification } from './meetingEndedNotification';

const warn = (error: unknown) => console.warn('Four Ps: could not follow the end of a meeting', error);

/**
 * Wires the end-of-meeting signals to the browser's events; called once from the background's main().
 * Listeners return their promise: the browser ignores it, and tests can await the work.
 */
export function registerCallLifecycle(): void {
  browser.tabs.onRemoved.addListener((tabId) => callTabRemoved(tabId, Date.now()).catch(warn));
  browser.tabs.onUpdated.addListener((tabId, change, tab) =>
    callTabUpdated(tabId, change, tab, Date.now()).catch(warn),
  );
  browser.alarms.onAlarm.addListener((alarm) => onMeetingEndAlarm(alarm).catch(warn));
  // Synchronous on purpose: the side panel may only open while the click's gesture holds.
  browser.notifications.onClicked.addListener((id) => {
    openPlanFromNotification(id);
  });
  // Alarms can be lost with a browser restart or an update; calls never survive a restart.
  browser.runtime.onStartup.addListener(() =>
    Promise.all([syncMeetingEndAlarms(), endCallsLeftOpen(Date.now())]).catch(warn),
  );
  browser.runtime.onInstalled.addListener(() => syncMeetingEndAlarms().catch(warn));
}
