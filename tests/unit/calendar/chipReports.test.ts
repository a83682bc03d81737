import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ChipReports } from '@/entrypoints/calendar.content/chipReports';
import type { ChipFields } from '@/lib/gcal/chipFields';
import type { EventVerdict, Message } from '@/lib/messages';
import { MESSAGE_LIMITS } from '@/lib/messaging/limits';
import { chipFields, encodedEventId } from '../calendarEventFactory';

/**
 * A background that answers every chip with a verdict named after its encoded id (null for an id of
 * "unreadable") and keeps each batch it was sent.
 */
function fakeBackground() {
  const batches: ChipFields[][] = [];
  fakeBrowser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
    const message = raw as Message;
    if (message.type !== 'calendar/chips-seen') return;
    batches.push(message.chips);
    const verdicts = message.chips.map((chip) =>
      chip.encodedId === 'unreadable'
        ? null
        : {
            eventId: chip.encodedId ?? '',
            meetingId: `gcal:${chip.encodedId}`,
            mentoring: true,
            prepStatus: 'none',
          },
    );
    sendResponse({ ok: true, reply: { verdicts } });
    return true;
  });
  return batches;
}

const sentIds = (batches: ChipFields[][]) => batches.flat().map((chip) => chip.encodedId);

beforeEach(() => fakeBrowser.reset());

describe('ChipReports', () => {
  it('answers each chip in order and remembers the verdicts for the dialogs', async () => {
    fakeBackground();
    const remembered: EventVerdict[] = [];
    const reports = new ChipReports((verdicts) => remembered.push(...verdicts));
    const verdicts = await reports.report([
      chipFields({ encodedId: 'a' }),
      chipFields({ encodedId: 'unreadable' }),
      chipFields({ encodedId: 'b' }),
    ]);
    expect(verdicts.map((verdict) => verdict?.eventId)).toEqual(['a', undefined, 'b']);
    expect(remembered.map((verdict) => verdict.eventId)).toEqual(['a', 'b']);
  });

  it('sends a chip drawn again unchanged once, and again when its strings change', async () => {
    const batches = fakeBackground();
    const reports = new ChipReports(() => undefined);
    await reports.report([chipFields()]);
    const again = await reports.report([chipFields()]);
    expect(batches).toHaveLength(1);
    expect(again[0]?.eventId).toBe(encodedEventId('evt1'));
    await reports.report([chipFields({ label: '4pm to 5pm, Mentoring with Sam, September 15, 2026' })]);
    await reports.report([chipFields({ shownTexts: ['Mentoring with Sam (moved)'] })]);
    await reports.report([chipFields({ dateKey: 28976 })]);
    expect(batches).toHaveLength(4);
  });

  it('shares one report between callers asking at the same time', async () => {
    const batches = fakeBackground();
    const reports = new ChipReports(() => undefined);
    const [a, b] = await Promise.all([reports.report([chipFields()]), reports.report([chipFields()])]);
    expect(batches).toHaveLength(1);
    expect(a).toEqual(b);
  });

  it('asks again on refresh', async () => {
    const batches = fakeBackground();
    const reports = new ChipReports(() => undefined);
    await reports.report([chipFields()]);
    await reports.refresh([chipFields()]);
    expect(batches).toHaveLength(2);
  });

  it('fits what it sends to the message limits, so the background never refuses a batch', async () => {
    const batches = fakeBackground();
    const reports = new ChipReports(() => undefined);
    const chips = Array.from({ length: MESSAGE_LIMITS.eventsPerMessage + 5 }, (_, i) =>
      chipFields({ encodedId: `e${i}`, label: 'x'.repeat(3 * MESSAGE_LIMITS.shortText) }),
    );
    const tooLong = chipFields({ encodedId: 'x'.repeat(MESSAGE_LIMITS.id + 1) });
    const verdicts = await reports.report([tooLong, ...chips]);
    expect(batches.map((batch) => batch.length)).toEqual([MESSAGE_LIMITS.eventsPerMessage, 5]);
    expect(batches.flat().every((chip) => chip.label.length === MESSAGE_LIMITS.shortText)).toBe(true);
    expect(verdicts[0]).toBeUndefined();
    expect(verdicts.at(-1)?.eventId).toBe(`e${MESSAGE_LIMITS.eventsPerMessage + 4}`);
  });

  it('forgets a failed report so the chip is sent again', async () => {
    const reports = new ChipReports(() => undefined);
    const failing = vi.fn((_raw: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
      sendResponse({ ok: false, error: 'Rejected message: test' });
      return true as const;
    });
    fakeBrowser.runtime.onMessage.addListener(failing);
    await expect(reports.report([chipFields()])).rejects.toThrow('Rejected message');
    fakeBrowser.runtime.onMessage.removeListener(failing);
    const batches = fakeBackground();
    await reports.report([chipFields()]);
    expect(sentIds(batches)).toEqual([encodedEventId('evt1')]);
  });
});
