/**
 * Reads the date and time text Calendar displays (popover first line, chip screen-reader line, edit page
 * inputs) into epoch milliseconds.
 *
 * Time zone: Calendar's own zone setting is not in the DOM, so every time is read in the browser's zone
 * (as every public extension does). When the two differ the instants are off by the difference.
 *
 * Languages: en, de, fr, es, pt, it, nl, ja by small hand tables, Korean and Chinese numeric dates and
 * times (9월 15일 오후 3시, 9月15日 下午3点) too: their month chips draw the time before the title, and it
 * must not be taken for the title. Other languages by the month names and day periods the browser's Intl
 * writes for the page's language (`locale` in the hint): see whenVocabulary.ts.
 *
 * Dates carry no year in the popover; the year comes from a hint (a `data-datekey`) or is the
 * occurrence nearest to `now`.
 */
import type { CalendarDate } from './eventId';
import { parseSafely, warnOnce } from './logOnce';
import { RecentValues } from './recentValues';
import {
  foldText,
  type Meridiem,
  MORNING_PREFIXES,
  type ShownDate,
  WEEKDAY_PATTERN,
  type WhenVocabulary,
  whenVocabulary,
  wholeWord,
} from './whenVocabulary';

export interface ParsedWhen {
  start: number;
  /** Exclusive end; for all-day events midnight after the last day. Absent when only a start is shown. */
  end?: number;
  allDay: boolean;
}

export interface WhenHint {
  /** Year to use for dates shown without one (e.g. from the day column's `data-datekey`). */
  year?: number;
  /** Date to use when the text shows none (chips in a day column show only times). */
  date?: CalendarDate;
  /** The page's language (`<html lang>`): dates in a language without a hand table are read with its words. */
  locale?: string;
}

interface ClockTime {
  hour: number;
  minute: number;
  meridiem?: Meridiem;
}
interface WhenHalf {
  date?: ShownDate;
  time?: ClockTime;
  /** A bare day number, as in "September 15 – 17". */
  bareDay?: number;
}

/** Separators between the two ends of a range. */
const RANGE_SEPARATOR = /\s*[–—−~〜～至]\s*|\s+-\s+|\s+(?:to|until|bis|à|au|a|hasta|até|às|alle|tot)\s+/u;

/** What separates the segments of a chip's screen-reader line; Arabic writes its own comma (،). */
const SEGMENT_SEPARATOR = /[,，、،]/;

/** Words Calendar writes instead of a time for all-day events. */
const ALL_DAY_WORDS =
  /^(?:all day|all-day|ganztägig|toute la journée|todo el día|dia inteiro|o dia todo|tutto il giorno|hele dag|終日|종일|하루 종일|全天)$/iu;

/** Folded (foldText), weekdays and brackets dropped. */
function normalize(text: string): string {
  return foldText(text)
    .replace(WEEKDAY_PATTERN, ' ')
    .replace(/[()（）]/g, ' ');
}

/** The first (earliest) date in `text`, and the text with it removed. */
function takeDate(text: string, words: WhenVocabulary): { date?: ShownDate; rest: string } {
  let best: { index: number; length: number; date: ShownDate } | undefined;
  for (const { pattern, read } of words.dates) {
    const match = pattern.exec(text);
    if (!match) continue;
    const date = read(match);
    if (date && (!best || match.index < best.index))
      best = { index: match.index, length: match[0].length, date };
  }
  if (!best) return { rest: text };
  return { date: best.date, rest: `${text.slice(0, best.index)} ${text.slice(best.index + best.length)}` };
}

function readMeridiem(marker: string | undefined, words: WhenVocabulary): Meridiem | undefined {
  if (!marker) return undefined;
  const added = words.dayPeriods.get(marker.endsWith('.') ? marker.slice(0, -1) : marker);
  return added ?? (MORNING_PREFIXES.has(marker) || marker.startsWith('a') ? 'am' : 'pm');
}

