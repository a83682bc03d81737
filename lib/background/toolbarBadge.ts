import { browser } from 'wxt/browser';
import { unpreparedMeetingsStartingWithin } from '@/lib/overview/unpreparedMeetings';

export const BADGE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** The theme's "needs attention" red, readable with white text in light and dark toolbars. */
const BADGE_COLOR = '#c5221f';
const DEFAULT_TITLE = 'Four Ps — upcoming mentoring meetings';

/** How many mentoring meetings of the next 24 hours still need prep. */
export async function countMeetingsToPrepSoon(now: number): Promise<number> {
  return (await unpreparedMeetingsStartingWithin(now, BADGE_WINDOW_MS)).length;
}

/**
 * Shows that count on the toolbar button, and nothing at zero (an empty badge is the calm state).
 * Recomputed from the database every time, so a restarted service worker shows the same thing.
 */
export async function refreshToolbarBadge(now = Date.now()): Promise<number> {
  const count = await countMeetingsToPrepSoon(now);
  await browser.action.setBadgeText({ text: count === 0 ? '' : String(count) });
  if (count > 0) await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  // The title is what screen readers announce for the button, so it carries the count in words.
  const title =
    count === 0
      ? DEFAULT_TITLE
      : `${DEFAULT_TITLE} (${count} in the next 24 hours ${count === 1 ? 'needs' : 'need'} prep)`;
  await browser.action.setTitle({ title });
  return count;
}
