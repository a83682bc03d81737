import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  callTabRemoved,
  callTabUpdated,
  linkCallToMeeting,
  REJOIN_GRACE_MS,
  reportMeetStatus,
  startAdHocCall,
} from '@/lib/background/callLifecycle';
import { parseEndedNotificationId } from '@/lib/background/meetingEndedNotification';
import { registerCallLifecycle } from '@/lib/background/registerCallLifecycle';
import { allTabCalls, getTabCall } from '@/lib/background/tabCalls';
import { db } from '@/lib/db/database';
import { resetDatabase } from '../resetDatabase';
import { CODE, DAY, HOUR, MINUTE, meeting, NOW, stubSidePanel } from './callFixtures';

const TAB = { tabId: 5, windowId: 2 };

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDatabase();
});

async function notificationIds() {
  return Object.keys(await browser.notifications.getAll());
}

describe('linking a Meet call to its meeting', () => {
  it('links the code to the nearest mentoring meeting that carried it and puts it in the call', async () => {
    await db.meetings.bulkPut([
      meeting(),
      meeting({ id: 'gcal:last-week', start: NOW - 7 * DAY, end: NOW - 7 * DAY + HOUR }),
      meeting({ id: 'gcal:next-week', start: NOW + 7 * DAY, end: NOW + 7 * DAY + HOUR }),
      meeting({ id: 'gcal:other-code', meetCode: 'xyz-abcd-efg' }),
    ]);
    expect(await reportMeetStatus(TAB, CODE, 'in-call', NOW)).toBe('gcal:sam');
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('in-call');
    expect((await db.meetings.get('gcal:next-week'))?.state).toBe('scheduled');
    expect(await getTabCall(5)).toEqual({ meetCode: CODE, meetingId: 'gcal:sam', inCall: true, windowId: 2 });
  });

  it('links a meeting later the same day, and never a non-mentoring one', async () => {
    const morning = new Date(2026, 8, 15, 0, 30).getTime();
    await db.meetings.bulkPut([
      meeting({ id: 'gcal:evening', start: new Date(2026, 8, 15, 19).getTime(), end: undefined }),
      meeting({ id: 'gcal:standup', detection: { mentoring: false, reason: 'no-match' } }),
    ]);
    expect(await reportMeetStatus(TAB, CODE, 'in-call', morning)).toBe('gcal:evening');
  });

  it('prefers the instance scheduled around now, else the nearest meeting with the code on any day', async () => {
    const today = new Date(2026, 8, 15, 15).getTime();
    await db.meetings.bulkPut([
      meeting({ id: 'gcal:last-week', start: today - 7 * DAY, end: undefined }),
      meeting({ id: 'gcal:today', start: today, end: undefined }),
    ]);
    expect(await reportMeetStatus(TAB, CODE, 'in-call', today + 10 * 60 * 1000)).toBe('gcal:today');
    await db.meetings.delete('gcal:today');
    // Only last week's instance is known: the code still says which relationship's meeting this is.
    expect(await reportMeetStatus({ tabId: 6, windowId: 2 }, CODE, 'in-call', today + 10 * 60 * 1000)).toBe(
      'gcal:last-week',
    );
  });

  it('remembers an unknown call as unlinked, so the side panel can offer a pick', async () => {
    expect(await reportMeetStatus(TAB, CODE, 'in-call', NOW)).toBeNull();
    expect(await getTabCall(5)).toMatchObject({ meetCode: CODE, meetingId: null, inCall: true });
  });

  it('links an unknown call to the meeting the user picks, and remembers the code on it', async () => {
    await db.meetings.put(meeting({ meetCode: undefined }));
    await reportMeetStatus(TAB, CODE, 'in-call', NOW);
    await linkCallToMeeting(CODE, 'gcal:sam', NOW);
    expect(await db.meetings.get('gcal:sam')).toMatchObject({ meetCode: CODE, state: 'in-call' });
    expect((await getTabCall(5))?.meetingId).toBe('gcal:sam');
  });

  it('starts an ad-hoc meeting with the chosen relationship for a call on no calendar', async () => {
    await db.relationships.put({
      id: 'rel-kim',
      partnerName: 'Kim',
      partnerEmails: ['kim@example.com'],
      myRole: 'mentor',
      learningGoals: '',
      phase: 'cultivation',
      archived: false,
      createdAt: NOW,
    });
    await reportMeetStatus(TAB, CODE, 'in-call', NOW);
    const id = await startAdHocCall(CODE, 'rel-kim', NOW);
    expect(await db.meetings.get(id)).toMatchObject({
      source: 'ad-hoc',
      relationshipId: 'rel-kim',
      title: 'Mentoring with Kim',
      meetCode: CODE,
      state: 'in-call',
      detection: { mentoring: true },
    });
    expect((await getTabCall(5))?.meetingId).toBe(id);
    // The tab's next report links by itself now.
    expect(await reportMeetStatus(TAB, CODE, 'in-call', NOW + MINUTE)).toBe(id);
  });
});

