import { browser } from 'wxt/browser';
import type { MeetingRecord } from '@/lib/db/records';
import { NOTIFICATION_ICON_PATH } from './reminders';

/**
 * The "meeting ended — make your plan" notification. Its id carries the window and the meeting
 * (`meeting-ended:<windowId>:<meetingId>`), so a click can open the side panel at once: the panel
 * may only open inside the click's user gesture, before any await.
 */
const PREFIX = 'meeting-ended:';

export function endedNotificationId(meetingId: string, windowId: number | undefined): string {
  return `${PREFIX}${windowId ?? ''}:${meetingId}`;
}

export function parseEndedNotificationId(
  id: string,
): { meetingId: string; windowId: number | undefined } | undefined {
  if (!id.startsWith(PREFIX)) return undefined;
  const rest = id.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 0 || colon === rest.length - 1) return undefined;
  const windowText = rest.slice(0, colon);
  const windowId = windowText === '' ? undefined : Number(windowText);
  if (windowId !== undefined && !Number.isInteger(windowId)) return undefined;
  return { meetingId: rest.slice(colon + 1), windowId };
}

/** The plan as a page of its own, for browsers where the side panel cannot be opened from here. */
export function planPageUrl(meetingId: string): string {
  return `${browser.runtime.getURL('/sidepanel.html')}?meeting=${encodeURIComponent(meetingId)}`;
}

/** Whether a Four Ps side panel is open in any window (it then shows the plan by itself). */
export async function sidePanelIsOpen(): Promise<boolean> {
  try {
    const contexts = await browser.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
    return contexts.length > 0;
  } catch {
    // Browsers without runtime.getContexts (before Chrome 116): assume closed; a notification too many beats none.
    return false;
  }
}

async function focusedWindowId(): Promise<number | undefined> {
  try {
    return (await browser.windows.getLastFocused()).id;
  } catch {
    return undefined;
  }
}

/**
 * Tells the user the meeting ended, unless the side panel is already open and switching to the plan.
 * Returns whether a notification was shown.
 */
export async function notifyMeetingEnded(meeting: MeetingRecord, windowId?: number): Promise<boolean> {
  if (await sidePanelIsOpen()) return false;
  const targetWindow = windowId ?? (await focusedWindowId());
  const title = meeting.title || 'Your mentoring meeting';
  await browser.notifications.create(endedNotificationId(meeting.id, targetWindow), {
    type: 'basic',
    iconUrl: browser.runtime.getURL(NOTIFICATION_ICON_PATH),
    title: `${title} ended — make your plan`,
    message: 'Two minutes now saves the next steps. Click to write them down while they are fresh.',
    priority: 2,
    requireInteraction: true,
  });
  return true;
}

/** A rejoin undid the end: the notification no longer tells the truth. */
export async function clearMeetingEndedNotifications(meetingId: string): Promise<void> {
  const shown = await browser.notifications.getAll();
  for (const id of Object.keys(shown)) {
    if (parseEndedNotificationId(id)?.meetingId === meetingId) await browser.notifications.clear(id);
  }
}

/**
 * A click on the notification opens the plan: in the side panel of that window when the browser
 * allows it (the call comes first, while the click's gesture holds), else as a tab.
 * Returns false for notifications that are not ours.
 */
export function openPlanFromNotification(notificationId: string): boolean {
  const parsed = parseEndedNotificationId(notificationId);
  if (!parsed) return false;
  const openInTab = () => browser.tabs.create({ url: planPageUrl(parsed.meetingId) });
  let opening: Promise<unknown>;
  try {
    opening =
      parsed.windowId === undefined
        ? openInTab()
        : browser.sidePanel.open({ windowId: parsed.windowId }).catch(openInTab);
  } catch {
    // Some browsers throw at once rather than reject when the panel may not open.
    opening = openInTab();
  }
  void opening
    .catch((error: unknown) => console.warn('Four Ps: could not open the plan', error))
    .finally(() => browser.notifications.clear(notificationId));
  return true;
}
