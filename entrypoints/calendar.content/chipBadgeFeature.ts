import type { CalendarEvent } from '@/lib/gcal/calendarEvent';
import { readChipFields } from '@/lib/gcal/chipFields';
import { chipIds, chipTitle, eventFromChipFields, findChips, isEventChip } from '@/lib/gcal/parseChip';
import type { EventVerdict } from '@/lib/messages';
import { trimCalendarEvent } from '@/lib/messaging/trimCalendarEvent';
import type { ChipPrefilterState } from './chipPrefilterState';
import { OWN_ELEMENT_ATTRIBUTE, type PageWatcher } from './pageWatcher';
import type { VerdictCache } from './verdictCache';

export const CHIP_BADGE_TESTID = 'fourps-chip-badge';

const STATUS_TEXT: Record<EventVerdict['prepStatus'], string> = {
  none: 'Four Ps: mentoring meeting, not prepared yet',
  partial: 'Four Ps: mentoring meeting, partly prepared',
  done: 'Four Ps: mentoring meeting, prepared',
};
const STATUS_COLOR: Record<EventVerdict['prepStatus'], string> = {
  none: '#d93025',
  partial: '#f9ab00',
  done: '#188038',
};

interface ChipBadgeFeature {
  /** Asks the background again for every chip it was told of (after a prep was edited). */
  refresh: () => void;
  /** What counts as mentoring changed: every chip on screen is judged again, under the new prefilter. */
  recheck: () => void;
  /** Another tab may have stored meetings meanwhile: reports what the new prefilter admits, if not told yet. */
  catchUp: () => void;
  removeAll: () => void;
}

/**
 * Reports the event chips the calendar shows that may be mentoring meetings (the prefilter skips the
 * others), so the popup knows upcoming meetings without each being opened, and marks the chips of
 * mentoring meetings with a small prep-status dot. The dot is the chip's first child, absolutely
 * positioned with no offsets: it sits at the chip's top-left corner, inside its padding (chips clip
 * what overflows them, and a dot placed beside the chip was all but cut away), whatever the view's
 * layout, and takes no space, so the chip's layout is unchanged. It ignores the pointer, so the chip's
 * click still works.
 *
 * A chip that may be a mentoring meeting (one the loaded prefilter admits) gets its dot, still blank,
 * in the frame the chip is first drawn, before the background has answered: the answer then only
 * colours the dot in (or takes it away), which repaints the dot alone. A dot added on the answer would
 * make the page lay out and repaint the whole chip a second time, for every mentoring chip of every
 * week shown.
 */
export function startChipBadgeFeature(
  watcher: PageWatcher,
  verdicts: VerdictCache,
  prefilter: ChipPrefilterState,
  logError: (error: unknown) => void,
  /** The page's language (pageLocale.ts): a time in its words ("3:00 م") is never taken for a title. */
  locale?: string,
): ChipBadgeFeature {
  let firstPass = true;
  const shownChips = new Map<Element, CalendarEvent>();
  let shownAfterPruning = 0;

  const collect = (roots: readonly ParentNode[]) => {
    const found = new Map<Element, CalendarEvent>();
    const now = new Date();
    for (const root of roots) {
      const candidates = findChips(root);
      // A chip Calendar redrew arrives as the added element itself. Only a chip: the details popover,
      // when Calendar replaces it whole, carries an event id too, and read as a chip it would report
      // a title of "⋅".
      if (root instanceof Element && isEventChip(root)) candidates.unshift(root);
      for (const chip of candidates) {
        const fields = readChipFields(chip);
        if (!fields) continue;
        const ids = chipIds(fields);
        const title = chipTitle(fields, locale);
        // Most chips of a week are not mentoring meetings: those are neither parsed nor reported.
        if (ids && !prefilter.admits(ids, title ?? '')) {
          forget(chip);
          continue;
        }
        const event = eventFromChipFields(fields, now, ids ? { ids, title } : undefined, locale);
        if (event) found.set(chip, trimCalendarEvent(event));
      }
    }
    return found;
  };

  /** A chip the prefilter now turns down (a keyword was removed): it loses the badge it had. */
  const forget = (chip: Element) => {
    if (shownChips.delete(chip)) removeBadge(chip);
  };

  const apply = (chips: Map<Element, CalendarEvent>, results: EventVerdict[]) => {
    const byEvent = new Map(results.map((verdict) => [verdict.eventId, verdict]));
    for (const [chip, event] of chips) {
      const verdict = byEvent.get(event.eventId);
      if (verdict) setBadge(chip, verdict);
      else removeBlankBadge(chip);
    }
  };

  const handle = (chips: Map<Element, CalendarEvent>, ask: typeof verdicts.report) => {
    if (chips.size === 0) return;
    // Before the prefilter's answer every chip passes, and most would get a dot only to lose it.
    const reserve = prefilter.sorting;
    for (const [chip, event] of chips) {
      shownChips.set(chip, event);
      if (reserve) reserveBadge(chip);
    }
    ask([...chips.values()])
      .then((results) => apply(chips, results))
      .catch((error: unknown) => {
        // No verdict came (the report failed, or drawing it did): no blank dot stays behind.
        for (const chip of chips.keys()) removeBlankBadge(chip);
        logError(error);
      });
  };

  watcher.onChange((added) => {
    const roots: readonly ParentNode[] = firstPass ? [document] : added;
    firstPass = false;
    // Forgetting chips Calendar removed checks every chip: done when the map has doubled, not per batch.
    if (shownChips.size > 2 * shownAfterPruning + 100) {
      for (const chip of shownChips.keys()) if (!chip.isConnected) shownChips.delete(chip);
      shownAfterPruning = shownChips.size;
    }
    handle(collect(roots), verdicts.report.bind(verdicts));
  });

  /** Asks for the prefilter again, then reads every chip on screen through it. */
  const rescan = (ask: typeof verdicts.report) =>
    prefilter
      .load()
      .catch(logError)
      .finally(() => {
        try {
          handle(collect([document]), ask);
        } catch (error) {
          logError(error);
        }
      });

  return {
    refresh: () =>
      handle(new Map([...shownChips].filter(([chip]) => chip.isConnected)), verdicts.refresh.bind(verdicts)),
    recheck: () => void rescan(verdicts.refresh.bind(verdicts)),
    catchUp: () => void rescan(verdicts.report.bind(verdicts)),
    removeAll: () => {
      for (const chip of shownChips.keys()) removeBadge(chip);
    },
  };
}

