// Languages without a hand table: whenText reads them with the month names and day periods that the
// browser's Intl derives for the page's language (lib/gcal/intlDateWords.ts).
import { describe, expect, it } from 'vitest';
import { isWhenOnlyText, parseChipWhenText, parseWhenText } from '../../../lib/gcal/whenText';
import { NOW, sept } from './loadFixture';

const timed = (startDay: number, sh: number, sm: number, eh: number, em: number, endDay = startDay) => ({
  start: sept(startDay, sh, sm),
  end: sept(endDay, eh, em),
  allDay: false,
});
const MENTORING_SLOT = timed(15, 15, 0, 16, 0);
const ALL_DAY_15 = { start: sept(15), end: sept(16), allDay: true };
const COLUMN_15 = { year: 2026, month: 9, day: 15 };
const AUGUST_17_SLOT = {
  start: new Date(2026, 7, 17, 15).getTime(),
  end: new Date(2026, 7, 17, 16).getTime(),
  allDay: false,
};

describe('parseWhenText in languages without a hand table', () => {
  it.each([
    ['ru', 'вторник, 15 сентября⋅15:00–16:00', MENTORING_SLOT],
    ['ru', 'вторник, 15 сентября 2026 г.⋅15:00 – 16:00', MENTORING_SLOT],
    ['ru', 'вторник, 15 сент.⋅15:00–16:00', MENTORING_SLOT],
    ['pl', 'wtorek, 15 września⋅15:00–16:00', MENTORING_SLOT],
    ['tr', '15 Eylül Salı⋅15:00–16:00', MENTORING_SLOT],
    ['tr', '15 Eylül Salı⋅ÖS 3:00–ÖS 4:00', MENTORING_SLOT],
    ['sv', 'tisdag 15 september⋅3:00–4:00 em', MENTORING_SLOT],
    ['sv', 'onsdag 16 september⋅15:00 – torsdag 17 september⋅09:00', timed(16, 15, 0, 9, 0, 17)],
    ['sv', 'måndag 17 augusti⋅15:00–16:00', AUGUST_17_SLOT],
    ['cs', 'úterý 15. září⋅15:00–16:00', MENTORING_SLOT],
    ['he', 'יום שלישי, 15 בספטמבר⋅15:00–16:00', MENTORING_SLOT],
    ['ar', 'الثلاثاء، 15 سبتمبر⋅3:00 – 4:00 م', MENTORING_SLOT],
    ['ar', 'الخميس، 17 سبتمبر⋅10:30 ص – 12:00 م', timed(17, 10, 30, 12, 0)],
    ['ar-EG (Arabic-Indic digits)', 'الثلاثاء، ١٥ سبتمبر⋅٣:٠٠ – ٤:٠٠ م', MENTORING_SLOT],
    ['zh-TW', '9月15日 星期二⋅下午3:00至4:00', MENTORING_SLOT],
    ['zh-TW', '9月15日 星期二⋅晚上7:00至8:00', timed(15, 19, 0, 20, 0)],
    ['zh-TW', '9月15日 星期二⋅上午11:00至中午12:30', timed(15, 11, 0, 12, 30)],
    ['el', 'Τρίτη 15 Σεπτεμβρίου⋅3:00 – 4:00 μ.μ.', MENTORING_SLOT],
    ['uk', 'вівторок, 15 вересня⋅15:00–16:00', MENTORING_SLOT],
  ])('%s: %s', (name, text, expected) => {
    const locale = name.split(' ')[0] as string;
    expect(parseWhenText(text, NOW, { locale })).toEqual(expected);
  });

  it.each([
    ['ru', 'вторник, 15 сентября'],
    ['pl', 'wtorek, 15 września'],
    ['tr', '15 Eylül Salı'],
    ['cs', 'úterý 15. září'],
    ['he', 'יום שלישי, 15 בספטמבר'],
    ['ar', 'الثلاثاء، 15 سبتمبر'],
  ])('all-day, %s', (locale, text) => {
    expect(parseWhenText(text, NOW, { locale })).toEqual(ALL_DAY_15);
  });

  it.each([
    ['ru', 'среда, 16 сентября – четверг, 17 сентября'],
    ['pl', 'środa, 16 września – czwartek, 17 września'],
    ['he', 'יום רביעי, 16 בספטמבר – יום חמישי, 17 בספטמבר'],
  ])('multi-day all-day range, %s', (locale, text) => {
    expect(parseWhenText(text, NOW, { locale })).toEqual({ start: sept(16), end: sept(18), allDay: true });
  });

  it('still reads the hand-table languages on a page in another language', () => {
    expect(parseWhenText('Tuesday, September 15⋅3:00 – 4:00pm', NOW, { locale: 'ru' })).toEqual(
      MENTORING_SLOT,
    );
    expect(parseWhenText('Dienstag, 15. September⋅15:00–16:00', NOW, { locale: 'ar' })).toEqual(
      MENTORING_SLOT,
    );
  });

  it('reads hand-table languages the same with or without their locale', () => {
    for (const [locale, text] of [
      ['en-US', 'Tuesday, September 15⋅3:00 – 4:00pm'],
      ['de', 'Dienstag, 15. September⋅15:00–16:00'],
      ['pt-BR', 'terça-feira, 15 de setembro⋅15:00 – 16:00'],
      ['ja', '9月15日 (火曜日)⋅午後3:00～4:00'],
    ] as const) {
      expect(parseWhenText(text, NOW, { locale })).toEqual(MENTORING_SLOT);
    }
    // pt short forms stay out even on a pt page: "out" and "set" are English words in titles.
    expect(parseWhenText('Best 2 out of 3', NOW, { locale: 'pt-BR' })).toBeNull();
  });

  it('falls back to the hand tables for a language tag Intl refuses', () => {
    expect(parseWhenText('Tuesday, September 15⋅3:00 – 4:00pm', NOW, { locale: 'not a tag!' })).toEqual(
      MENTORING_SLOT,
    );
  });

  it('does not take a word ending in a day-period letter for the day period', () => {
    // "اليوم" (today) ends with م, the Arabic pm: the time after it stays 3 in the morning.
    expect(parseWhenText('الثلاثاء، 15 سبتمبر⋅اليوم 3:00', NOW, { locale: 'ar' })?.start).toBe(
      sept(15, 3, 0),
    );
  });
});

