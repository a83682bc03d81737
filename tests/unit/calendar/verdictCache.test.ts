import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { VerdictCache } from '@/entrypoints/calendar.content/verdictCache';
import type { CalendarEvent } from '@/lib/gcal/calendarEvent';
import type { Message } from '@/lib/messages';
import { calendarEvent, HOUR, SEPT_15_3PM } from '../calendarEventFactory';

/** A background that answers every report with "mentoring" and counts the events it was sent. */
function fakeBackground() {
  const received: string[] = [];
  fakeBrowser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
    const message = raw as Message;
    if (message.type !== 'calendar/events-seen') return;
    received.push(...message.events.map((e) => e.eventId));
    const verdicts = message.events.map((e) => ({
      eventId: e.eventId,
      meetingId: `gcal:${e.eventId}`,
      mentoring: true,
      prepStatus: 'none' as const,
    }));
    sendResponse({ ok: true, reply: { verdicts } });
    return true;
  });
  return received;
}

beforeEach(() => fakeBrowser.reset());

describe('VerdictCache', () => {
  it('reports an unchanged event once, a changed one again', async () => {
    const received = fakeBackground();
    const cache = new VerdictCache();
    await cache.report([calendarEvent()]);
    await cache.report([calendarEvent()]);
    expect(received).toEqual(['evt1']);
    await cache.report([calendarEvent({ title: 'Mentoring with Sam (moved)' })]);
    expect(received).toEqual(['evt1', 'evt1']);
    expect(cache.get('evt1')?.mentoring).toBe(true);
  });

  it('reports again when only a time, a flag or a guest changed', async () => {
    const received = fakeBackground();
    const cache = new VerdictCache();
    const changes: Partial<CalendarEvent>[] = [
      {},
      { start: SEPT_15_3PM + HOUR },
      { declined: true },
      { location: 'Room 4' },
      { guests: [{ email: 'sam.rivera@example.com', name: 'Sam Rivera', response: 'declined' }] },
      { guests: [] },
    ];
    for (const change of changes) await cache.report([calendarEvent(change)]);
    expect(received).toHaveLength(changes.length);
    await cache.report([calendarEvent({ guests: [] })]);
    expect(received).toHaveLength(changes.length);
  });

  it('shares one report between callers asking at the same time', async () => {
    const received = fakeBackground();
    const cache = new VerdictCache();
    const [a, b] = await Promise.all([cache.report([calendarEvent()]), cache.report([calendarEvent()])]);
    expect(received).toEqual(['evt1']);
    expect(a).toEqual(b);
  });

  it('leaves out an event whose id no Calendar would produce', async () => {
    const received = fakeBackground();
    const cache = new VerdictCache();
    await cache.report([calendarEvent({ eventId: 'x'.repeat(5000) }), calendarEvent()]);
    expect(received).toEqual(['evt1']);
  });

  it('remembers a bounded number of events however long the page is used', async () => {
    fakeBackground();
    const cache = new VerdictCache();
    for (let batch = 0; batch < 30; batch += 1) {
      await cache.report(Array.from({ length: 100 }, (_, i) => calendarEvent({ eventId: `e${batch}-${i}` })));
    }
    expect(cache.get('e29-99')).toBeDefined();
    expect(cache.get('e0-0')).toBeUndefined();
  });

  it('forgets a failed report so the event is sent again', async () => {
    const cache = new VerdictCache();
    const failing = vi.fn((_raw: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
      sendResponse({ ok: false, error: 'Rejected message: test' });
      return true as const;
    });
    fakeBrowser.runtime.onMessage.addListener(failing);
    await expect(cache.report([calendarEvent()])).rejects.toThrow('Rejected message');
    fakeBrowser.runtime.onMessage.removeListener(failing);
    const received = fakeBackground();
    await cache.report([calendarEvent()]);
    expect(received).toEqual(['evt1']);
  });
});
