/**
 * Event chips of the day, week, month, schedule and search grids. A chip knows little (no guests, no
 * description) but it is everywhere, so meetings are known before the user opens any of them. Its raw
 * strings are read in chipFields.ts; this turns them into an event.
 */
import type { CalendarEvent } from './calendarEvent';
import { type ChipFields, readChipFields } from './chipFields';
import { squeezeSpaces } from './domQuery';
import { type DecodedEventId, decodeDateKey, decodeEventId, eventIdFromJslog } from './eventId';
import { parseSafely, warnOnce } from './logOnce';
import { isCancelledTitle, isDeclinedText } from './responseWords';
import { isWhenOnlyText, parseChipWhenText } from './whenText';

export { findChips, isEventChip } from './chipFields';

/** Between the segments of the screen-reader line; Arabic writes its own comma (،). */
const LABEL_SEPARATOR = /\s*[,，、،]\s*/;

/** The title as drawn: the first text of the visible part that is not the time. */
function shownTitle(texts: readonly string[], locale: string | undefined): string | undefined {
  for (const text of texts) {
    const squeezed = squeezeSpaces(text);
    if (squeezed && !isWhenOnlyText(squeezed, locale)) return squeezed;
  }
  return undefined;
}

/** Fallback title from the screen-reader line: the segment after the time, or the first one. */
function titleFromLabel(segments: readonly string[], locale: string | undefined): string | undefined {
  const [first, second] = segments;
  return first && isWhenOnlyText(first, locale) ? second : first;
}

/** The signed-in user's answer as the line states it ("…, Declined, …"), looked for after the title. */
function declinedInLabel(segments: readonly string[]): boolean {
  return segments.slice(2).some((segment) => segment.length < 40 && isDeclinedText(segment));
}

/** The chip's event, series and calendar ids, decoded; null when it has no readable id. */
export function chipIds(fields: ChipFields): DecodedEventId | null {
  return (
    (fields.encodedId ? decodeEventId(fields.encodedId) : null) ??
    (fields.jslog ? eventIdFromJslog(fields.jslog) : null)
  );
}

function labelSegments(fields: ChipFields): string[] {
  return squeezeSpaces(fields.label).split(LABEL_SEPARATOR).filter(Boolean);
}

/**
 * The chip's title, as its event will carry it: what detection judges, so the prefilter
 * (lib/detect/chipPrefilter.ts) tests the very same text. The label is read only when the visible
 * part shows no title. `locale`, the page's language, tells a time in its words from a title.
 */
export function chipTitle(fields: ChipFields, locale?: string): string | undefined {
  return shownTitle(fields.shownTexts, locale) ?? titleFromLabel(labelSegments(fields), locale);
}

/** What a caller already took from the fields (the prefilter needs both): not worked out twice. */
export interface ChipIdsAndTitle {
  ids: DecodedEventId;
  title: string | undefined;
}

function readEvent(
  fields: ChipFields,
  now: Date,
  known: ChipIdsAndTitle | undefined,
  locale: string | undefined,
): CalendarEvent | null {
  const id = known ? known.ids : chipIds(fields);
  if (!id) {
    warnOnce('event chip has no readable event id');
    return null;
  }
  const label = squeezeSpaces(fields.label);
  const segments = label.split(LABEL_SEPARATOR).filter(Boolean);
  const title = known ? known.title : chipTitle(fields, locale);
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
  const date = fields.dateKey === undefined ? undefined : (decodeDateKey(fields.dateKey) ?? undefined);
  const when = parseChipWhenText(label, now, { date, locale });
  if (when) {
    event.start = when.start;
    if (when.end !== undefined) event.end = when.end;
    event.allDay = when.allDay;
  } else {
    warnOnce(`event chip: unreadable date/time "${segments[0] ?? ''}"`);
  }
  return event;
}

/**
 * The event a chip's raw strings describe; null (with one warning per problem) when they cannot be
 * understood. Never throws. `locale` is the page's language (pageLocale.ts).
 */
export function eventFromChipFields(
  fields: ChipFields,
  now: Date,
  known?: ChipIdsAndTitle,
  locale?: string,
): CalendarEvent | null {
  return parseSafely('could not read an event chip', () => readEvent(fields, now, known, locale));
}

/** Reads and parses one chip; null (with one warning per problem) when it cannot be understood. Never throws. */
export function parseChip(chip: Element, now: Date, locale?: string): CalendarEvent | null {
  const fields = readChipFields(chip);
  return fields && eventFromChipFields(fields, now, undefined, locale);
}
