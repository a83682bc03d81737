import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { calendarSignals, handleMessage } from '@/lib/background/handleMessage';
import { MEETING_END_PREFIX } from '@/lib/background/meetingEndAlarms';
import { db } from '@/lib/db/database';
import { askCalendarsToRecheck, onCalendarRecheck } from '@/lib/messaging/calendarRecheck';
import { calendarEvent } from '../calendarEventFactory';
import { storePrep } from '../reminders/meetingFactory';
import { resetDatabase } from '../resetDatabase';

const calendarTab = {
  id: 'test-extension-id',
  url: 'https://calendar.google.com/calendar/u/0/r/week',
  tab: { id: 7 },
};

beforeEach(async () => {
  // A trailing recompute left from an earlier test must not run into this one.
  calendarSignals.reset();
  fakeBrowser.reset();
  await resetDatabase();
});

async function databaseRowCount() {
  const counts = await Promise.all(db.tables.map((table) => table.count()));
  return counts.reduce((a, b) => a + b, 0);
}

describe('handleMessage', () => {
  it('stores the events a calendar tab reports and answers a verdict for each', async () => {
    const reply = await handleMessage(
      { type: 'calendar/events-seen', events: [calendarEvent()] },
      calendarTab,
    );
    expect(reply).toEqual({
      ok: true,
      reply: { verdicts: [{ eventId: 'evt1', meetingId: 'gcal:evt1', mentoring: true, prepStatus: 'none' }] },
    });
    expect(await db.meetings.count()).toBe(1);
  });

  it('reads the prep only of the mentoring meetings it answers for', async () => {
    await storePrep('gcal:evt1', ['purpose']);
    const bulkGet = vi.spyOn(db.preps, 'bulkGet');
    const reply = await handleMessage(
      {
        type: 'calendar/events-seen',
        events: [calendarEvent(), calendarEvent({ eventId: 'standup', title: 'Team standup', guests: [] })],
      },
      calendarTab,
    );
    // The signals recompute reads preps of upcoming meetings too (none here): all reads together.
    const keysRead = bulkGet.mock.calls.flatMap(([keys]) => keys);
    vi.restoreAllMocks();
    expect(keysRead).toEqual(['gcal:evt1']);
    expect(reply).toEqual({
      ok: true,
      reply: {
        verdicts: [
          { eventId: 'evt1', meetingId: 'gcal:evt1', mentoring: true, prepStatus: 'partial' },
          { eventId: 'standup', meetingId: 'gcal:standup', mentoring: false, prepStatus: 'none' },
        ],
      },
    });
  });

  it('a week of mentoring meetings reads the preps that exist, not one request per meeting', async () => {
    const events = Array.from({ length: 30 }, (_, i) => calendarEvent({ eventId: `mentoring${i}` }));
    await handleMessage({ type: 'calendar/events-seen', events }, calendarTab);
    await storePrep('gcal:mentoring3', ['purpose']);
    await storePrep('gcal:mentoring17', ['purpose', 'preparation', 'participation', 'plan']);
    const bulkGet = vi.spyOn(db.preps, 'bulkGet');
    const reply = await handleMessage({ type: 'calendar/events-seen', events }, calendarTab);
    const keysRead = bulkGet.mock.calls.flatMap(([keys]) => keys);
    vi.restoreAllMocks();
    // Only the two stored preps are read row by row, found through one read of the table's keys.
    expect(keysRead.filter((key) => key.startsWith('gcal:mentoring')).sort()).toEqual([
      'gcal:mentoring17',
      'gcal:mentoring3',
    ]);
    if (!reply.ok) throw new Error(reply.error);
    const { verdicts } = reply.reply as { verdicts: { eventId: string; prepStatus: string }[] };
    expect(verdicts).toHaveLength(30);
    expect(verdicts.filter((v) => v.prepStatus !== 'none')).toEqual([
      expect.objectContaining({ eventId: 'mentoring3', prepStatus: 'partial' }),
      expect.objectContaining({ eventId: 'mentoring17', prepStatus: 'done' }),
    ]);
  });

  it.each([
    ['not an object', 'hello'],
    ['an unknown type', { type: 'db/delete-everything' }],
    ['a missing field', { type: 'calendar/events-seen' }],
    ['an empty batch', { type: 'calendar/events-seen', events: [] }],
    ['a wrong field type', { type: 'calendar/events-seen', events: [{ ...calendarEvent(), start: 'soon' }] }],
    ['an extra field', { type: 'calendar/events-seen', events: [{ ...calendarEvent(), html: '<img>' }] }],
    [
      'an oversized title',
      { type: 'calendar/events-seen', events: [calendarEvent({ title: 'x'.repeat(5000) })] },
    ],
    ['a bad Meet code', { type: 'meet/status', meetCode: "'; drop", stage: 'in-call' }],
  ])('rejects %s with a clear error and changes nothing', async (_name, raw) => {
    const reply = await handleMessage(raw, calendarTab);
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(/^Rejected message: .+/);
    expect(await databaseRowCount()).toBe(0);
  });

  it('rejects a calendar report that does not come from a calendar page', async () => {
    const message = { type: 'calendar/events-seen', events: [calendarEvent()] };
    const fromMeet = await handleMessage(message, {
      ...calendarTab,
      url: 'https://meet.google.com/abc-defg-hij',
    });
    const fromElsewhere = await handleMessage(message, { url: 'https://evil.example/' });
    const fromOtherExtension = await handleMessage(message, { ...calendarTab, id: 'another-extension' });
    for (const reply of [fromMeet, fromElsewhere, fromOtherExtension]) expect(reply.ok).toBe(false);
    expect(await db.meetings.count()).toBe(0);
  });

  it('links a Meet call to the mentoring meeting that carried its code', async () => {
    const now = Date.now();
    await handleMessage(
      {
        type: 'calendar/events-seen',
        events: [calendarEvent({ start: now, end: now + 3_600_000, meetCode: 'abc-defg-hij' })],
      },
      calendarTab,
    );
    const reply = await handleMessage(
      { type: 'meet/status', meetCode: 'abc-defg-hij', stage: 'in-call' },
      { url: 'https://meet.google.com/abc-defg-hij', tab: { id: 9 } },
    );
    expect(reply).toEqual({ ok: true, reply: { meetingId: 'gcal:evt1' } });
    expect((await db.meetings.get('gcal:evt1'))?.state).toBe('in-call');
  });
});

