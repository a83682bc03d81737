/**
 * Reads the date and time text Calendar displays (popover first line, chip screen-reader line, edit page
 * inputs) into epoch milliseconds.
 *
 * Time zone: Calendar's own zone setting is not in the DOM, so every time is read in the browser's zone
 * (as every public extension does). When the two differ the instants are off by the difference.
 *
 * Languages: en, de, fr, es, pt, it, nl, ja by small hand tables (date-fns locales would blow the content
 * script's 15 KB budget). Korean and Chinese numeric dates and times (9월 15일 오후 3시, 9月15日 下午3点)
 * too: their month chips draw the time before the title, and it must not be taken for the title.
 *
 * Dates carry no year in the popover; the year comes from a hint (a `data-datekey`) or is the
 * occurrence nearest to `now`.
 */
import type { CalendarDate } from './eventId';
import { parseSafely, warnOnce } from './logOnce';
import { RecentValues } from './recentValues';

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
}

type Meridiem = 'am' | 'pm';
interface ClockTime {
  hour: number;
  minute: number;
  meridiem?: Meridiem;
}
interface ShownDate {
  month: number;
  day: number;
  year?: number;
}
interface WhenHalf {
  date?: ShownDate;
  time?: ClockTime;
  /** A bare day number, as in "September 15 – 17". */
  bareDay?: number;
}

// Month names and abbreviations of every supported UI language; identical spellings agree on the month.
// Left out: "out" and "set" (pt and it short forms of October and September), English words that a
// title would turn into a date ("2 out of 3"); Calendar writes those months in full where it dates events.
const MONTH_NAMES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [
    1,
    [
      'january',
      'jan',
      'januar',
      'jänner',
      'janvier',
      'janv',
      'enero',
      'ene',
      'janeiro',
      'gennaio',
      'gen',
      'januari',
    ],
  ],
  [
    2,
    [
      'february',
      'feb',
      'februar',
      'février',
      'févr',
      'fevrier',
      'febrero',
      'fevereiro',
      'fev',
      'febbraio',
      'februari',
    ],
  ],
  [3, ['march', 'mar', 'märz', 'mär', 'mars', 'marzo', 'março', 'maart', 'mrt']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile']],
  [5, ['may', 'mai', 'mayo', 'maio', 'maggio', 'mag', 'mei']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'junho', 'giugno', 'giu']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'julho', 'luglio', 'lug']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus']],
  [9, ['september', 'sept', 'sep', 'septembre', 'septiembre', 'setiembre', 'setembro', 'settembre', 'sett']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'outubro', 'ottobre', 'ott']],
  [11, ['november', 'nov', 'novembre', 'noviembre']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'déc', 'diciembre', 'dic', 'dezembro', 'dicembre']],
];
const MONTH_BY_NAME = new Map<string, number>(
  MONTH_NAMES.flatMap(([month, names]) => names.map((name) => [name, month] as const)),
);
const MONTH_ALTERNATION = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|');

// Full weekday names are dropped before reading dates: "mar." (martes) would otherwise read as March.
const WEEKDAY_NAMES = [
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday',
  'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag',
  'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche',
  'lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo',
  'segunda-feira|terça-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira',
  'lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica',
  'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag',
  '[月火水木金土日]曜日',
].join('|');
/**
 * One of `words` as a whole word, opening a pattern (group 1). `(?<!\p{L})` in front would be tried at
 * every position of the text; behind the word, looking back over it (`\1`), it runs only where a word
 * matched: the same matches, several times faster. `normalize` lower-cases, so no pattern needs `i`.
 */
const wholeWord = (words: string) => `(${words})(?<=(?<!\\p{L})\\1)(?!\\p{L})`;
const WEEKDAY_PATTERN = new RegExp(wholeWord(WEEKDAY_NAMES), 'gu');

