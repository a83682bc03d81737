import { startChipBadgeFeature } from '@/entrypoints/calendar.content/chipBadgeFeature';
import { ChipPrefilterState } from '@/entrypoints/calendar.content/chipPrefilterState';
import { PageWatcher } from '@/entrypoints/calendar.content/pageWatcher';
import { VerdictCache } from '@/entrypoints/calendar.content/verdictCache';
import { fixtureHtml } from '../gcal/loadFixture';

/**
 * The calendar content script's chip path (watcher, prefilter, verdict cache, chip badges), wired as
 * the content script wires it, on a week fixture with a mentoring meeting and a team standup. The
 * background is whatever the test puts behind `fakeBrowser`.
 */
let running: PageWatcher | undefined;

export function startChipPathOnFixture() {
  document.body.innerHTML = new DOMParser().parseFromString(
    fixtureHtml('week-popover-standup-en.html'),
    'text/html',
  ).body.innerHTML;
  const errors: unknown[] = [];
  const watcher = new PageWatcher(document.body, (error) => errors.push(error));
  const prefilter = new ChipPrefilterState();
  const verdicts = new VerdictCache((ids) => prefilter.learn(ids));
  const chips = startChipBadgeFeature(watcher, verdicts, prefilter, (error) => errors.push(error));
  watcher.start();
  running = watcher;
  return { watcher, prefilter, chips, errors };
}

/** Each test's clean-up: stops the chip path a test started, and empties the page. */
export function stopChipPathOnFixture(): void {
  running?.stop();
  running = undefined;
  document.body.replaceChildren();
}

/** The fixture's chip whose text holds `title`. */
export function chipTitled(title: string): Element {
  const chip = [...document.querySelectorAll('[data-eventchip]')].find((c) => c.textContent?.includes(title));
  if (!chip) throw new Error(`No chip titled ${title}`);
  return chip;
}
