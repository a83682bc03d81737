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

/** The part of Chrome's side panel API the popup uses (absent on Firefox, which has a sidebar instead). */
interface SidePanelApi {
  open(options: { windowId: number }): Promise<void>;
}

/**
 * Opens the side panel of the current window from the popup (the click is the user gesture Chrome
 * asks for); it shows the call in progress or the plan waiting. Where there is no side panel, the
 * side panel page opens in a tab instead. Returns whether the real side panel opened.
 */
export async function openSidePanel(): Promise<boolean> {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;
  try {
    const current = await browser.windows.getCurrent();
    if (sidePanel && current.id !== undefined) {
      await sidePanel.open({ windowId: current.id });
      return true;
    }
  } catch {
    // Refused (no user gesture left, or no side panel here): fall back to a tab below.
  }
  void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
  return false;
}
