import { browser } from 'wxt/browser';

/**
 * A storage.local key whose change tells every open Google Calendar tab to ask the background again
 * about the events it shows, after the user changed what counts as mentoring (rules, relationships, a
 * restore). It holds only the time of the request. Storage changes reach every content script without
 * the "tabs" permission or host access to calendar.google.com, which messaging each tab would need.
 */
const RECHECK_KEY = 'calendarRecheckAt';

/** Asks open calendar tabs to check what they show again (the dashboard does, after each change it makes). */
export async function askCalendarsToRecheck(now = Date.now()): Promise<void> {
  await browser.storage.local.set({ [RECHECK_KEY]: now });
}

/** Calls `listener` on each request to check again; returns the function that stops listening. */
export function onCalendarRecheck(listener: () => void): () => void {
  const handle = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && RECHECK_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
