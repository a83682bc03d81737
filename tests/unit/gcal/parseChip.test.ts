import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CalendarEvent } from '../../../lib/gcal/calendarEvent';
import { readChipFields } from '../../../lib/gcal/chipFields';
import { resetWarnings } from '../../../lib/gcal/logOnce';
import { pageLocale } from '../../../lib/gcal/pageLocale';
import { findChips, isEventChip, parseChip } from '../../../lib/gcal/parseChip';
import { htmlDocument, loadFixture, NOW, sept } from './loadFixture';

const ME = 'alex.doe@example.com';
const TEAM_CALENDAR = 'c_0eng1team2cal3ndar4xyz@group.calendar.google.com';

/** The fixture's chips, read in the page's language as the content script reads them. */
function chipsOf(name: string): (CalendarEvent | null)[] {
  const doc = loadFixture(name);
  return findChips(doc).map((chip) => parseChip(chip, NOW, pageLocale(doc)));
}

const chip = (event: Partial<CalendarEvent> & Pick<CalendarEvent, 'eventId' | 'title'>): CalendarEvent => ({
  calendarId: ME,
  allDay: false,
  guests: [],
  declined: false,
  cancelled: false,
  source: 'chip',
  ...event,
});

// The week every fixture grid shows (September 13–19, 2026), in document order: all-day row first.
const OFFSITE = chip({
  eventId: '0ff51t3d4y2026',
  title: 'Offsite planning',
  start: sept(14),
  end: sept(15),
  allDay: true,
});
const STANDUP_15 = chip({
  eventId: '7st4ndup9q2w3e4r5t6y7u8i9o_20260915T090000Z',
  seriesId: '7st4ndup9q2w3e4r5t6y7u8i9o',
  calendarId: TEAM_CALENDAR,
  title: 'Team standup',
  start: sept(15, 9, 0),
  end: sept(15, 9, 15),
});
const STANDUP_16 = {
  ...STANDUP_15,
  eventId: '7st4ndup9q2w3e4r5t6y7u8i9o_20260916T090000Z',
  start: sept(16, 9, 0),
  end: sept(16, 9, 15),
};
const MENTORING = chip({
  eventId: '4k2j3h5g6f7d8s9a0p1o2i3u4y',
  title: 'Mentoring with Sam',
  start: sept(15, 15, 0),
  end: sept(15, 16, 0),
});
const VENDOR = chip({
  eventId: '5m3nt0rgr4ph1csv3nd0r',
  title: 'Mentor Graphics vendor call',
  start: sept(16, 13, 0),
  end: sept(16, 14, 0),
});
const ONE_ON_ONE = chip({
  eventId: '1o1alexjordan_20260917T103000Z',
  seriesId: '1o1alexjordan',
  title: '1:1 Alex / Jordan',
  start: sept(17, 10, 30),
  end: sept(17, 12, 0),
});
const COMMENTARY = chip({
  eventId: 'c0mm3nt4ryr3v13w2026',
  title: 'Commentary review',
  start: sept(18, 11, 0),
  end: sept(18, 12, 0),
});

beforeEach(() => resetWarnings());