/** The first time in `text` from index `from`; then `words.time.lastIndex` is where it ends. */
function takeTime(text: string, words: WhenVocabulary, from = 0): ClockTime | undefined {
  const pattern = words.time;
  // exec rather than matchAll, which copies the pattern on every call.
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const [, prefix, hourText, minuteText, unit, suffix] = match;
    const meridiem = readMeridiem(prefix, words) ?? readMeridiem(suffix, words);
    // A lone number is no time ("15" of a date): it needs minutes, a unit (時, Uhr) or a meridiem.
    if (minuteText === undefined && unit === undefined && meridiem === undefined) continue;
    const hour = Number(hourText);
    const minute = minuteText === undefined ? 0 : Number(minuteText);
    if (minute > 59 || hour > 24 || (meridiem && hour > 12)) continue;
    const time: ClockTime = { hour, minute };
    if (meridiem) time.meridiem = meridiem;
    return time;
  }
  return undefined;
}

function readHalf(text: string, words: WhenVocabulary): WhenHalf {
  const { date, rest } = takeDate(text, words);
  const half: WhenHalf = {};
  if (date) half.date = date;
  const time = takeTime(rest, words);
  if (time) half.time = time;
  if (!date && !time) {
    const bare = /^\s*(\d{1,2})\s*(?:,?\s*\d{4})?\s*$/.exec(rest);
    if (bare?.[1]) half.bareDay = Number(bare[1]);
  }
  return half;
}

function hour24(time: ClockTime, meridiem: Meridiem | undefined): number {
  if (!meridiem) return time.hour;
  return (time.hour % 12) + (meridiem === 'pm' ? 12 : 0);
}

function minutesOfDay(time: ClockTime, meridiem = time.meridiem): number {
  return hour24(time, meridiem) * 60 + time.minute;
}

const flip = (meridiem: Meridiem): Meridiem => (meridiem === 'am' ? 'pm' : 'am');

/**
 * Hours of both ends in 24h form. Calendar writes am/pm once when both ends share it
 * ("3:00 – 4:00pm", Japanese "午後3:00～4:00"), so the bare end borrows it, flipping when that would
 * make the range run backwards ("11:00 – 1:00pm").
 */
function resolveRange(start: ClockTime, end: ClockTime): [number, number] {
  if (start.meridiem && !end.meridiem) {
    let endMinutes = minutesOfDay(end, start.meridiem);
    if (endMinutes <= minutesOfDay(start)) endMinutes = minutesOfDay(end, flip(start.meridiem));
    return [minutesOfDay(start), endMinutes];
  }
  if (!start.meridiem && end.meridiem) {
    let startMinutes = minutesOfDay(start, end.meridiem);
    if (startMinutes > minutesOfDay(end)) startMinutes = minutesOfDay(start, flip(end.meridiem));
    return [startMinutes, minutesOfDay(end)];
  }
  return [minutesOfDay(start), minutesOfDay(end)];
}

function isRealDate(year: number, month: number, day: number): boolean {
  return new Date(year, month - 1, day).getDate() === day;
}

/** The year for a date shown without one: the hint, else the occurrence nearest to `now`. */
function inferYear(date: ShownDate, now: Date, hintYear?: number): number | null {
  if (date.year !== undefined) return date.year;
  if (hintYear !== undefined) return hintYear;
  let best: { year: number; distance: number } | undefined;
  for (const year of [now.getFullYear() - 1, now.getFullYear(), now.getFullYear() + 1]) {
    if (!isRealDate(year, date.month, date.day)) continue;
    const distance = Math.abs(new Date(year, date.month - 1, date.day).getTime() - now.getTime());
    if (!best || distance < best.distance) best = { year, distance };
  }
  return best ? best.year : null;
}

function toCalendarDate(date: ShownDate, year: number): CalendarDate {
  return { year, month: date.month, day: date.day };
}

function localTime(date: CalendarDate, minutes = 0): number {
  return new Date(date.year, date.month - 1, date.day, Math.floor(minutes / 60), minutes % 60).getTime();
}

function nextDay(date: CalendarDate): number {
  return new Date(date.year, date.month - 1, date.day + 1).getTime();
}

