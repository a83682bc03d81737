/**
 * Event chips of the day, week, month, schedule and search grids. A chip knows little (no guests, no
 * description) but it is everywhere, so meetings are known before the user opens any of them.
 */
import type { CalendarEvent } from './calendarEvent';
import { queryAllUnique, queryFirst, squeezeSpaces } from './domQuery';
import { decodeDateKey, decodeEventId, eventIdFromJslog } from './eventId';
import { parseSafely, warnOnce } from './logOnce';
import { isCancelledTitle, responseFromText } from './responseWords';
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

/** Every event chip under `root`, outermost only (a chip's inner nodes may repeat its attributes). */
export function findChips(root: ParentNode): Element[] {
  return (
    parseSafely('could not look for event chips', () =>
      queryAllUnique(root, EVENT_CHIP).filter((chip) => chip.parentElement?.closest(ANY_CHIP) == null),
    ) ?? []
  );
}

/** The text a screen reader hears: the chip's aria-label, else everything outside aria-hidden parts. */
function screenReaderText(chip: Element): string {
  const label = chip.getAttribute('aria-label');
  if (label) return squeezeSpaces(label);
  let text = '';
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) text += `${child.nodeValue ?? ''} `;
      else if (child.nodeType === 1 && (child as Element).getAttribute('aria-hidden') !== 'true') walk(child);
    }
  };
  walk(chip);
  return squeezeSpaces(text);
}

function ownText(element: Element): string {
  let text = '';
  for (const child of element.childNodes) if (child.nodeType === 3) text += child.nodeValue ?? '';
  return squeezeSpaces(text);
}

/** The title as drawn: the first text in the visible part that is not the time. */
function visibleTitle(chip: Element): string | undefined {
  const visible = queryFirst(chip, CHIP_VISIBLE_PART);
  if (!visible) return undefined;
  for (const element of [visible, ...visible.querySelectorAll('*')]) {
    const text = ownText(element);
    if (text && !isWhenOnlyText(text)) return text;
  }
  return undefined;
}

const LABEL_SEPARATOR = /\s*[,，、]\s*/;

/** Fallback title from the screen-reader line: the segment after the time, or the first one. */
function titleFromLabel(segments: readonly string[]): string | undefined {
  const [first, second] = segments;
  return first && isWhenOnlyText(first) ? second : first;
}

/** The signed-in user's answer as the line states it ("…, Declined, …"), looked for after the title. */
function declinedInLabel(segments: readonly string[]): boolean {
  return segments.slice(2).some((segment) => segment.length < 40 && responseFromText(segment) === 'declined');
}

function readChip(chip: Element, now: Date): CalendarEvent | null {
  const encoded = chip.getAttribute(EVENT_ID_ATTRIBUTE);
  const jslog = chip.getAttribute(JSLOG_ATTRIBUTE);
  const id = (encoded ? decodeEventId(encoded) : null) ?? (jslog ? eventIdFromJslog(jslog) : null);
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
  const column = chip.closest(DAY_COLUMN.join(','));
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
