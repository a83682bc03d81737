// What the browser's Intl gives the date reader for languages without a hand table. Node's full ICU
// (Vitest) and Chromium's carry the same CLDR data for these languages.
import { describe, expect, it } from 'vitest';
import { intlDateWords } from '../../../lib/gcal/intlDateWords';

const monthNamed = (locale: string, name: string) =>
  intlDateWords(locale).months.find(([word]) => word === name)?.[1];

describe('intlDateWords', () => {
  it('has full ICU data for the languages it is tested with', () => {
    const locales = ['ru', 'pl', 'tr', 'sv', 'cs', 'he', 'ar', 'zh-TW', 'uk', 'el'];
    expect(Intl.DateTimeFormat.supportedLocalesOf(locales)).toEqual(locales);
  });

  it.each([
    ['ru', 'сентября', 9],
    ['ru', 'сент.', 9],
    ['pl', 'września', 9],
    ['tr', 'Eylül', 9],
    ['sv', 'augusti', 8],
    ['cs', 'září', 9],
    ['ar', 'سبتمبر', 9],
    ['uk', 'вересня', 9],
  ])('%s: month names as a date writes them (%s)', (locale, name, month) => {
    expect(monthNamed(locale, name)).toBe(month);
  });

  it('keeps a prefix glued to the month (Hebrew "in September")', () => {
    expect(monthNamed('he', 'בספטמבר')).toBe(9);
  });

  it('reads Gregorian month names whatever calendar the language uses by default', () => {
    expect(monthNamed('fa', 'سپتامبر')).toBe(9);
    expect(intlDateWords('fa').months.map(([word]) => word)).not.toContain('شهریور');
  });

  it('leaves numeric months to the hand tables', () => {
    expect(intlDateWords('zh-TW').months).toEqual([]);
    expect(intlDateWords('ko').months).toEqual([]);
    // Czech short months are numbers.
    expect(intlDateWords('cs').months).toHaveLength(12);
  });

  it.each([
    [
      'ar',
      [
        ['ص', 'am'],
        ['م', 'pm'],
      ],
    ],
    [
      'tr',
      [
        ['ÖÖ', 'am'],
        ['ÖS', 'pm'],
      ],
    ],
    [
      'sv',
      [
        ['fm', 'am'],
        ['em', 'pm'],
      ],
    ],
    [
      'cs',
      [
        ['dop.', 'am'],
        ['odp.', 'pm'],
      ],
    ],
  ])('%s: the am/pm words', (locale, expected) => {
    expect(intlDateWords(locale).dayPeriods).toEqual(expected);
  });

  it('zh-TW: the flexible day periods its time format writes, each on its side of noon', () => {
    expect(Object.fromEntries(intlDateWords('zh-TW').dayPeriods)).toEqual({
      凌晨: 'am',
      清晨: 'am',
      上午: 'am',
      中午: 'pm',
      下午: 'pm',
      晚上: 'pm',
    });
  });

  it('throws for a tag Intl refuses (the caller falls back to the hand tables)', () => {
    expect(() => intlDateWords('not a tag!')).toThrow(RangeError);
  });
});