/** Combines the two read halves of a range (the second may be empty) into start/end. */
function combine(
  first: WhenHalf,
  second: WhenHalf | undefined,
  now: Date,
  hint: WhenHint,
): ParsedWhen | null {
  let startDate: CalendarDate | undefined = hint.date;
  if (first.date) {
    const year = inferYear(first.date, now, hint.year ?? hint.date?.year);
    if (year === null) return null;
    startDate = toCalendarDate(first.date, year);
  }
  if (!startDate || !isRealDate(startDate.year, startDate.month, startDate.day)) return null;

  let endDate: CalendarDate | undefined;
  if (second?.date) {
    const shown = second.date;
    let year = shown.year ?? startDate.year;
    // A range into January of the next year ("December 31 – January 2").
    if (
      shown.year === undefined &&
      localTime({ year, month: shown.month, day: shown.day }) < localTime(startDate)
    ) {
      year += 1;
    }
    endDate = toCalendarDate(shown, year);
    if (first.date && first.date.year === undefined && shown.year !== undefined) {
      // "December 30 – January 2, 2027": the year written at the end also dates the start.
      startDate = { ...startDate, year: shown.month < startDate.month ? shown.year - 1 : shown.year };
    }
  } else if (second?.bareDay !== undefined) {
    endDate = { ...startDate, day: second.bareDay };
  }

  const startTime = first.time;
  const endTime = second?.time;
  if (!startTime && !endTime) {
    const lastDay = endDate ?? startDate;
    return { start: localTime(startDate), end: nextDay(lastDay), allDay: true };
  }
  if (!startTime) return null;
  if (!endTime) {
    return { start: localTime(startDate, minutesOfDay(startTime)), allDay: false };
  }
  const [startMinutes, endMinutes] = resolveRange(startTime, endTime);
  const start = localTime(startDate, startMinutes);
  let end = localTime(endDate ?? startDate, endMinutes);
  // A same-day range that runs backwards crosses midnight ("11pm – 1am").
  if (!endDate && end <= start) end = localTime({ ...startDate, day: startDate.day + 1 }, endMinutes);
  return { start, end, allDay: false };
}

function splitRange(text: string): [string, string | undefined] {
  const match = RANGE_SEPARATOR.exec(text);
  if (!match) return [text, undefined];
  return [text.slice(0, match.index), text.slice(match.index + match[0].length)];
}

/**
 * Parses a date/time line such as "Tuesday, September 15⋅3:00 – 4:00pm",
 * "Dienstag, 15. September⋅15:00–16:00", "9月15日 (火曜日)⋅午後3:00～4:00" or an all-day
 * "Tuesday, September 15 – Thursday, September 17". Null when the text holds no recognisable date.
 */
export function parseWhenText(text: string, now: Date, hint: WhenHint = {}): ParsedWhen | null {
  return parseSafely('could not read a date/time text', () => {
    const words = whenVocabulary(hint.locale);
    const [firstText, secondText] = splitRange(normalize(text));
    const first = readHalf(firstText, words);
    const second = secondText === undefined ? undefined : readHalf(secondText, words);
    if (!first.date && !hint.date) return null;
    return combine(first, second, now, hint);
  });
}

/** A clock range without a date, e.g. "3pm to 4pm" or "15:00 bis 16:00"; minutes after midnight. */
function parseTimeRange(text: string, words: WhenVocabulary): { start: ClockTime; end?: ClockTime } | null {
  const [firstText, secondText] = splitRange(normalize(text));
  const start = takeTime(firstText, words);
  if (!start) return null;
  // Joined by a word no table knows ("с 15:00 до 16:00", "3:00 م إلى 4:00 م"): a second time ends it.
  const end =
    secondText === undefined ? takeTime(firstText, words, words.time.lastIndex) : takeTime(secondText, words);
  return end ? { start, end } : { start };
}

/** What follows the `count`-th segment separator from the end of `text` (all of it if it has fewer). */
function lastSegments(text: string, count: number): string {
  let cut = text.length;
  for (let left = count; left > 0; left -= 1) {
    if (cut === 0) return text;
    const before = cut - 1;
    cut = Math.max(
      text.lastIndexOf(',', before),
      text.lastIndexOf('，', before),
      text.lastIndexOf('、', before),
      text.lastIndexOf('،', before),
    );
    if (cut < 0) return text;
  }
  return text.slice(cut + 1);
}

/** The last date written in normalized `text` (a chip line ends with the date, its title may contain others). */
function lastDateIn(text: string, words: WhenVocabulary): ShownDate | undefined {
  let rest = text;
  let last: ShownDate | undefined;
  for (let guard = 0; guard < 8; guard += 1) {
    const { date, rest: remaining } = takeDate(rest, words);
    if (!date) break;
    last = date;
    rest = remaining;
  }
  return last;
}

