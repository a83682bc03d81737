import { describe, expect, it, vi } from 'vitest';
import { parseChipWhenText, parseWhenText } from '../../../lib/gcal/whenText';
import { NOW, sept } from './loadFixture';

const timed = (startDay: number, sh: number, sm: number, eh: number, em: number, endDay = startDay) => ({
  start: sept(startDay, sh, sm),
  end: sept(endDay, eh, em),
  allDay: false,
});
const MENTORING_SLOT = timed(15, 15, 0, 16, 0);

describe('parseWhenText: popover first line', () => {
  it.each([
    ['en 12h, am/pm written once', 'Tuesday, September 15⋅3:00 – 4:00pm', MENTORING_SLOT],
    ['en 12h, both ends marked', 'Tuesday, September 15⋅10:30am – 12:00pm', timed(15, 10, 30, 12, 0)],
    [
      'en 12h, shared pm flips to am for the start',
      'Tuesday, September 15⋅11:00 – 1:00pm',
      timed(15, 11, 0, 13, 0),
    ],
    ['en 12h, across midnight', 'Tuesday, September 15⋅11:00pm – 1:00am', timed(15, 23, 0, 1, 0, 16)],
    ['en 24h', 'Tuesday, September 15⋅15:00 – 16:00', MENTORING_SLOT],
    ['en-GB day first', 'Tuesday, 15 September⋅15:00 – 16:00', MENTORING_SLOT],
    ['de 24h', 'Dienstag, 15. September⋅15:00–16:00', MENTORING_SLOT],
    ['de with Uhr', 'Dienstag, 15. September⋅15:00 – 16:00 Uhr', MENTORING_SLOT],
    ['fr 24h', 'mardi 15 septembre⋅15:00 – 16:00', MENTORING_SLOT],
    ['fr with h', 'mardi 15 septembre⋅15 h 00 – 16 h 00', MENTORING_SLOT],
    ['es 24h', 'martes, 15 de septiembre⋅15:00 – 16:00', MENTORING_SLOT],
    ['es 12h', 'martes, 15 de septiembre⋅3:00 p. m. – 4:00 p. m.', MENTORING_SLOT],
    ['pt 24h', 'terça-feira, 15 de setembro⋅15:00 – 16:00', MENTORING_SLOT],
    ['pt with até', 'terça-feira, 15 de setembro de 2026⋅15:00 até 16:00', MENTORING_SLOT],
    ['it 24h', 'martedì 15 settembre⋅15:00 – 16:00', MENTORING_SLOT],
    ['it with dalle … alle', 'martedì 15 settembre 2026⋅dalle 15:00 alle 16:00', MENTORING_SLOT],
    ['nl 24h', 'dinsdag 15 september⋅15:00 – 16:00', MENTORING_SLOT],
    ['nl with tot', 'dinsdag 15 september 2026⋅15:00 tot 16:00', MENTORING_SLOT],
    ['ja 24h', '9月15日 (火曜日)⋅15:00～16:00', MENTORING_SLOT],
    ['ja 午後 written once', '9月15日 (火曜日)⋅午後3:00～4:00', MENTORING_SLOT],
    ['ja 午前 to 午後 0時台', '9月15日 (火曜日)⋅午前11:00～午後0:30', timed(15, 11, 0, 12, 30)],
    ['ja 時 form', '9月15日 (火曜日)⋅午後3時～午後4時', MENTORING_SLOT],
    ['ja full-width digits', '９月１５日 (火曜日)⋅１５:００～１６:００', MENTORING_SLOT],
    ['year written', 'Tuesday, September 15, 2026⋅3:00 – 4:00pm', MENTORING_SLOT],
  ])('%s: %s', (_name, text, expected) => {
    expect(parseWhenText(text, NOW)).toEqual(expected);
  });

  it.each([
    ['en', 'Tuesday, September 15'],
    ['de', 'Dienstag, 15. September'],
    ['fr', 'mardi 15 septembre'],
    ['es', 'martes, 15 de septiembre'],
    ['pt', 'terça-feira, 15 de setembro'],
    ['it', 'martedì 15 settembre'],
    ['nl', 'dinsdag 15 september'],
    ['ja', '9月15日 (火曜日)'],
  ])('all-day, %s', (_locale, text) => {
    expect(parseWhenText(text, NOW)).toEqual({ start: sept(15), end: sept(16), allDay: true });
  });

  it.each([
    ['en', 'Wednesday, September 16 – Thursday, September 17'],
    ['de', 'Mittwoch, 16. September – Donnerstag, 17. September'],
    ['fr', 'mercredi 16 septembre – jeudi 17 septembre'],
    ['es', 'miércoles, 16 de septiembre – jueves, 17 de septiembre'],
    ['pt', 'quarta-feira, 16 de setembro – quinta-feira, 17 de setembro'],
    ['it', 'mercoledì 16 settembre – giovedì 17 settembre'],
    ['nl', 'woensdag 16 september – donderdag 17 september'],
    ['ja', '9月16日 (水曜日)～9月17日 (木曜日)'],
    ['en short', 'September 16 – 17'],
  ])('multi-day all-day range, %s', (_locale, text) => {
    // Exclusive end: midnight after the last day.
    expect(parseWhenText(text, NOW)).toEqual({ start: sept(16), end: sept(18), allDay: true });
  });

  it('reads a timed multi-day range', () => {
    expect(parseWhenText('Tuesday, September 15, 10:00pm – Wednesday, September 16, 2:00am', NOW)).toEqual(
      timed(15, 22, 0, 2, 0, 16),
    );
  });

  it('carries a range into the next year', () => {
    expect(parseWhenText('Thursday, December 31 – Saturday, January 2', NOW)).toEqual({
      start: new Date(2026, 11, 31).getTime(),
      end: new Date(2027, 0, 3).getTime(),
      allDay: true,
    });
  });

  it('infers the nearest year and honours a year hint', () => {
    // In early January, "December 30" is the one that just passed.
    const january = new Date(2027, 0, 5, 9, 0);
    expect(parseWhenText('Wednesday, December 30⋅3:00 – 4:00pm', january)?.start).toBe(
      new Date(2026, 11, 30, 15, 0).getTime(),
    );
    expect(parseWhenText('Tuesday, September 15⋅3:00 – 4:00pm', NOW, { year: 2027 })?.start).toBe(
      new Date(2027, 8, 15, 15, 0).getTime(),
    );
  });

  it.each([
    ['pt', '15 de outubro de 2026', 10],
    ['pt', '3 de dezembro de 2026', 12],
    ['it', '3 ottobre 2026', 10],
    ['it', '1 maggio 2026', 5],
    ['it', '2 dicembre 2026', 12],
    ['nl', '3 maart 2026', 3],
    ['nl', '1 mei 2026', 5],
    ['nl', '20 augustus 2026', 8],
  ])('reads %s month names: %s', (_locale, text, month) => {
    expect(new Date(parseWhenText(text, NOW)?.start ?? 0).getMonth() + 1).toBe(month);
  });

  it('does not take English words for the Portuguese short months', () => {
    // "out" (outubro) and "set" (setembro) are left out: "2 out of 3" is no date.
    expect(parseWhenText('Best 2 out of 3', NOW)).toBeNull();
    expect(parseWhenText('Round 3 set', NOW)).toBeNull();
  });

  it('returns null for text without a date', () => {
    expect(parseWhenText('Weekly on Tuesday', NOW)).toBeNull();
    expect(parseWhenText('', NOW)).toBeNull();
    expect(parseWhenText('February 30', NOW)).toBeNull();
  });
});

