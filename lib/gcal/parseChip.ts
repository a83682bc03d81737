/**
 * Event chips of the day, week, month, schedule and search grids. A chip knows little (no guests, no
 * description) but it is everywhere, so meetings are known before the user opens any of them.
 */
import type { CalendarEvent } from './calendarEvent';
import { queryFirst, squeezeSpaces } from './domQuery';
import { decodeDateKey, decodeEventId, eventIdFromJslog } from './eventId';
import { parseSafely, warnOnce } from './logOnce';
import { isCancelledTitle, isDeclinedText } from './responseWords';
import {
  CHIP_VISIBLE_PART,
  DATE_KEY_ATTRIBUTE,
  DAY_COLUMN,
  EVENT_CHIP,
  EVENT_ID_ATTRIBUTE,
  JSLOG_ATTRIBUTE,
} from './selectors';
import { isWhenOnlyText, parseChipWhenText } from './whenText';

const ANY_CHIP = EVENT_CHIP.join(',');
const ANY_DAY_COLUMN = DAY_COLUMN.join(',');

/**
 * Every event chip under `root` in document order, outermost only (a chip's inner nodes may repeat its
 * attributes). One search for all selectors: each search walks the whole grid.
 */
export function findChips(root: ParentNode): Element[] {
  return (
    parseSafely('could not look for event chips', () =>
      [...root.querySelectorAll(ANY_CHIP)].filter((chip) => chip.parentElement?.closest(ANY_CHIP) == null),
    ) ?? []
  );
}

// The walks below step with firstChild/nextSibling: iterating a NodeList costs several times more.

/** Every text outside aria-hidden parts, each followed by a space. */
function audibleText(node: Node): string {
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += `${child.nodeValue ?? ''} `;
    else if (child.nodeType === 1 && (child as Element).getAttribute('aria-hidden') !== 'true') {
      text += audibleText(child);
    }
  }
  return text;
}

/** The text a screen reader hears: the chip's aria-label, else everything outside aria-hidden parts. */
function screenReaderText(chip: Element): string {
  return squeezeSpaces(chip.getAttribute('aria-label') || audibleText(chip));
}

/** The element's own text, if it is not a time (the title, not the time line). */
function titleText(element: Element): string | undefined {
  let text = '';
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
  }
  text = text && squeezeSpaces(text);
  return text && !isWhenOnlyText(text) ? text : undefined;
}

/** The title as drawn: the first text in the visible part that is not the time. */
function visibleTitle(chip: Element): string | undefined {
  const visible = queryFirst(chip, CHIP_VISIBLE_PART);
  if (!visible) return undefined;
  let title = titleText(visible);
  const inner = visible.querySelectorAll('*');
  for (let i = 0; title === undefined && i < inner.length; i += 1) title = titleText(inner[i] as Element);
  return title;
}

const LABEL_SEPARATOR = /\s*[,，、]\s*/;

/** Fallback title from the screen-reader line: the segment after the time, or the first one. */
function titleFromLabel(segments: readonly string[]): string | undefined {
  const [first, second] = segments;
  return first && isWhenOnlyText(first) ? second : first;
}

/** The signed-in user's answer as the line states it ("…, Declined, …"), looked for after the title. */
function declinedInLabel(segments: readonly string[]): boolean {
  return segments.slice(2).some((segment) => segment.length < 40 && isDeclinedText(segment));
}

function readChip(chip: Element, now: Date): CalendarEvent | null {
  const encoded = chip.getAttribute(EVENT_ID_ATTRIBUTE);
  let id = encoded ? decodeEventId(encoded) : null;
  if (!id) {
    const jslog = chip.getAttribute(JSLOG_ATTRIBUTE);
    id = jslog ? eventIdFromJslog(jslog) : null;
  }
  if (!id) {
    warnOnce('event chip has no readable event id');
    return null;
  }
  const label = screenReaderText(chip);
  const segments = label.split(LABEL_SEPARATOR).filter(Boolean);
  const title = visibleTitle(chip) ?? titleFromLabel(segments);
  if (title === undefined) {
    warnOnce('event chip has no readable title');
    return null;
  }
  const event: CalendarEvent = {
    eventId: id.eventId,
    title,
    allDay: false,
    guests: [],
    declined: declinedInLabel(segments),
    cancelled: isCancelledTitle(title),
    source: 'chip',
  };
  if (id.seriesId) event.seriesId = id.seriesId;
  if (id.calendarId) event.calendarId = id.calendarId;

  // The day column dates the chip; schedule and search rows have none and name the date in the line.
  const column = chip.closest(ANY_DAY_COLUMN);
  const dateKey = Number(column?.getAttribute(DATE_KEY_ATTRIBUTE));
  const date = decodeDateKey(dateKey) ?? undefined;
  const when = parseChipWhenText(label, now, date ? { date } : {});
  if (when) {
    event.start = when.start;
    if (when.end !== undefined) event.end = when.end;
    event.allDay = when.allDay;
  } else {
    warnOnce(`event chip: unreadable date/time "${segments[0] ?? ''}"`);
  }
  return event;
}

/** Reads one chip; null (with one warning per problem) when it cannot be understood. Never throws. */
export function parseChip(chip: Element, now: Date): CalendarEvent | null {
  return parseSafely('could not read an event chip', () => readChip(chip, now));
}
