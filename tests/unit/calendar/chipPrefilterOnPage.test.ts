import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { idHash } from '@/lib/detect/chipPrefilter';
import { keywordLiterals } from '@/lib/detect/compileDetectionRules';
import { defaultDetectionRules } from '@/lib/detect/defaultRules';
import { detectMentoring } from '@/lib/detect/detectMentoring';
import type { Message } from '@/lib/messages';
import { chipTitled, startChipPathOnFixture, stopChipPathOnFixture } from './chipPathOnFixture';

/**
 * The calendar content script's chip path on a real fixture page: which chips reach the background,
 * and which keep a badge, as the prefilter is loaded, changed and learns.
 */
const MENTORING = 'Mentoring with Sam';
const STANDUP = 'Team standup';

interface FakeBackground {
  keywords: string[];
  knownIds: number[];
  /** Titles of the events reported, in order. */
  reported: string[];
  prefilterRequests: number;
  /** Set to make the next prefilter request fail. */
  failNext?: boolean;
}

function fakeBackground(): FakeBackground {
  const background: FakeBackground = {
    keywords: defaultDetectionRules().keywords,
    knownIds: [],
    reported: [],
    prefilterRequests: 0,
  };
  fakeBrowser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
    const message = raw as Message;
    if (message.type === 'calendar/chip-prefilter') {
      background.prefilterRequests++;
      if (background.failNext) {
        background.failNext = false;
        sendResponse({ ok: false, error: 'Four Ps could not handle calendar/chip-prefilter' });
      } else {
        const reply = {
          keywordLiterals: keywordLiterals(background.keywords),
          knownIds: background.knownIds,
        };
        sendResponse({ ok: true, reply });
      }
      return true;
    }
    if (message.type !== 'calendar/events-seen') return;
    const rules = { keywords: background.keywords, excludedWords: [], partnerEmails: [] };
    background.reported.push(...message.events.map((event) => event.title));
    const verdicts = message.events.map((event) => ({
      eventId: event.eventId,
      meetingId: `gcal:${event.eventId}`,
      mentoring: detectMentoring(event, { rules, relationships: [] }).mentoring,
      prepStatus: 'none' as const,
    }));
    sendResponse({ ok: true, reply: { verdicts } });
    return true;
  });
  return background;
}

/** Lets messages, their answers and the watcher's batch (its fallback timer is 200 ms) all run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

function badgedTitles(): string[] {
  return [...document.querySelectorAll('[data-eventchip]')]
    .filter((chip) => chip.querySelector('[data-testid="fourps-chip-badge"]'))
    .map((chip) => chip.querySelector('[aria-hidden="true"] span')?.textContent ?? '?');
}

/** Calendar redraws a chip as a new element: a copy with its texts changed and without our badge. */
function renameChip(chip: Element, from: string, to: string): void {
  const redrawn = chip.cloneNode(true) as Element;
  redrawn.querySelector('[data-fourps]')?.remove();
  for (const node of redrawn.querySelectorAll('*')) {
    for (const text of node.childNodes) {
      if (text.nodeType === Node.TEXT_NODE) text.nodeValue = text.nodeValue?.replaceAll(from, to) ?? '';
    }
  }
  chip.replaceWith(redrawn);
}

beforeEach(() => fakeBrowser.reset());
afterEach(stopChipPathOnFixture);

describe('the chip prefilter on a calendar page', () => {
  it('reports every chip until the background answers, then only those that may be mentoring', async () => {
    const background = fakeBackground();
    const page = startChipPathOnFixture();
    page.watcher.flush();
    await settle();
    expect(background.reported).toContain(STANDUP);

    await page.prefilter.load();
    background.reported = [];
    // Calendar draws the week again with every event changed: only the mentoring meeting is reported.
    for (const chip of document.querySelectorAll('[data-eventchip]')) renameChip(chip, 'Sam', 'Samira');
    renameChip(chipTitled(STANDUP), STANDUP, `${STANDUP} (moved)`);
    await settle();
    expect(background.reported).toEqual(['Mentoring with Samira']);
    expect(badgedTitles()).toContain('Mentoring with Samira');
    expect(badgedTitles()).not.toContain(STANDUP);
    expect(page.errors).toEqual([]);
  });

  it('a new keyword reaches chips it skipped; a keyword removed takes their badges away', async () => {
    const background = fakeBackground();
    const page = startChipPathOnFixture();
    await page.prefilter.load();
    page.watcher.flush();
    await settle();
    expect(background.reported).toContain(MENTORING);
    expect(background.reported).not.toContain(STANDUP);

    background.keywords = [...background.keywords, 'standup'];
    page.chips.recheck();
    await settle();
    expect(background.reported).toContain(STANDUP);
    expect(badgedTitles().filter((title) => title === STANDUP).length).toBeGreaterThan(0);

    background.keywords = defaultDetectionRules().keywords;
    page.chips.recheck();
    await settle();
    expect(badgedTitles()).not.toContain(STANDUP);
    expect(badgedTitles()).toContain(MENTORING);
    expect(page.errors).toEqual([]);
  });

  it('a meeting the background holds is reported after a rename that drops its keyword', async () => {
    const background = fakeBackground();
    const page = startChipPathOnFixture();
    await page.prefilter.load();
    page.watcher.flush();
    await settle();
    // Learnt on this page: the background called it mentoring when the page reported it.
    renameChip(chipTitled(MENTORING), MENTORING, 'Coffee with Sam');
    await settle();
    expect(background.reported).toContain('Coffee with Sam');

    // Known from the background's answer, as on a page loaded after the meeting was stored.
    const eid = atob(chipTitled(STANDUP).getAttribute('data-eventid') ?? '').split(' ')[0] ?? '';
    background.knownIds = [idHash(eid)];
    page.chips.catchUp();
    await settle();
    renameChip(chipTitled(STANDUP), STANDUP, 'Standup moved');
    await settle();
    expect(background.reported.filter((title) => title === 'Standup moved')).toHaveLength(1);
    expect(page.errors).toEqual([]);
  });

  it('admits every chip again when asking for the prefilter fails', async () => {
    const background = fakeBackground();
    const page = startChipPathOnFixture();
    await page.prefilter.load();
    background.failNext = true;
    await expect(page.prefilter.load()).rejects.toThrow('chip-prefilter');
    page.watcher.flush();
    await settle();
    expect(background.reported).toContain(STANDUP);
  });
});