describe('parseChipWhenText in languages without a hand table', () => {
  it.each([
    ['ru', '15:00–16:00, Менторство с Сэмом, Alex Doe, Принято, Место не указано, 15 сентября 2026 г.'],
    ['ru', 'с 15:00 до 16:00, Менторство с Сэмом, Alex Doe, Принято, Место не указано, 15 сентября 2026 г.'],
    ['pl', '15:00–16:00, Mentoring z Samem, Alex Doe, Zaakceptowano, Brak lokalizacji, 15 września 2026'],
    ['tr', '15:00–16:00, Sam ile mentorluk, Alex Doe, Kabul edildi, Konum yok, 15 Eylül 2026'],
    ['sv', '15:00 till 16:00, Mentorskap med Sam, Alex Doe, Accepterad, Ingen plats, 15 september 2026'],
    ['cs', '15:00 až 16:00, Mentoring se Samem, Alex Doe, Přijato, Bez místa, 15. září 2026'],
    ['he', '15:00 עד 16:00, חונכות עם סאם, Alex Doe, אושר, אין מיקום, 15 בספטמבר 2026'],
    ['ar', '3:00 م إلى 4:00 م، الإرشاد مع سام، Alex Doe، مقبول، بلا موقع، 15 سبتمبر 2026'],
    ['zh-TW', '下午3:00至下午4:00，Mentoring with Sam，Alex Doe，已接受，沒有地點，2026年9月15日'],
  ])('%s, dated by its text (schedule view): %s', (locale, label) => {
    expect(parseChipWhenText(label, NOW, { locale })).toEqual(MENTORING_SLOT);
  });

  it.each([
    ['ar', '3:00 م إلى 4:00 م، الإرشاد مع سام، Alex Doe، 15 سبتمبر 2026', MENTORING_SLOT],
    ['tr', 'ÖS 3:00 - ÖS 4:00, Sam ile mentorluk, 15 Eylül 2026', MENTORING_SLOT],
    ['zh-TW', '晚上7:00至晚上8:00，Mentoring with Sam，2026年9月15日', timed(15, 19, 0, 20, 0)],
    ['sv', '3:00 em till 4:00 em, Mentorskap med Sam, 15 september 2026', MENTORING_SLOT],
  ])('%s, 12-hour times under a day column: %s', (locale, label, expected) => {
    expect(parseChipWhenText(label, NOW, { locale, date: COLUMN_15 })).toEqual(expected);
  });
});

describe('isWhenOnlyText with the page language', () => {
  it.each([
    ['ar', '3:00 م'],
    ['ar', '٣:٠٠ م'],
    ['tr', 'ÖS 3:00'],
    ['sv', '3:00 em'],
    ['cs', '3:00 odp.'],
    ['zh-TW', '晚上7:00'],
    ['el', '3:00 μ.μ.'],
  ])('%s: "%s" is a time, never a title', (locale, text) => {
    expect(isWhenOnlyText(text, locale)).toBe(true);
  });

  it.each([
    ['ar', 'الإرشاد مع سام'],
    ['ar', 'اليوم 3:00'],
    ['tr', 'Sam ile mentorluk 3:00'],
    ['ru', '15:00 Менторство'],
  ])('%s: "%s" is a title', (locale, text) => {
    expect(isWhenOnlyText(text, locale)).toBe(false);
  });
});

describe('the cost of a language without a hand table', () => {
  it('builds its Intl formatters once per page language, never per chip', () => {
    const RealFormat = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = class extends RealFormat {
      constructor(...args: ConstructorParameters<typeof RealFormat>) {
        super(...args);
        built += 1;
      }
    } as typeof RealFormat;
    try {
      // Bulgarian appears in no other test here, so its words are not derived yet.
      for (let chip = 0; chip < 1000; chip += 1) {
        const label = `${10 + (chip % 8)}:00–${11 + (chip % 8)}:00, Среща ${chip}, 15 септември 2026 г.`;
        expect(parseChipWhenText(label, NOW, { locale: 'bg', date: COLUMN_15 })).not.toBeNull();
        isWhenOnlyText(`${chip % 12}:30 ч.`, 'bg');
      }
      expect(parseWhenText('вторник, 15 септември⋅15:00–16:00', NOW, { locale: 'bg' })).toEqual(
        MENTORING_SLOT,
      );
    } finally {
      Intl.DateTimeFormat = RealFormat;
    }
    // Long months, short months, the time format: three formatters for the whole page.
    expect(built).toBe(3);
  });
});