/** The last date in `tail`, if it holds a year-like number (else no date there can have a year). */
function yearDateIn(tail: string, words: WhenVocabulary): ShownDate | undefined {
  const text = normalize(tail);
  return /\d{4}/.test(text) ? lastDateIn(text, words) : undefined;
}

function parseChipTimes(firstSegment: string, words: WhenVocabulary): ReturnType<typeof parseTimeRange> {
  return ALL_DAY_WORDS.test(firstSegment) ? null : parseTimeRange(firstSegment, words);
}

/**
 * A week's hundreds of chips repeat a few dozen time ranges and seven dates: each is read once. What a
 * text reads as depends on the vocabulary, so the readings start afresh when it changes (a page has one
 * language; only tests switch).
 */
interface ChipReadings {
  words: WhenVocabulary;
  timeRanges: RecentValues<string, ReturnType<typeof parseTimeRange>>;
  tailDates: RecentValues<string, ShownDate | undefined>;
}
let chipReadings: ChipReadings | undefined;

function chipReadingsWith(words: WhenVocabulary): ChipReadings {
  if (chipReadings?.words !== words)
    chipReadings = { words, timeRanges: new RecentValues(200), tailDates: new RecentValues(200) };
  return chipReadings;
}

function datedFromText(shown: ShownDate | undefined, now: Date, hintYear?: number): CalendarDate | undefined {
  if (!shown) return undefined;
  const year = inferYear(shown, now, hintYear);
  return year === null ? undefined : toCalendarDate(shown, year);
}

/**
 * Parses a chip's screen-reader line, e.g. "3pm to 4pm, Mentoring with Sam, Alex Doe, Accepted,
 * No location, September 15, 2026", "15:00 bis 16:00, …, 15. September 2026",
 * "終日、…、2026年9月15日". Times come from the first segment, the date from `hint.date` (the day
 * column, unless the line ends with a full date that disagrees) or else from the last date in the line
 * (schedule view has no day columns).
 */
export function parseChipWhenText(label: string, now: Date, hint: WhenHint = {}): ParsedWhen | null {
  return parseSafely('could not read a chip date/time text', () => {
    const words = whenVocabulary(hint.locale);
    const readings = chipReadingsWith(words);
    const comma = label.search(SEGMENT_SEPARATOR);
    const firstSegment = (comma < 0 ? label : label.slice(0, comma)).trim();
    // A chip line ends with its date ("…, September 15, 2026" ends two segments). Only a year there can
    // overrule a day column, so with one only that tail is searched, and only if it holds a year.
    const shown = hint.date
      ? readings.tailDates.remember(lastSegments(label, 2), (tail) => yearDateIn(tail, words))
      : lastDateIn(normalize(label), words);
    let date = hint.date ?? datedFromText(shown, now, hint.year);
    // One public extension reads the datekey's month as 0-based: when the line names a full date that
    // disagrees with the column, the date the user reads wins.
    if (hint.date && shown?.year !== undefined && !sameDate(hint.date, { ...shown, year: shown.year })) {
      warnOnce('chip date text disagrees with its day column; using the text');
      date = { year: shown.year, month: shown.month, day: shown.day };
    }
    if (!date) return null;
    const range = readings.timeRanges.remember(firstSegment, (segment) => parseChipTimes(segment, words));
    const first: WhenHalf = range ? { time: range.start } : {};
    const second: WhenHalf | undefined = range?.end ? { time: range.end } : undefined;
    return combine(first, second, now, { date });
  });
}

function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

const RANGE_WORDS = new RegExp(
  wholeWord('to|until|bis|uhr|de|à|au|a|hasta|até|às|das|dalle|alle|tot|至'),
  'gu',
);

/**
 * True for text that only shows a time, a time range or "All day" (a chip's visible time line),
 * so it is never taken for the chip's title.
 */
export function isWhenOnlyText(text: string, locale?: string): boolean {
  const trimmed = text.trim();
  if (ALL_DAY_WORDS.test(trimmed)) return true;
  // Titles rarely hold digits: most texts end here. Arabic-Indic digits are folded later.
  if (!/[\d\u0660-\u0669\u06f0-\u06f9]/.test(trimmed)) return false;
  const words = whenVocabulary(locale);
  const rest = normalize(trimmed).replace(words.time, ' ').replace(RANGE_WORDS, ' ');
  return !/\p{L}/u.test(rest);
}