const MONTH = `(${MONTH_ALTERNATION})(?!\\p{L})\\.?`;
const NOT_AFTER_DIGIT = '(?<!\\d)';
/** Date patterns; when several match, the earliest in the text wins, then the earlier pattern. */
const DATE_PATTERNS: ReadonlyArray<{ pattern: RegExp; read: (m: RegExpExecArray) => ShownDate | null }> = [
  {
    // ja and zh: 2026年9月15日, 9月15日; ko: 2026년 9월 15일
    pattern: /(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/u,
    read: (m) => shownDate(m[2], m[3], m[1]),
  },
  {
    // es: 15 de septiembre (de 2026)
    pattern: new RegExp(`${NOT_AFTER_DIGIT}(\\d{1,2})\\s+de\\s+${MONTH}(?:\\s+de\\s+(\\d{4}))?`, 'u'),
    read: (m) => shownDate(monthNumber(m[2]), m[1], m[3]),
  },
  {
    // de: 15. September (2026)
    pattern: new RegExp(`${NOT_AFTER_DIGIT}(\\d{1,2})\\.\\s*${MONTH}(?:\\s+(\\d{4}))?`, 'u'),
    read: (m) => shownDate(monthNumber(m[2]), m[1], m[3]),
  },
  {
    // fr (and en-GB): 15 septembre (2026), 1er septembre
    pattern: new RegExp(`${NOT_AFTER_DIGIT}(\\d{1,2})(?:er)?\\s+${MONTH}(?:\\s+(\\d{4}))?`, 'u'),
    read: (m) => shownDate(monthNumber(m[2]), m[1], m[3]),
  },
  {
    // en: September 15(, 2026)
    pattern: new RegExp(
      `${wholeWord(MONTH_ALTERNATION)}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4}))?`,
      'u',
    ),
    read: (m) => shownDate(monthNumber(m[1]), m[2], m[3]),
  },
];

// "3:00", "15:00", "3pm", "3:00 p. m.", "午後3:00", "15時30分", "3時", "15 h 30", "15 Uhr"; Korean and
// Chinese write the meridiem first too: "오후 3시 30분", "오후 3:30", "下午3点", "下午3:30".
const TIME_PATTERN =
  /(午前|午後|오전|오후|上午|下午)?\s*(?<!\d)(\d{1,2})(?:\s*(?::|時|시|点|點|h)\s*(\d{2})\s*[分분]?)?\s*(時|시|点|點|uhr)?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?(?!\d)/gu;
/** Meridiem words written before the time that mean "morning" (the others mean "afternoon"). */
const MORNING_PREFIXES = new Set(['午前', '오전', '上午']);

/** Separators between the two ends of a range. */
const RANGE_SEPARATOR = /\s*[–—−~〜～至]\s*|\s+-\s+|\s+(?:to|until|bis|à|au|a|hasta|até|às|alle|tot)\s+/u;

/** Words Calendar writes instead of a time for all-day events. */
const ALL_DAY_WORDS =
  /^(?:all day|all-day|ganztägig|toute la journée|todo el día|dia inteiro|o dia todo|tutto il giorno|hele dag|終日|종일|하루 종일|全天)$/iu;

function monthNumber(name: string | undefined): string | undefined {
  const month = name ? MONTH_BY_NAME.get(name.toLowerCase()) : undefined;
  return month === undefined ? undefined : String(month);
}

function shownDate(month?: string, day?: string, year?: string): ShownDate | null {
  if (!month || !day) return null;
  const date: ShownDate = { month: Number(month), day: Number(day) };
  if (year) date.year = Number(year);
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return null;
  return date;
}

/** Compatibility forms (full-width digits, odd spaces) folded, lower case, weekdays and brackets dropped. */
function normalize(text: string): string {
  // NFKC costs more than the rest together and changes nothing in plain ASCII, what most lines are.
  // İ would lower-case to i and a combining dot, which is no letter: ı keeps a letter in its place.
  const folded = /[^\0-\x7f]/.test(text)
    ? text
        .normalize('NFKC')
        .replace(/[\u00a0\u202f\u2009]/g, ' ')
        .replace(/İ/g, 'ı')
    : text;
  return folded
    .toLowerCase()
    .replace(WEEKDAY_PATTERN, ' ')
    .replace(/[()（）]/g, ' ');
}

/** The first (earliest) date in `text`, and the text with it removed. */
function takeDate(text: string): { date?: ShownDate; rest: string } {
  let best: { index: number; length: number; date: ShownDate } | undefined;
  for (const { pattern, read } of DATE_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const date = read(match);
    if (date && (!best || match.index < best.index))
      best = { index: match.index, length: match[0].length, date };
  }
  if (!best) return { rest: text };
  return { date: best.date, rest: `${text.slice(0, best.index)} ${text.slice(best.index + best.length)}` };
}

function readMeridiem(marker: string | undefined): Meridiem | undefined {
  if (!marker) return undefined;
  if (MORNING_PREFIXES.has(marker) || marker.toLowerCase().startsWith('a')) return 'am';
  return 'pm';
}

function takeTime(text: string): ClockTime | undefined {
  // exec rather than matchAll, which copies the pattern on every call.
  TIME_PATTERN.lastIndex = 0;
  for (let match = TIME_PATTERN.exec(text); match; match = TIME_PATTERN.exec(text)) {
    const [, prefix, hourText, minuteText, unit, suffix] = match;
    const meridiem = readMeridiem(prefix) ?? readMeridiem(suffix);
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

function readHalf(text: string): WhenHalf {
  const { date, rest } = takeDate(text);
  const half: WhenHalf = {};
  if (date) half.date = date;
  const time = takeTime(rest);
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
    const [firstText, secondText] = splitRange(normalize(text));
    const first = readHalf(firstText);
    const second = secondText === undefined ? undefined : readHalf(secondText);
    if (!first.date && !hint.date) return null;
    return combine(first, second, now, hint);
  });
}

/** A clock range without a date, e.g. "3pm to 4pm" or "15:00 bis 16:00"; minutes after midnight. */
function parseTimeRange(text: string): { start: ClockTime; end?: ClockTime } | null {
  const [firstText, secondText] = splitRange(normalize(text));
  const start = takeTime(firstText);
  if (!start) return null;
  const end = secondText === undefined ? undefined : takeTime(secondText);
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
    );
    if (cut < 0) return text;
  }
  return text.slice(cut + 1);
}