describe('findChips and parseChip', () => {
  // Every one of these fixtures shows the same seven events, each drawn its own way.
  it.each([
    ['week-popover-en.html', 'the week grid'],
    ['week-popover-en-24h.html', 'the same week in 24h English'],
    ['month-popover-en.html', 'stacked month chips'],
    ['month-popover-ko.html', 'month chips that draw 오후 and the time before the title'],
    ['month-popover-zh-CN.html', 'month chips that draw 下午 and the time before the title'],
    ['month-popover-ar.html', 'month chips that draw "3:00 م" before the title (no hand table)'],
  ])('reads every chip of %s: %s', (name) => {
    expect(chipsOf(name)).toEqual([
      OFFSITE,
      STANDUP_15,
      MENTORING,
      STANDUP_16,
      VENDOR,
      ONE_ON_ONE,
      COMMENTARY,
    ]);
  });

  it('gives the grid chip of the popover event the same id as the popover', () => {
    const doc = loadFixture('week-popover-en.html');
    const dialogId = doc.querySelector('#xDetDlg')?.getAttribute('data-eventid');
    const chips = findChips(doc).filter((element) => element.getAttribute('data-eventid') === dialogId);
    expect(chips).toHaveLength(1);
    const [mentoringChip] = chips;
    expect(mentoringChip && parseChip(mentoringChip, NOW)).toEqual(MENTORING);
  });

  it('without the page language, "3:00 م" would be taken for the title', () => {
    const doc = loadFixture('month-popover-ar.html');
    const titles = findChips(doc).map((chip) => parseChip(chip, NOW)?.title);
    expect(titles).toContain('3:00 م');
    expect(titles).not.toContain('Mentoring with Sam');
  });

  it('dates schedule rows, which have no datekey, from their text (agenda-popover-en.html)', () => {
    const doc = loadFixture('agenda-popover-en.html');
    expect(doc.querySelector('[data-datekey]')).toBeNull();
    expect(chipsOf('agenda-popover-en.html')).toEqual([
      OFFSITE,
      STANDUP_15,
      MENTORING,
      STANDUP_16,
      VENDOR,
      ONE_ON_ONE,
      COMMENTARY,
    ]);
  });

  it('reads search results with a URL-safe id (search-popover-en.html)', () => {
    expect(chipsOf('search-popover-en.html')).toEqual([
      MENTORING,
      VENDOR,
      chip({
        eventId: 'mc~c1rcl3~0922',
        title: 'Mentoring circle',
        start: sept(22, 18, 0),
        end: sept(22, 19, 0),
      }),
    ]);
  });

  it('reads the year view day list (year-popover-en.html)', () => {
    expect(chipsOf('year-popover-en.html')).toEqual([STANDUP_15, MENTORING]);
  });

  it('marks the chip the user declined (week-popover-declined-en.html)', () => {
    const lee = chipsOf('week-popover-declined-en.html').find(
      (event) => event?.title === 'Coaching session with Lee',
    );
    expect(lee).toEqual(
      chip({
        eventId: 'c0ach1ngl33s3ss10n',
        title: 'Coaching session with Lee',
        start: sept(18, 14, 0),
        end: sept(18, 15, 0),
        declined: true,
      }),
    );
  });

  it('marks a cancelled chip by its title', () => {
    const cancelled = chipsOf('week-popover-cancelled-en.html').find((event) => event?.cancelled);
    expect(cancelled?.eventId).toBe('pr1yam3nt0rsync');
  });

  it.each([
    ['de', 'week-popover-de.html', 'Mentoring mit Sam', 'Offsite-Planung', 'Team-Standup'],
    ['fr', 'week-popover-fr.html', 'Mentorat avec Sam', 'Préparation du séminaire', "Point d'équipe"],
    [
      'es',
      'week-popover-es.html',
      'Mentoría con Sam',
      'Planificación del offsite',
      'Reunión diaria del equipo',
    ],
    ['pt', 'week-popover-pt.html', 'Mentoria com Sam', 'Planejamento do offsite', 'Reunião diária da equipe'],
    [
      'it',
      'week-popover-it.html',
      'Mentoring con Sam',
      "Pianificazione dell'offsite",
      'Riunione giornaliera del team',
    ],
    [
      'nl',
      'week-popover-nl.html',
      'Mentorgesprek met Sam',
      'Offsite-planning',
      'Dagelijkse stand-up van het team',
    ],
    ['ja', 'week-popover-ja.html', 'メンタリング (Sam)', 'オフサイト計画', 'チーム朝会'],
    ['ru', 'week-popover-ru.html', 'Mentoring with Sam', 'Планирование выезда', 'Ежедневная планёрка'],
  ])('reads %s chips (24h)', (locale, name, mentoring, offsite, standup) => {
    const calendarId = locale === 'ja' ? 'alex.doe@gmail.com' : ME;
    const own = (event: CalendarEvent): CalendarEvent => ({ ...event, calendarId });
    expect(chipsOf(name)).toEqual([
      own({ ...OFFSITE, title: offsite }),
      { ...STANDUP_15, title: standup },
      own({ ...MENTORING, title: mentoring }),
      { ...STANDUP_16, title: standup },
      own(VENDOR),
      own(ONE_ON_ONE),
      own(COMMENTARY),
    ]);
  });

  it('skips the draft chip of a create dialog, which has no event id', () => {
    const doc = loadFixture('create-quick-dialog-en.html');
    expect(doc.querySelector('[data-draft="true"]')).not.toBeNull();
    expect(findChips(doc)).toHaveLength(7);
  });

  it('finds no chips in an unknown future DOM', () => {
    expect(findChips(loadFixture('unknown-future-dom.html'))).toEqual([]);
  });

  it('returns outermost chips only, also when the search starts inside a chip', () => {
    const doc = htmlDocument(
      '<div id="grid">' +
        '<div id="a" data-eventchip data-eventid="YQ"><div id="a-inner" data-eventchip data-eventid="YQ"><span id="deep" data-eventchip data-eventid="YQ"></span></div></div>' +
        '<div id="b" data-eventchip data-eventid="Yg"><div id="b-inner" data-eventchip data-eventid="Yg"></div></div>' +
        '<div id="c" data-eventchip data-eventid="Yw"></div>' +
        '</div>',
    );
    expect(findChips(doc).map((chip) => chip.id)).toEqual(['a', 'b', 'c']);
    expect(findChips(doc.getElementById('a-inner') as Element)).toEqual([]);
  });
});

