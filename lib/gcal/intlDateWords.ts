/**
 * The words one language writes in dates and times, as the browser's Intl (CLDR data) writes them: the
 * date reader's fallback for UI languages without a hand table in whenVocabulary.ts, at no bytes per
 * language. Calendar formats its dates from the same CLDR data.
 */

export type Meridiem = 'am' | 'pm';

export interface IntlDateWords {
  /**
   * Long and short month names in the form a date uses (Russian genitive "сентября", not "сентябрь"),
   * with a prefix glued to them kept (Hebrew "בספטמבר", "in September"). Names that open with a digit
   * (Korean "9월") are left to the hand tables' numeric patterns.
   */
  months: [name: string, month: number][];
  /**
   * Words that mark a 12-hour time: the am/pm pair, or the flexible day periods of a language whose time
   * format uses them (zh-TW writes "晚上7:00", "evening 7:00"). A word used on both sides of noon is left out.
   */
  dayPeriods: [word: string, meridiem: Meridiem][];
}

/** Throws a RangeError for a tag Intl does not accept. Builds three formatters: call it once per page. */
export function intlDateWords(locale: string): IntlDateWords {
  // Gregorian, whatever the locale's default: fa and ar-SA pages would otherwise get Persian or Hijri
  // month names. UTC, so no daylight-saving change moves an hour.
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, {
      ...options,
      calendar: 'gregory',
      timeZone: 'UTC',
    });

  const months: IntlDateWords['months'] = [];
  for (const style of ['long', 'short'] as const) {
    const inDate = format({ day: 'numeric', month: style });
    for (let month = 1; month <= 12; month += 1) {
      const parts = inDate.formatToParts(Date.UTC(2026, month - 1, 15));
      const at = parts.findIndex((part) => part.type === 'month');
      const glued = /\p{L}+$/u.exec(parts[at - 1]?.value ?? '')?.[0] ?? '';
      const name = glued + (parts[at]?.value ?? '');
      if (/^\p{L}/u.test(name)) months.push([name, month]);
    }
  }

  // The language's own short time format, made 12-hour: its am/pm words ("م", "ÖS"), or the flexible day
  // periods where that format uses them (zh-TW). null: the word was seen on both sides of noon.
  const time = format({ timeStyle: 'short', hour12: true });
  const halfOf = new Map<string, Meridiem | null>();
  for (let hour = 0; hour < 24; hour += 1) {
    const half = hour < 12 ? 'am' : 'pm';
    for (const part of time.formatToParts(Date.UTC(2026, 8, 15, hour))) {
      if (part.type !== 'dayPeriod') continue;
      const seen = halfOf.get(part.value);
      halfOf.set(part.value, seen === undefined || seen === half ? half : null);
    }
  }
  const dayPeriods = [...halfOf].filter((entry): entry is [string, Meridiem] => entry[1] !== null);
  return { months, dayPeriods };
}
