/**
 * The floor: the least work any extension that learns every event chip must do. The bench runs it in
 * an isolated world of its own, as a content script runs. It watches the page the way the extension
 * does (one observer, the added elements batched once per frame), finds the chips among them, reads
 * each chip's id and label, and serialises the batch as a message to the background would be. It
 * parses nothing, sends nothing, stores nothing and draws nothing, so the extension can only cost
 * more; what this adds bounds what a budget can ask.
 */
import { findChips } from '@/lib/gcal/parseChip';
import { EVENT_ID_ATTRIBUTE } from '@/lib/gcal/selectors';
import { PageWatcher } from '../../entrypoints/calendar.content/pageWatcher';

/** Keeps the serialised batches reachable, so the engine cannot skip making them. */
const sent: number[] = [];

function readChips(added: readonly Element[]): void {
  const seen: [string | null, string | null][] = [];
  for (const root of added) {
    const chips = findChips(root);
    // A re-rendered chip arrives as the added element itself, as in the extension.
    if (root.hasAttribute(EVENT_ID_ATTRIBUTE)) chips.unshift(root);
    for (const chip of chips) {
      seen.push([chip.getAttribute(EVENT_ID_ATTRIBUTE), chip.getAttribute('aria-label')]);
    }
  }
  if (seen.length > 0) sent.push(JSON.stringify(seen).length);
}

function start(): void {
  const watcher = new PageWatcher(document.body, (error) => console.warn(error));
  watcher.onChange(readChips);
  watcher.start();
  readChips([document.body]);
}

if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
