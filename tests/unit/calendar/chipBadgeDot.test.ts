import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHIP_BADGE_TESTID } from '@/entrypoints/calendar.content/chipBadgeFeature';
import type { EventVerdict, Message } from '@/lib/messages';
import { chipTitled, startChipPathOnFixture } from './chipPathOnFixture';

/**
 * The prep-status dot's life in a chip: put in blank when the chip is first read, coloured in (the same
 * element) by the background's verdict, taken away when the verdict is "not mentoring" or never comes.
 * Keeping the element is the point: a dot swapped or added on the verdict makes the page lay out and
 * repaint the chip again.
 */
const MENTORING = 'Mentoring with Sam';
const STANDUP = 'Team standup';

/** A background that holds its answers until the test lets them go. */
function heldBackground() {
  const held: (() => void)[] = [];
  const state = { prepStatus: 'none' as EventVerdict['prepStatus'], fail: false };
  fakeBrowser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
    const message = raw as Message;
    if (message.type !== 'calendar/events-seen') return;
    const verdicts = message.events.map((event) => ({
      eventId: event.eventId,
      meetingId: `gcal:${event.eventId}`,
      mentoring: event.title.includes('Mentoring'),
      prepStatus: state.prepStatus,
    }));
    const fail = state.fail;
    held.push(() =>
      sendResponse(
        fail
          ? { ok: false, error: 'Four Ps could not handle calendar/events-seen' }
          : { ok: true, reply: { verdicts } },
      ),
    );
    return true;
  });
  return {
    state,
    /** Sends every held answer and lets the page handle them. */
    answer: async () => {
      // The message reaches the listener a few turns after it is sent.
      await new Promise((resolve) => setTimeout(resolve, 10));
      for (const send of held.splice(0)) send();
      await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}

const dotIn = (chip: Element) => chip.querySelector<HTMLElement>(':scope > [data-fourps]');

let page: ReturnType<typeof startChipPathOnFixture> | undefined;

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  page?.watcher.stop();
  page = undefined;
  document.body.replaceChildren();
});

describe('the prep-status dot in a calendar chip', () => {
  it('is put in blank as the chip is read, and the verdict colours in that same element', async () => {
    const background = heldBackground();
    page = startChipPathOnFixture();
    page.watcher.flush();

    // Before any answer (the prefilter is not loaded yet, so every chip may be mentoring).
    const blank = dotIn(chipTitled(MENTORING));
    expect(blank).not.toBeNull();
    expect(blank?.getAttribute('data-testid')).toBeNull();
    expect(blank?.getAttribute('role')).toBeNull();
    expect(blank?.style.backgroundColor).toBe('');
    expect(blank?.style.borderColor).toBe('transparent');
    expect(dotIn(chipTitled(STANDUP))).not.toBeNull();
    expect(document.querySelectorAll(`[data-testid="${CHIP_BADGE_TESTID}"]`)).toHaveLength(0);

    await background.answer();
    const filled = dotIn(chipTitled(MENTORING));
    expect(filled).toBe(blank);
    expect(filled?.getAttribute('data-testid')).toBe(CHIP_BADGE_TESTID);
    expect(filled?.getAttribute('data-prep-status')).toBe('none');
    expect(filled?.getAttribute('role')).toBe('img');
    expect(filled?.getAttribute('aria-label')).toMatch(/not prepared/);
    expect(filled?.style.backgroundColor).not.toBe('');
    // The meeting that is not mentoring loses its blank dot.
    expect(dotIn(chipTitled(STANDUP))).toBeNull();
    expect(page.errors).toEqual([]);
  });

  it('recolours the same dot when the prep status changes', async () => {
    const background = heldBackground();
    page = startChipPathOnFixture();
    page.watcher.flush();
    await background.answer();
    const dot = dotIn(chipTitled(MENTORING));
    const colourBefore = dot?.style.backgroundColor;

    background.state.prepStatus = 'done';
    page.chips.refresh();
    await background.answer();
    expect(dotIn(chipTitled(MENTORING))).toBe(dot);
    expect(dot?.getAttribute('data-prep-status')).toBe('done');
    expect(dot?.getAttribute('aria-label')).toMatch(/prepared$/);
    expect(dot?.style.backgroundColor).not.toBe(colourBefore);
    expect(chipTitled(MENTORING).querySelectorAll('[data-fourps]')).toHaveLength(1);
  });

  it('leaves no blank dot behind when the report fails', async () => {
    const background = heldBackground();
    background.state.fail = true;
    page = startChipPathOnFixture();
    page.watcher.flush();
    expect(document.querySelectorAll('[data-eventchip] > [data-fourps]').length).toBeGreaterThan(1);

    await background.answer();
    expect(document.querySelectorAll('[data-eventchip] > [data-fourps]')).toHaveLength(0);
    expect(page.errors.length).toBeGreaterThan(0);
  });

  it('keeps a coloured dot when asking again fails', async () => {
    const background = heldBackground();
    page = startChipPathOnFixture();
    page.watcher.flush();
    await background.answer();
    const dot = dotIn(chipTitled(MENTORING));

    background.state.fail = true;
    page.chips.refresh();
    await background.answer();
    expect(dotIn(chipTitled(MENTORING))).toBe(dot);
    expect(dot?.getAttribute('data-prep-status')).toBe('none');
    expect(page.errors.length).toBeGreaterThan(0);
  });
});
