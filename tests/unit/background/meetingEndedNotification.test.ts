import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  endedNotificationId,
  notifyMeetingEnded,
  openPlanFromNotification,
  parseEndedNotificationId,
} from '@/lib/background/meetingEndedNotification';
import { registerCallLifecycle } from '@/lib/background/registerCallLifecycle';
import { meeting, stubSidePanel } from './callFixtures';

beforeEach(() => {
  fakeBrowser.reset();
});

/** The tabs the fake browser opened, by URL. */
async function openedUrls() {
  return (await browser.tabs.query({})).map((tab) => tab.url).filter((url) => url !== undefined);
}

describe('the "meeting ended" notification', () => {
  it('carries the window and the meeting in its id, whatever the meeting id contains', () => {
    expect(parseEndedNotificationId(endedNotificationId('gcal:a:b', 7))).toEqual({
      meetingId: 'gcal:a:b',
      windowId: 7,
    });
    expect(parseEndedNotificationId(endedNotificationId('adhoc:x', undefined))).toEqual({
      meetingId: 'adhoc:x',
      windowId: undefined,
    });
    for (const other of [
      'fourps-reminder:gcal:x',
      'meeting-ended:',
      'meeting-ended:abc:x',
      'meeting-ended:3:',
    ]) {
      expect(parseEndedNotificationId(other)).toBeUndefined();
    }
  });

  it('is shown only while no side panel is open', async () => {
    stubSidePanel({ open: true });
    expect(await notifyMeetingEnded(meeting(), 1)).toBe(false);
    stubSidePanel({ open: false });
    expect(await notifyMeetingEnded(meeting(), 1)).toBe(true);
    expect(Object.keys(await browser.notifications.getAll())).toEqual(['meeting-ended:1:gcal:sam']);
  });

  it('opens the side panel of its window on click, before anything else can end the gesture', async () => {
    const { open } = stubSidePanel({ open: false });
    await browser.notifications.create('meeting-ended:4:gcal:sam', {
      type: 'basic',
      title: 't',
      message: 'm',
      iconUrl: 'x',
    });
    registerCallLifecycle();
    const clicked = fakeBrowser.notifications.onClicked.trigger('meeting-ended:4:gcal:sam');
    // Called synchronously inside the click listener: the user gesture only lasts that long.
    expect(open).toHaveBeenCalledWith({ windowId: 4 });
    await clicked;
    await vi.waitFor(async () => expect(await browser.notifications.getAll()).toEqual({}));
    expect(await openedUrls()).toEqual([]);
  });

  it('opens the plan in a tab where the side panel may not open', async () => {
    stubSidePanel({ open: false, canOpen: false });
    expect(openPlanFromNotification('meeting-ended:4:gcal:sam')).toBe(true);
    await vi.waitFor(async () =>
      expect(await openedUrls()).toEqual([
        'chrome-extension://test-extension-id/sidepanel.html?meeting=gcal%3Asam',
      ]),
    );
  });

  it('leaves notifications that are not ours to their owners', () => {
    const { open } = stubSidePanel({ open: false });
    expect(openPlanFromNotification('fourps-reminder:gcal:sam')).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });
});