describe('isEventChip', () => {
  it('tells a chip from the details popover, which carries an event id too', () => {
    const doc = loadFixture('week-popover-en.html');
    const dialog = doc.getElementById('xDetDlg');
    const [chip] = findChips(doc);
    expect(dialog?.hasAttribute('data-eventid')).toBe(true);
    expect(dialog && isEventChip(dialog)).toBe(false);
    expect(chip && isEventChip(chip)).toBe(true);
  });
});

describe('chips that lost a hook', () => {
  it('finds a grid chip without data-eventchip by its role and event id, and never the details popover', () => {
    const eventId = btoa('4k2j3h5g6f7d8s9a0p1o2i3u4y alex.doe@example.com').replace(/=+$/, '');
    const doc = htmlDocument(
      `<div role="gridcell" data-datekey="28975"><div role="button" data-eventid="${eventId}">` +
        '<div>3pm to 4pm, Mentoring with Sam, Alex Doe, Accepted, No location, September 15, 2026</div>' +
        '<div aria-hidden="true"><span>Mentoring with Sam</span><span>3 – 4pm</span></div></div></div>' +
        `<div id="xDetDlg" role="dialog" data-eventid="${eventId}"><div role="button">Close</div></div>`,
    );
    const chips = findChips(doc);
    expect(chips).toHaveLength(1);
    expect(chips[0] && parseChip(chips[0], NOW)).toMatchObject({
      eventId: '4k2j3h5g6f7d8s9a0p1o2i3u4y',
      title: 'Mentoring with Sam',
      start: sept(15, 15, 0),
      end: sept(15, 16, 0),
    });
  });
});

describe('readChipFields', () => {
  it('keeps what is heard and what is drawn apart in one walk, wherever the visible part sits', () => {
    const doc = htmlDocument(
      '<div role="gridcell" data-datekey="28975"><div><div data-eventchip data-eventid="YQ" jslog="35463; track:JIbuQc">' +
        '<div class="wrap"><span>3pm to 4pm,</span> <span>Mentoring with Sam</span>' +
        '<div aria-hidden="true"><div><span>Mentoring with Sam</span></div><div>3 – 4pm</div></div></div>' +
        '<div aria-hidden="true">a second hidden part, ignored</div>' +
        '</div></div></div>',
    );
    const [chip] = findChips(doc);
    expect(chip && readChipFields(chip)).toEqual({
      encodedId: 'YQ',
      label: '3pm to 4pm,   Mentoring with Sam ',
      shownTexts: ['Mentoring with Sam', '3 – 4pm'],
      dateKey: 28975,
    });
  });
});