describe('parseChipWhenText: chip screen-reader line', () => {
  it.each([
    ['en 12h', '3pm to 4pm, Mentoring with Sam, Alex Doe, Accepted, No location, September 15, 2026'],
    ['en 24h', '15:00 to 16:00, Mentoring with Sam, Alex Doe, Accepted, No location, September 15, 2026'],
    ['de', '15:00 bis 16:00, Mentoring mit Sam, Alex Doe, Zugesagt, Kein Ort, 15. September 2026'],
    ['fr', 'De 15:00 à 16:00, Mentorat avec Sam, Alex Doe, Accepté, Aucun lieu, 15 septembre 2026'],
    ['es', 'De 15:00 a 16:00, Mentoría con Sam, Alex Doe, Aceptado, Sin ubicación, 15 de septiembre de 2026'],
    ['pt', '15:00 até 16:00, Mentoria com Sam, Alex Doe, Aceito, Sem local, 15 de setembro de 2026'],
    ['pt with das … às', 'Das 15:00 às 16:00, Mentoria com Sam, Alex Doe, Aceito, 15 de setembro de 2026'],
    ['it', 'Dalle 15:00 alle 16:00, Mentoring con Sam, Alex Doe, Accettato, Nessun luogo, 15 settembre 2026'],
    ['nl', '15:00 tot 16:00, Mentorgesprek met Sam, Alex Doe, Geaccepteerd, Geen locatie, 15 september 2026'],
    ['ja', '15:00～16:00、メンタリング (Sam)、Alex Doe、承諾済み、場所なし、2026年9月15日'],
  ])('%s', (_locale, label) => {
    expect(parseChipWhenText(label, NOW)).toEqual(MENTORING_SLOT);
  });

  it('mixes am and pm ends', () => {
    expect(
      parseChipWhenText(
        '10:30am to 12pm, 1:1 Alex / Jordan, Alex Doe, Accepted, No location, September 17, 2026',
        NOW,
      ),
    ).toEqual(timed(17, 10, 30, 12, 0));
  });

  it.each([
    ['en', 'All day, Offsite planning, Alex Doe, Accepted, No location, September 14, 2026'],
    ['de', 'Ganztägig, Offsite-Planung, Alex Doe, Zugesagt, Kein Ort, 14. September 2026'],
    ['fr', 'Toute la journée, Préparation du séminaire, Alex Doe, Accepté, Aucun lieu, 14 septembre 2026'],
    [
      'es',
      'Todo el día, Planificación del offsite, Alex Doe, Aceptado, Sin ubicación, 14 de septiembre de 2026',
    ],
    ['pt', 'Dia inteiro, Planejamento do offsite, Alex Doe, Aceito, Sem local, 14 de setembro de 2026'],
    [
      'it',
      "Tutto il giorno, Pianificazione dell'offsite, Alex Doe, Accettato, Nessun luogo, 14 settembre 2026",
    ],
    ['nl', 'Hele dag, Offsite-planning, Alex Doe, Geaccepteerd, Geen locatie, 14 september 2026'],
    ['ja', '終日、オフサイト計画、Alex Doe、承諾済み、場所なし、2026年9月14日'],
  ])('all-day, %s', (_locale, label) => {
    expect(parseChipWhenText(label, NOW)).toEqual({ start: sept(14), end: sept(15), allDay: true });
  });

  it('prefers the day column date over text and ignores dates in the title', () => {
    const label = '3pm to 4pm, Review of May 5 notes, Alex Doe, Accepted, No location, September 15, 2026';
    expect(parseChipWhenText(label, NOW)).toEqual(MENTORING_SLOT);
    expect(
      parseChipWhenText('3pm to 4pm, Mentoring with Sam', NOW, { date: { year: 2026, month: 9, day: 15 } }),
    ).toEqual(MENTORING_SLOT);
  });

  it('reads a start-only month chip', () => {
    expect(parseChipWhenText('3pm, Mentoring with Sam, September 15, 2026', NOW)).toEqual({
      start: sept(15, 15, 0),
      allDay: false,
    });
  });

  it('returns null without any date', () => {
    expect(parseChipWhenText('3pm to 4pm, Mentoring with Sam', NOW)).toBeNull();
  });
});

