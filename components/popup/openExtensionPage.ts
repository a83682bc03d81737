import { browser } from 'wxt/browser';
import { prepPagePath } from '@/lib/prepPage';

/** Opens the prep of a meeting in a new tab (the popup closes as the tab takes focus). */
export function openPrepTab(meetingId: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(prepPagePath(meetingId) as '/prep.html') });
}

/**
 * Opens the side panel page of a meeting (notes during the call, the Plan checklist after it) in a
 * tab: the popup cannot know which tab's side panel the user means, and a tab always works.
 */
export function openMeetingPanelTab(meetingId: string): void {
  const path = `/sidepanel.html?meeting=${encodeURIComponent(meetingId)}` as const;
  void browser.tabs.create({ url: browser.runtime.getURL(path) });
}