/** The blank dot: the box of a coloured one, so colouring it in moves nothing, with nothing drawn. */
const BLANK_STYLE =
  'position:absolute;width:7px;height:7px;margin:1px 0 0 -5px;border-radius:50%;' +
  'border:1px solid transparent;pointer-events:none;z-index:1';

/**
 * The blank dot, copied for each chip (copying a finished element costs less than parsing its inline
 * style per chip). It draws nothing and says nothing until `fillBadge` gives it a status.
 */
let blankTemplate: Element | undefined;

function newBlankBadge(doc: Document): HTMLElement {
  if (!blankTemplate) {
    blankTemplate = doc.createElement('span');
    blankTemplate.setAttribute(OWN_ELEMENT_ATTRIBUTE, '');
    blankTemplate.setAttribute('style', BLANK_STYLE);
  }
  return doc.importNode(blankTemplate, true) as HTMLElement;
}

/**
 * Colours the dot in: only its paint changes, so the chip around it is neither laid out nor repainted.
 * No `title`: the dot lets the pointer through to the chip, so a tooltip would never show.
 */
function fillBadge(badge: HTMLElement, status: EventVerdict['prepStatus']): void {
  badge.setAttribute('data-testid', CHIP_BADGE_TESTID);
  badge.setAttribute('data-prep-status', status);
  badge.setAttribute('role', 'img');
  badge.setAttribute('aria-label', STATUS_TEXT[status]);
  // Two properties set on their own cost less than parsing the whole style again (measured).
  badge.style.borderColor = '#fff';
  badge.style.background = STATUS_COLOR[status];
}

/**
 * The dot each chip got from us. Calendar redraws a chip as a new element, so most chips have none:
 * a lookup here spares searching each one.
 */
const badges = new WeakMap<Element, HTMLElement>();

function badgeIn(chip: Element): HTMLElement | undefined {
  const placed = badges.get(chip);
  return placed?.parentNode === chip ? placed : undefined;
}

const isBlank = (badge: Element) => !badge.hasAttribute('data-prep-status');

/** Puts a blank dot in a chip that has none, so the verdict, when it comes, need not change the chip. */
function reserveBadge(chip: Element): void {
  if (badgeIn(chip)) return;
  const badge = newBlankBadge(chip.ownerDocument);
  chip.prepend(badge);
  badges.set(chip, badge);
}

function removeBadge(chip: Element): void {
  badgeIn(chip)?.remove();
}

/** No verdict came for this chip: a dot still blank goes; a coloured one keeps what it last knew. */
function removeBlankBadge(chip: Element): void {
  const badge = badgeIn(chip);
  if (badge && isBlank(badge)) badge.remove();
}

function setBadge(chip: Element, verdict: EventVerdict): void {
  const existing = badgeIn(chip);
  if (!verdict.mentoring) {
    existing?.remove();
    return;
  }
  // Unchanged: touching it would only make the page recompute styles for nothing.
  if (existing?.getAttribute('data-prep-status') === verdict.prepStatus) return;
  if (existing) {
    fillBadge(existing, verdict.prepStatus);
    return;
  }
  const badge = newBlankBadge(chip.ownerDocument);
  fillBadge(badge, verdict.prepStatus);
  chip.prepend(badge);
  badges.set(chip, badge);
}