describe('the end of a call', () => {
  beforeEach(async () => {
    await db.meetings.put(meeting());
    await reportMeetStatus(TAB, CODE, 'in-call', NOW);
  });

  it('ends the meeting when the Meet page shows the call is over, and says so in a notification', async () => {
    stubSidePanel({ open: false });
    await reportMeetStatus(TAB, CODE, 'ended', NOW + HOUR);
    expect(await db.meetings.get('gcal:sam')).toMatchObject({ state: 'ended', endedAt: NOW + HOUR });
    const [id] = await notificationIds();
    expect(parseEndedNotificationId(id ?? '')).toEqual({ meetingId: 'gcal:sam', windowId: 2 });
    expect(fakeBrowser.notifications.getAllCreateOptions()[id ?? '']).toMatchObject({
      title: 'Mentoring with Sam ended — make your plan',
    });
  });

  it('shows no notification when the side panel is open: it switches to the plan by itself', async () => {
    const { getContexts } = stubSidePanel({ open: true });
    await reportMeetStatus(TAB, CODE, 'ended', NOW + HOUR);
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('ended');
    expect(getContexts).toHaveBeenCalledWith({ contextTypes: ['SIDE_PANEL'] });
    expect(await notificationIds()).toEqual([]);
  });

  it('undoes the end when the user rejoins within the grace, and withdraws the notification', async () => {
    stubSidePanel({ open: false });
    await reportMeetStatus(TAB, CODE, 'ended', NOW + HOUR);
    await reportMeetStatus(TAB, CODE, 'in-call', NOW + HOUR + 2 * MINUTE);
    const stored = await db.meetings.get('gcal:sam');
    expect(stored?.state).toBe('in-call');
    expect(stored?.endedAt).toBeUndefined();
    expect(await notificationIds()).toEqual([]);
  });

  it('lets the end stand after the grace: a later call is not that meeting any more', async () => {
    stubSidePanel({ open: false });
    await reportMeetStatus(TAB, CODE, 'ended', NOW + HOUR);
    const later = NOW + HOUR + REJOIN_GRACE_MS + MINUTE;
    expect(await reportMeetStatus(TAB, CODE, 'in-call', later)).toBeNull();
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('ended');
  });

  it('announces an end once, however many signals report it', async () => {
    stubSidePanel({ open: false });
    await reportMeetStatus(TAB, CODE, 'ended', NOW + HOUR);
    await callTabRemoved(5, NOW + HOUR + MINUTE);
    expect((await db.meetings.get('gcal:sam'))?.endedAt).toBe(NOW + HOUR);
    expect(await notificationIds()).toHaveLength(1);
  });

  it('ends the meeting when its Meet tab is closed during the call (browser event)', async () => {
    stubSidePanel({ open: false });
    registerCallLifecycle();
    await fakeBrowser.tabs.onRemoved.trigger(5, { windowId: 2, isWindowClosing: false });
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('ended');
    expect(await getTabCall(5)).toBeUndefined();
  });

  it('does not end the meeting when a tab that never joined is closed', async () => {
    await reportMeetStatus({ tabId: 6 }, CODE, 'lobby', NOW);
    await callTabRemoved(6, NOW);
    await callTabRemoved(99, NOW);
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('in-call');
  });

  it('keeps the meeting on while the same call is still open in another tab', async () => {
    await reportMeetStatus({ tabId: 6, windowId: 2 }, CODE, 'in-call', NOW);
    await callTabRemoved(5, NOW + MINUTE);
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('in-call');
    await callTabRemoved(6, NOW + 2 * MINUTE);
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('ended');
  });

  it('keeps the meeting on when one of two tabs in the same call shows that it left', async () => {
    // "Switch here": the call moves to a second tab, and the first shows a screen without controls.
    stubSidePanel({ open: false });
    await reportMeetStatus({ tabId: 6, windowId: 2 }, CODE, 'in-call', NOW);
    await reportMeetStatus(TAB, CODE, 'ended', NOW + MINUTE);
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('in-call');
    expect(await notificationIds()).toEqual([]);
    await reportMeetStatus({ tabId: 6, windowId: 2 }, CODE, 'ended', NOW + HOUR);
    expect(await db.meetings.get('gcal:sam')).toMatchObject({ state: 'ended', endedAt: NOW + HOUR });
  });

  it('ignores title and sound changes and reloads of the same call', async () => {
    await callTabUpdated(5, {}, { url: undefined }, NOW);
    await callTabUpdated(
      5,
      { status: 'loading' },
      { url: `https://meet.google.com/${CODE}?authuser=0` },
      NOW,
    );
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('in-call');
  });

  it('keeps the call when Meet shows the same code under the instant-meeting path /_meet/', async () => {
    await callTabUpdated(
      5,
      { url: `https://meet.google.com/_meet/${CODE}?ijlm=1659873953647&adhoc=1&hs=187` },
      { url: `https://meet.google.com/_meet/${CODE}?ijlm=1659873953647&adhoc=1&hs=187` },
      NOW,
    );
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('in-call');
    expect((await getTabCall(5))?.inCall).toBe(true);
  });

  it('keeps a call reached by /lookup/<nickname>, whose URL never shows the code', async () => {
    const url = 'https://meet.google.com/lookup/mentoring-sam?authuser=0';
    await callTabUpdated(5, { status: 'loading', url }, { url }, NOW);
    await callTabUpdated(5, { status: 'complete' }, { url }, NOW);
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('in-call');
    // From there the page reports the next call itself, which ends this one.
    stubSidePanel({ open: false });
    await reportMeetStatus(TAB, 'xyz-abcd-efg', 'in-call', NOW + HOUR);
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('ended');
  });

  it('ends the meeting when the tab leaves for a site Four Ps cannot see (no URL is given)', async () => {
    stubSidePanel({ open: false });
    registerCallLifecycle();
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, { id: 5 } as never);
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('ended');
    expect(await allTabCalls()).toEqual(new Map());
  });

  it("ends the meeting when the tab goes to Meet's home page", async () => {
    stubSidePanel({ open: false });
    await callTabUpdated(
      5,
      { url: 'https://meet.google.com/landing' },
      { url: 'https://meet.google.com/landing' },
      NOW,
    );
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('ended');
  });

  it('ends the first call when the same tab goes straight into another call', async () => {
    stubSidePanel({ open: false });
    await reportMeetStatus(TAB, 'xyz-abcd-efg', 'in-call', NOW + HOUR);
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('ended');
    expect((await getTabCall(5))?.meetCode).toBe('xyz-abcd-efg');
  });
});

describe('browser start', () => {
  it('ends a meeting left in the call by a crash or a quit, so its plan comes up', async () => {
    stubSidePanel({ open: false });
    await db.meetings.bulkPut([
      meeting({ state: 'in-call' }),
      meeting({ id: 'gcal:later', state: 'scheduled' }),
    ]);
    registerCallLifecycle();
    await fakeBrowser.runtime.onStartup.trigger();
    expect((await db.meetings.get('gcal:sam'))?.state).toBe('ended');
    expect((await db.meetings.get('gcal:later'))?.state).toBe('scheduled');
  });
});