/** The last date written in normalized `text` (a chip line ends with the date, its title may contain others). */
function lastDateIn(text: string): ShownDate | undefined {
  let rest = text;
  let last: ShownDate | undefined;
  for (let guard = 0; guard < 8; guard += 1) {
    const { date, rest: remaining } = takeDate(rest);
    if (!date) break;
    last = date;
    rest = remaining;
  }
  return last;
}

/** The last date in `tail`, if it holds a year-like number (else no date there can have a year). */
function yearDateIn(tail: string): ShownDate | undefined {
  const text = normalize(tail);
  return /\d{4}/.test(text) ? lastDateIn(text) : undefined;
}

function parseChipTimes(firstSegment: string): ReturnType<typeof parseTimeRange> {
  return ALL_DAY_WORDS.test(firstSegment) ? null : parseTimeRange(firstSegment);
}

// A week's hundreds of chips repeat a few dozen time ranges and seven dates: each is read once.
const recentTimeRanges = new RecentValues<string, ReturnType<typeof parseTimeRange>>(200);
const recentTailDates = new RecentValues<string, ShownDate | undefined>(200);

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
    const comma = label.search(/[,，、]/);
    const firstSegment = (comma < 0 ? label : label.slice(0, comma)).trim();
    // A chip line ends with its date ("…, September 15, 2026" ends two segments). Only a year there can
    // overrule a day column, so with one only that tail is searched, and only if it holds a year.
    const shown = hint.date
      ? recentTailDates.remember(lastSegments(label, 2), yearDateIn)
      : lastDateIn(normalize(label));
    let date = hint.date ?? datedFromText(shown, now, hint.year);
    // One public extension reads the datekey's month as 0-based: when the line names a full date that
    // disagrees with the column, the date the user reads wins.
    if (hint.date && shown?.year !== undefined && !sameDate(hint.date, { ...shown, year: shown.year })) {
      warnOnce('chip date text disagrees with its day column; using the text');
      date = { year: shown.year, month: shown.month, day: shown.day };
    }
    if (!date) return null;
    const range = recentTimeRanges.remember(firstSegment, parseChipTimes);
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
export function isWhenOnlyText(text: string): boolean {
  const trimmed = text.trim();
  if (ALL_DAY_WORDS.test(trimmed)) return true;
  if (!/\d/.test(trimmed)) return false;
  const rest = normalize(trimmed).replace(TIME_PATTERN, ' ').replace(RANGE_WORDS, ' ');
  return !/\p{L}/u.test(rest);
}