describe('parseChipWhenText: day column versus text', () => {
  it('trusts a full date in the line over a disagreeing day column', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // A datekey read with a 0-based month would say October 15.
    const label = '3pm to 4pm, Mentoring with Sam, Alex Doe, Accepted, No location, September 15, 2026';
    expect(parseChipWhenText(label, NOW, { date: { year: 2026, month: 10, day: 15 } })).toEqual({
      start: sept(15, 15, 0),
      end: sept(15, 16, 0),
      allDay: false,
    });
  });

  it('looks for that date only at the end of the line, where Calendar writes it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const label =
      '3pm to 4pm, Plan the offsite of March 3, 2027, Alex Doe, Accepted, No location, September 15, 2026';
    expect(parseChipWhenText(label, NOW, { date: { year: 2026, month: 9, day: 15 } })).toEqual(
      MENTORING_SLOT,
    );
    // Without a year at the end there is nothing to check the column against.
    const noYear = '3pm to 4pm, Plan the offsite of March 3, 2027, No location, September 15';
    expect(parseChipWhenText(noYear, NOW, { date: { year: 2026, month: 9, day: 15 } })).toEqual(
      MENTORING_SLOT,
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads lines that share their times or their date with earlier ones', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const column = { date: { year: 2026, month: 9, day: 15 } };
    const line = (times: string, date: string) => `${times}, Mentoring with Sam, No location, ${date}`;
    expect(parseChipWhenText(line('3pm to 4pm', 'September 15, 2026'), NOW, column)).toEqual(MENTORING_SLOT);
    // The same line under a column that disagrees: still checked, and the text still wins.
    expect(
      parseChipWhenText(line('3pm to 4pm', 'September 15, 2026'), NOW, { date: { ...column.date, day: 16 } }),
    ).toEqual(MENTORING_SLOT);
    expect(parseChipWhenText(line('10:30am to 12pm', 'September 15, 2026'), NOW, column)).toEqual(
      timed(15, 10, 30, 12, 0),
    );
    expect(
      parseChipWhenText(line('3pm to 4pm', 'September 17, 2026'), NOW, { date: { ...column.date, day: 17 } }),
    ).toEqual(timed(17, 15, 0, 16, 0));
  });
});
