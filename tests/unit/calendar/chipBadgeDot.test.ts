import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHIP_BADGE_TESTID } from '@/entrypoints/calendar.content/chipBadgeFeature';
import { keywordLiterals } from '@/lib/detect/compileDetectionRules';
import { defaultDetectionRules } from '@/lib/detect/defaultRules';
import type { EventVerdict, Message } from '@/lib/messages';
import { chipTitled, startChipPathOnFixture, stopChipPathOnFixture } from './chipPathOnFixture';

/**
 * The prep-status dot's life in a chip: put in blank when the chip is first read (once the prefilter
 * sorts chips), coloured in (the same element) by the background's verdict, taken away when the verdict
 * is "not mentoring" or never comes.
 * Keeping the element is the point: a dot swapped or added on the verdict makes the page lay out and
 * repaint the chip again.
 */
const MENTORING = 'Mentoring with Sam';
const STANDUP = 'Team standup';

/**
 * A background that answers the prefilter at once (the default keywords, no known events) and holds
 * its verdicts until the test lets them go. A title with "Mentoring" is mentoring unless
 * `state.mentoring` says otherwise.
 */
function heldBackground() {
  const held: (() => void)[] = [];
  const state = { prepStatus: 'none' as EventVerdict['prepStatus'], fail: false, mentoring: true };
  fakeBrowser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
    const message = raw as Message;
    if (message.type === 'calendar/chip-prefilter') {
      const reply = { keywordLiterals: keywordLiterals(defaultDetectionRules().keywords), knownIds: [] };
      sendResponse({ ok: true, reply });
      return true;
    }
    if (message.type !== 'calendar/events-seen') return;
    const verdicts = message.events.map((event) => ({
      eventId: event.eventId,
      meetingId: `gcal:${event.eventId}`,
      mentoring: state.mentoring && event.title.includes('Mentoring'),
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

beforeEach(() => fakeBrowser.reset());
afterEach(stopChipPathOnFixture);

/** The chip path on the fixture, its prefilter loaded, and its chips read once. */
async function startSorting() {
  const started = startChipPathOnFixture();
  await started.prefilter.load();
  started.watcher.flush();
  return started;
}

describe('the prep-status dot in a calendar chip', () => {
  it('is put in blank as the chip is read, and the verdict colours in that same element', async () => {
    const background = heldBackground();
    const page = await startSorting();

    // Before the verdict: a blank dot in the chip the prefilter admits, none in the one it skips.
    const blank = dotIn(chipTitled(MENTORING));
    expect(blank).not.toBeNull();
    expect(blank?.getAttribute('data-testid')).toBeNull();
    expect(blank?.getAttribute('role')).toBeNull();
    expect(blank?.style.backgroundColor).toBe('');
    expect(blank?.style.borderColor).toBe('transparent');
    expect(dotIn(chipTitled(STANDUP))).toBeNull();
    expect(document.querySelectorAll(`[data-testid="${CHIP_BADGE_TESTID}"]`)).toHaveLength(0);

    await background.answer();
    const filled = dotIn(chipTitled(MENTORING));
    expect(filled).toBe(blank);
    expect(filled?.getAttribute('data-testid')).toBe(CHIP_BADGE_TESTID);
    expect(filled?.getAttribute('data-prep-status')).toBe('none');
    expect(filled?.getAttribute('role')).toBe('img');
    expect(filled?.getAttribute('aria-label')).toMatch(/not prepared/);
    expect(filled?.style.backgroundColor).not.toBe('');
    expect(page.errors).toEqual([]);
  });

  it('is taken away when the background says the chip is not a mentoring meeting', async () => {
    const background = heldBackground();
    background.state.mentoring = false;
    await startSorting();
    expect(dotIn(chipTitled(MENTORING))).not.toBeNull();

    await background.answer();
    expect(dotIn(chipTitled(MENTORING))).toBeNull();
  });

  it('recolours the same dot when the prep status changes', async () => {
    const background = heldBackground();
    const page = await startSorting();
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
    const page = await startSorting();
    expect(dotIn(chipTitled(MENTORING))).not.toBeNull();

    await background.answer();
    expect(document.querySelectorAll('[data-eventchip] > [data-fourps]')).toHaveLength(0);
    expect(page.errors.length).toBeGreaterThan(0);
  });

  it('keeps a coloured dot when asking again fails', async () => {
    const background = heldBackground();
    const page = await startSorting();
    await background.answer();
    const dot = dotIn(chipTitled(MENTORING));

    background.state.fail = true;
    page.chips.refresh();
    await background.answer();
    expect(dotIn(chipTitled(MENTORING))).toBe(dot);
    expect(dot?.getAttribute('data-prep-status')).toBe('none');
    expect(page.errors.length).toBeGreaterThan(0);
  });

  it('before the prefilter answers, waits for the verdict: every chip passes then, and most are not mentoring', async () => {
    const background = heldBackground();
    const page = startChipPathOnFixture();
    page.watcher.flush();
    expect(document.querySelectorAll('[data-eventchip] > [data-fourps]')).toHaveLength(0);

    await background.answer();
    expect(dotIn(chipTitled(MENTORING))?.getAttribute('data-testid')).toBe(CHIP_BADGE_TESTID);
    expect(dotIn(chipTitled(STANDUP))).toBeNull();
  });
});
