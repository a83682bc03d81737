/**
 * The words and patterns whenText.ts reads dates and times with. Hand tables cover en, de, fr, es, pt,
 * it, nl, ja and the numeric ko/zh forms (date-fns locales would blow the content script's 15 KB
 * budget). A page in another language adds the month names and day periods its browser's Intl writes
 * (intlDateWords.ts): built once per language, when first asked for, never per text.
 */
import { intlDateWords, type Meridiem } from './intlDateWords';

export type { Meridiem };

export interface ShownDate {
  month: number;
  day: number;
  year?: number;
}

interface DatePattern {
  pattern: RegExp;
  read: (match: RegExpExecArray) => ShownDate | null;
}

export interface WhenVocabulary {
  /** Date patterns; when several match, the earliest in the text wins, then the earlier pattern. */
  dates: readonly DatePattern[];
  /** Groups: day period before the time, hour, minutes, unit (時, Uhr), day period after it. */
  time: RegExp;
  /** Day-period words Intl added to the hand tables', folded as `foldText` folds them. */
  dayPeriods: ReadonlyMap<string, Meridiem>;
}

/**
 * Month names and abbreviations of every hand-table language, January to December, space-separated;
 * identical spellings agree on the month.
 */
const HAND_MONTHS = [
  'january jan januar jänner janvier janv enero ene janeiro gennaio gen januari',
  'february feb februar février févr fevrier febrero fevereiro fev febbraio februari',
  'march mar märz mär mars marzo março maart mrt',
  'april apr avril avr abril abr aprile',
  'may mai mayo maio maggio mag mei',
  'june jun juni juin junio junho giugno giu',
  'july jul juli juillet juil julio julho luglio lug',
  'august aug août aout agosto ago augustus',
  'september sept sep septembre septiembre setiembre setembro settembre sett',
  'october oct oktober okt octobre octubre outubro ottobre ott',
  'november nov novembre noviembre',
  'december dec dezember dez décembre déc diciembre dic dezembro dicembre',
];
const HAND_MONTH_BY_NAME = new Map<string, number>(
  HAND_MONTHS.flatMap((names, index) => names.split(' ').map((name) => [name, index + 1] as const)),
);
// Left out, also when Intl offers them: "out" and "set" (pt and it short forms of October and September),
// English words that a title would turn into a date ("2 out of 3"); Calendar writes those months in full
// where it dates events.
const NOT_MONTHS = new Set(['out', 'set']);

/**
 * Weekday names, dropped before dates are read: "mar." (martes) would otherwise read as March. Hand
 * tables only: of the ~75 languages Intl knows, one has a weekday name holding a month name (Welsh
 * "dydd Mawrth"), and not where a date pattern would read it.
 */
const HAND_WEEKDAYS = [
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
 * Day periods written before the time (ja, ko, zh) that mean "morning" (the others mean "afternoon");
 * the a.m./p.m. forms after it are told apart by their first letter.
 */
export const MORNING_PREFIXES = new Set(['午前', '오전', '上午']);
/** A day-period word the hand tables read already. */
const HAND_DAY_PERIOD = /^(?:午前|午後|오전|오후|上午|下午|[ap]\.?\s?m)$/;

/**
 * One of `words` as a whole word, opening a pattern (group 1). `(?<!\p{L})` in front would be tried at
 * every position of the text; behind the word, looking back over it (`\1`), it runs only where a word
 * matched: the same matches, several times faster. Texts are folded to lower case, so no pattern needs `i`.
 */
export const wholeWord = (words: string) => `(${words})(?<=(?<!\\p{L})\\1)(?!\\p{L})`;

export const WEEKDAY_PATTERN = new RegExp(wholeWord(HAND_WEEKDAYS), 'gu');

const escapeRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const longestFirst = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
/** Intl writes abbreviations with their dot ("сент.", "odp."); the patterns accept one after any word. */
const withoutDot = (word: string) => (word.endsWith('.') ? word.slice(0, -1) : word);

/** Compatibility forms (full-width digits, odd spaces, Arabic digits) folded, lower case: how texts and words compare. */
export function foldText(text: string): string {
  // NFKC costs more than the rest together and changes nothing in plain ASCII, what most lines are.
  const folded = /[^\0-\x7f]/.test(text)
    ? text
        .normalize('NFKC')
        .replace(/[\u00a0\u202f\u2009]/g, ' ')
        // İ would lower-case to i and a combining dot, which is no letter: ı keeps a letter in its place.
        .replace(/İ/g, 'ı')
        // Arabic-Indic (ar-EG) and Persian digits read as ASCII ones: each block starts at a multiple of 16.
        .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) & 15))
    : text;
  return folded.toLowerCase();
}

function shownDate(month?: number, day?: string, year?: string): ShownDate | null {
  if (!month || !day) return null;
  const date: ShownDate = { month, day: Number(day) };
  if (year) date.year = Number(year);
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) return null;
  return date;
}

const NOT_AFTER_DIGIT = '(?<!\\d)';