describe('badge/refresh', () => {
  it('refreshes the badge without asking calendar tabs to read their page again (the popup sends it on every open)', async () => {
    const rechecks = vi.fn();
    const stop = onCalendarRecheck(rechecks);
    const fromPopup = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };

    expect(await handleMessage({ type: 'badge/refresh' }, fromPopup)).toEqual({
      ok: true,
      reply: { refreshed: true },
    });
    expect((await handleMessage({ type: 'badge/refresh' }, calendarTab)).ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rechecks).not.toHaveBeenCalled();
    // The listener does hear a real request in that time.
    await askCalendarsToRecheck();
    await vi.waitFor(() => expect(rechecks).toHaveBeenCalledTimes(1));
    stop();
  });
});

describe('background message listener', () => {
  it('answers through the runtime messaging channel, and refuses a sender with no page', async () => {
    background.main();
    const reply = await fakeBrowser.runtime.sendMessage({
      type: 'calendar/events-seen',
      events: [calendarEvent()],
    });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('not accepted') });

    const viaCalendar = await new Promise((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger(
        { type: 'calendar/events-seen', events: [calendarEvent()] },
        // The fake browser's sender type wants a whole Tab; the handler reads only these fields.
        calendarTab as unknown as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1],
        resolve,
      );
    });
    expect(viaCalendar).toMatchObject({ ok: true });
    expect(await db.meetings.count()).toBe(1);
  });
});

describe('signals after calendar reports', () => {
  it('a burst of reports shares one trailing recompute, which sees every report', async () => {
    const badgeWrites = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const start = Date.now() + 2 * 60 * 60 * 1000;
    const replies = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        handleMessage(
          {
            type: 'calendar/events-seen',
            events: [
              calendarEvent({ eventId: `evt${n}`, start, end: start + 60 * 60 * 1000, meetCode: undefined }),
            ],
          },
          calendarTab,
        ),
      ),
    );
    expect(replies.every((reply) => reply.ok)).toBe(true);
    // The first report recomputed at once; the other four are folded into one run still to come.
    expect(badgeWrites).toHaveBeenCalledTimes(1);
    await calendarSignals.flush();
    expect(badgeWrites).toHaveBeenCalledTimes(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('5');
    const endAlarms = (await fakeBrowser.alarms.getAll()).filter((a) =>
      a.name.startsWith(MEETING_END_PREFIX),
    );
    expect(endAlarms).toHaveLength(5);
    vi.restoreAllMocks();
  });
});