describe('parseChip fallbacks', () => {
  const parse = (html: string): CalendarEvent | null => {
    const doc = htmlDocument(html);
    const [first] = findChips(doc);
    if (!first) throw new Error('no chip');
    return parseChip(first, NOW);
  };
  const EID = 'NGsyajNoNWc2ZjdkOHM5YTBwMW8yaTN1NHkgYWxleC5kb2VAZXhhbXBsZS5jb20';

  it('takes the title from the screen-reader line when there is no visible part', () => {
    expect(
      parse(
        `<div role="gridcell" data-datekey="28975"><div role="button" data-eventchip data-eventid="${EID}">3pm to 4pm, Mentoring with Sam, Alex Doe, Accepted, No location, September 15, 2026</div></div>`,
      ),
    ).toEqual(MENTORING);
  });

  it('reads an aria-label and the id from jslog', () => {
    expect(
      parse(
        `<div role="gridcell" data-datekey="28975"><div data-eventchip data-eventid="garbage" jslog='35463; 1:["${EID}"]' aria-label="3pm to 4pm, Mentoring with Sam, Alex Doe, Accepted, No location, September 15, 2026"><div aria-hidden="true"><span>3 – 4pm</span><span>Mentoring with Sam</span></div></div></div>`,
      ),
    ).toEqual(MENTORING);
  });

  it('returns null with one warning for a chip without a readable id', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const html = '<div role="button" data-eventchip data-eventid="!!">3pm to 4pm, Mentoring with Sam</div>';
    expect(parse(html)).toBeNull();
    expect(parse(html)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('reads a chip again when its text changes (the times and dates read are remembered by text)', () => {
    const doc = htmlDocument(
      `<div role="gridcell" data-datekey="28975"><div role="button" data-eventchip data-eventid="${EID}"><div>3pm to 4pm, Mentoring with Sam, Alex Doe, Accepted, No location, September 15, 2026</div><div aria-hidden="true"><span>Mentoring with Sam</span><span>3 – 4pm</span></div></div></div>`,
    );
    const [element] = findChips(doc);
    if (!element) throw new Error('no chip');
    expect(parseChip(element, NOW)).toEqual(MENTORING);
    const [line, title] = [element.firstElementChild, element.querySelector('span')];
    if (!line || !title) throw new Error('chip markup changed');
    line.textContent =
      '4pm to 5:30pm, Mentoring with Sam (moved), Alex Doe, Declined, No location, September 15, 2026';
    title.textContent = 'Mentoring with Sam (moved)';
    expect(parseChip(element, NOW)).toEqual({
      ...MENTORING,
      title: 'Mentoring with Sam (moved)',
      start: sept(15, 16, 0),
      end: sept(15, 17, 30),
      declined: true,
    });
    // Moved to the next day column: the column dates it, the line's date (now disagreeing) wins.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    element.parentElement?.setAttribute('data-datekey', '28976');
    expect(parseChip(element, NOW)?.start).toBe(sept(15, 16, 0));
    line.textContent =
      '4pm to 5:30pm, Mentoring with Sam (moved), Alex Doe, Declined, No location, September 16, 2026';
    expect(parseChip(element, NOW)?.start).toBe(sept(16, 16, 0));
  });

  it('keeps a chip whose time it cannot read, without times', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(
      parse(
        `<div role="button" data-eventchip data-eventid="${EID}"><div aria-hidden="true">Mentoring with Sam</div></div>`,
      ),
    ).toEqual(chip({ eventId: MENTORING.eventId, title: 'Mentoring with Sam' }));
  });
});