function datePatterns(monthByName: ReadonlyMap<string, number>): DatePattern[] {
  const months = longestFirst(monthByName.keys());
  const month = `(${months})(?!\\p{L})\\.?`;
  const monthNumber = (name: string | undefined) => (name ? monthByName.get(name) : undefined);
  const dayFirst = (m: RegExpExecArray) => shownDate(monthNumber(m[2]), m[1], m[3]);
  return [
    {
      // ja and zh: 2026年9月15日, 9月15日; ko: 2026년 9월 15일
      pattern: /(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]/u,
      read: (m) => shownDate(Number(m[2]), m[3], m[1]),
    },
    {
      // es: 15 de septiembre (de 2026)
      pattern: new RegExp(`${NOT_AFTER_DIGIT}(\\d{1,2})\\s+de\\s+${month}(?:\\s+de\\s+(\\d{4}))?`, 'u'),
      read: dayFirst,
    },
    {
      // de and cs: 15. September (2026)
      pattern: new RegExp(`${NOT_AFTER_DIGIT}(\\d{1,2})\\.\\s*${month}(?:\\s+(\\d{4}))?`, 'u'),
      read: dayFirst,
    },
    {
      // fr (and en-GB, ru, pl, tr, he, ar…): 15 septembre (2026), 1er septembre
      pattern: new RegExp(`${NOT_AFTER_DIGIT}(\\d{1,2})(?:er)?\\s+${month}(?:\\s+(\\d{4}))?`, 'u'),
      read: dayFirst,
    },
    {
      // en (and hu): September 15(, 2026)
      pattern: new RegExp(
        `${wholeWord(months)}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4}))?`,
        'u',
      ),
      read: (m) => shownDate(monthNumber(m[1]), m[2], m[3]),
    },
  ];
}

/**
 * "3:00", "15:00", "3pm", "3:00 p. m.", "午後3:00", "15時30分", "3時", "15 h 30", "15 Uhr"; Korean and
 * Chinese write the day period first too: "오후 3시 30분", "오후 3:30", "下午3点", "下午3:30".
 * `periods` adds Intl's day-period words ("|م|…"), on either side of the time.
 */
function timePattern(periods: string): RegExp {
  return new RegExp(
    `(午前|午後|오전|오후|上午|下午${periods})?\\s*(?<!\\d)(\\d{1,2})(?:\\s*(?::|時|시|点|點|h)\\s*(\\d{2})\\s*[分분]?)?\\s*(時|시|点|點|uhr)?\\s*(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?${periods})?(?!\\d)`,
    'gu',
  );
}

/** Chinese, Japanese and Korean write words without spaces: "晚上7:00" has no word boundary to test. */
const UNSPACED = /^[\p{sc=Han}\p{sc=Hangul}\p{sc=Hiragana}\p{sc=Katakana}]/u;

/** Alternatives for `timePattern`: a word of a spaced script only as a whole word ("اليوم 3:00" is no pm). */
function periodAlternatives(words: readonly string[]): string {
  let alternatives = '';
  for (const word of words) {
    const literal = escapeRegExp(word);
    alternatives += UNSPACED.test(word)
      ? `|${literal}`
      : `|${literal}(?<=(?<!\\p{L})${literal})(?!\\p{L})\\.?`;
  }
  return alternatives;
}

/** `addedPeriods`: day-period words beyond the hand tables', folded. */
function compile(
  monthByName: ReadonlyMap<string, number>,
  addedPeriods: ReadonlyArray<readonly [string, Meridiem]>,
): WhenVocabulary {
  return {
    dates: datePatterns(monthByName),
    time: timePattern(periodAlternatives(addedPeriods.map(([word]) => word))),
    dayPeriods: new Map(addedPeriods),
  };
}

const HAND_TABLES = compile(HAND_MONTH_BY_NAME, []);

/** The hand tables plus what Intl writes for `locale` (for en, de, … nothing they lack). */
function withIntlWords(locale: string): WhenVocabulary {
  let words: ReturnType<typeof intlDateWords>;
  try {
    words = intlDateWords(locale);
  } catch {
    // A tag Intl refuses: the page is read as if its language were unknown.
    return HAND_TABLES;
  }
  const monthByName = new Map(HAND_MONTH_BY_NAME);
  for (const [name, month] of words.months) {
    const key = withoutDot(foldText(name));
    // A spelling the hand tables know keeps their month.
    if (!NOT_MONTHS.has(key) && !monthByName.has(key)) monthByName.set(key, month);
  }
  const addedPeriods = words.dayPeriods
    .map(([word, meridiem]) => [withoutDot(foldText(word)), meridiem] as const)
    .filter(([word]) => !HAND_DAY_PERIOD.test(word));
  return compile(monthByName, addedPeriods);
}

const byLocale = new Map<string, WhenVocabulary>();

/** What dates and times in `locale` (a BCP 47 tag such as the page's `<html lang>`) are read with. */
export function whenVocabulary(locale?: string): WhenVocabulary {
  if (!locale) return HAND_TABLES;
  let vocabulary = byLocale.get(locale);
  if (!vocabulary) {
    vocabulary = withIntlWords(locale);
    byLocale.set(locale, vocabulary);
  }
  return vocabulary;
}
