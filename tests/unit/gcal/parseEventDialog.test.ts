import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CalendarEvent } from '../../../lib/gcal/calendarEvent';
import { resetWarnings } from '../../../lib/gcal/logOnce';
import { pageLocale } from '../../../lib/gcal/pageLocale';
import { findChips, parseChip } from '../../../lib/gcal/parseChip';
import {
  findEventDialog,
  findPrepButtonSlot,
  isCreateEventDialog,
  parseEventDialog,
} from '../../../lib/gcal/parseEventDialog';
import { loadFixture, NOW, sept } from './loadFixture';

const ME = 'alex.doe@example.com';

/** The fixture's details popover, read in the page's language as the content script reads it. */
function parseFixture(name: string): CalendarEvent | null {
  const doc = loadFixture(name);
  const dialog = findEventDialog(doc);
  return dialog ? parseEventDialog(dialog, NOW, pageLocale(doc)) : null;
}

beforeEach(() => resetWarnings());

describe('week-popover-en.html (main demo fixture)', () => {
  it('finds the details dialog and no create dialog', () => {
    const doc = loadFixture('week-popover-en.html');
    expect(findEventDialog(doc)?.id).toBe('xDetDlg');
    expect(isCreateEventDialog(doc)).toBe(false);
  });

  it('parses the mentoring meeting', () => {
    expect(parseFixture('week-popover-en.html')).toEqual({
      eventId: '4k2j3h5g6f7d8s9a0p1o2i3u4y',
      calendarId: ME,
      title: 'Mentoring with Sam',
      start: sept(15, 15, 0),
      end: sept(15, 16, 0),
      allDay: false,
      guests: [
        { email: ME, name: 'Alex Doe', response: 'accepted', organizer: true },
        { email: 'sam.rivera@example.com', name: 'Sam Rivera', response: 'accepted' },
      ],
      organizer: ME,
      description:
        'Monthly mentoring conversation with Sam.\nAgenda: career goals, feedback on the design review.',
      meetCode: 'abc-defg-hij',
      declined: false,
      cancelled: false,
      source: 'dialog',
    } satisfies CalendarEvent);
  });

  it('offers a slot right after the title row, before the Meet section', () => {
    const doc = loadFixture('week-popover-en.html');
    const dialog = findEventDialog(doc);
    if (!dialog) throw new Error('fixture has no dialog');
    const slot = findPrepButtonSlot(dialog);
    expect(slot).not.toBeNull();
    if (!slot) return;
    expect(dialog.contains(slot.parent)).toBe(true);
    const titleRow = slot.before?.previousSibling;
    expect(titleRow instanceof Element && titleRow.querySelector('#rAECCd')).toBeTruthy();

    // A button placed there does not change what is parsed, and a second parse finds the same slot.
    const button = doc.createElement('button');
    button.setAttribute('data-testid', 'fourps-prep-button');
    button.textContent = 'Prep';
    slot.parent.insertBefore(button, slot.before);
    expect(button.nextElementSibling?.querySelector('a[href^="https://meet.google.com/"]')).toBeTruthy();
    expect(parseEventDialog(dialog, NOW)?.title).toBe('Mentoring with Sam');
    expect(parseEventDialog(dialog, NOW)?.description).not.toContain('Prep');
  });
});

describe('week-popover-standup-en.html (non-mentoring)', () => {
  it('parses the standup instance from a group calendar', () => {
    expect(parseFixture('week-popover-standup-en.html')).toEqual({
      eventId: '7st4ndup9q2w3e4r5t6y7u8i9o_20260915T090000Z',
      seriesId: '7st4ndup9q2w3e4r5t6y7u8i9o',
      calendarId: 'c_0eng1team2cal3ndar4xyz@group.calendar.google.com',
      title: 'Team standup',
      start: sept(15, 9, 0),
      end: sept(15, 9, 15),
      allDay: false,
      recurrenceText: 'Weekly on weekdays',
      location: 'Room 4B',
      guests: [
        {
          email: 'priya.natarajan@example.com',
          name: 'Priya Natarajan',
          response: 'accepted',
          organizer: true,
        },
        { email: ME, name: 'Alex Doe', response: 'accepted' },
        { email: 'jordan.lee@example.com', name: 'Jordan Lee', response: 'tentative' },
        { email: 'sam.rivera@example.com', name: 'Sam Rivera', response: 'needsAction' },
      ],
      organizer: 'priya.natarajan@example.com',
      description: 'Daily sync: yesterday, today, blockers.',
      meetCode: 'xyz-abcd-efg',
      declined: false,
      cancelled: false,
      source: 'dialog',
    } satisfies CalendarEvent);
  });
});

describe('robustness', () => {
  it('finds no dialog on a page without one', () => {
    const doc = new DOMParser().parseFromString(
      '<body data-viewfamily="EVENT"><div role="main"></div></body>',
      'text/html',
    );
    expect(findEventDialog(doc)).toBeNull();
  });

  it('returns null, warning once, for a dialog without an event id', () => {
    const doc = new DOMParser().parseFromString(
      '<div id="xDetDlg" role="dialog"><span id="rAECCd" role="heading">Mentoring</span></div>',
      'text/html',
    );
    const dialog = findEventDialog(doc);
    if (!dialog) throw new Error('dialog expected');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(parseEventDialog(dialog, NOW)).toBeNull();
    expect(parseEventDialog(dialog, NOW)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

// Expected results written from each fixture's design (see the first-line comment of each file).
const ALEX_ORGANIZER = { email: ME, name: 'Alex Doe', response: 'accepted', organizer: true } as const;
const MENTORING_DESCRIPTION =
  'Monthly mentoring conversation with Sam.\nAgenda: career goals, feedback on the design review.';
const MENTORING_WITH_SAM: CalendarEvent = {
  eventId: '4k2j3h5g6f7d8s9a0p1o2i3u4y',
  calendarId: ME,
  title: 'Mentoring with Sam',
  start: sept(15, 15, 0),
  end: sept(15, 16, 0),
  allDay: false,
  guests: [ALEX_ORGANIZER, { email: 'sam.rivera@example.com', name: 'Sam Rivera', response: 'accepted' }],
  organizer: ME,
  description: MENTORING_DESCRIPTION,
  meetCode: 'abc-defg-hij',
  declined: false,
  cancelled: false,
  source: 'dialog',
};
const ONE_ON_ONE: CalendarEvent = {
  eventId: '1o1alexjordan_20260917T103000Z',
  seriesId: '1o1alexjordan',
  calendarId: ME,
  title: '1:1 Alex / Jordan',
  start: sept(17, 10, 30),
  end: sept(17, 12, 0),
  allDay: false,
  recurrenceText: 'Weekly on Thursday',
  guests: [ALEX_ORGANIZER, { email: 'jordan.lee@example.com', name: 'Jordan Lee', response: 'accepted' }],
  organizer: ME,
  description: 'Weekly 1:1. Running notes in the shared doc.',
  meetCode: 'jrd-alex-one',
  declined: false,
  cancelled: false,
  source: 'dialog',
};

describe.each<[string, CalendarEvent]>([
  [
    'day-popover-en.html',
    {
      ...MENTORING_WITH_SAM,
      location: 'Café Luna, 12 Main St, Springfield',
      guests: [
        ALEX_ORGANIZER,
        { email: 'sam.rivera@example.com', name: 'Sam Rivera', response: 'needsAction' },
      ],
      meetCode: undefined,
    },
  ],
  ['month-popover-en.html', ONE_ON_ONE],
  ['week-popover-en-24h.html', ONE_ON_ONE],
  ['year-popover-en.html', MENTORING_WITH_SAM],
  [
    'week-popover-recurring-en.html',
    {
      eventId: 'pr1ya5c0ach1ng_20260914T160000Z',
      seriesId: 'pr1ya5c0ach1ng',
      calendarId: ME,
      title: 'Coaching: Alex / Priya',
      start: sept(14, 16, 0),
      end: sept(14, 16, 30),
      allDay: false,
      recurrenceText: 'Weekly on Monday',
      guests: [
        {
          email: 'priya.natarajan@example.com',
          name: 'Priya Natarajan',
          response: 'accepted',
          organizer: true,
        },
        { email: ME, name: 'Alex Doe', response: 'accepted' },
      ],
      organizer: 'priya.natarajan@example.com',
      description: 'Coaching series. Bring one win and one blocker.',
      meetCode: 'prq-coac-hin',
      declined: false,
      cancelled: false,
      source: 'dialog',
    },
  ],
  [
    'agenda-popover-en.html',
    {
      eventId: 'c0mm3nt4ryr3v13w2026',
      calendarId: ME,
      title: 'Commentary review',
      start: sept(18, 11, 0),
      end: sept(18, 12, 0),
      allDay: false,
      location: 'Room 2A',
      guests: [
        {
          email: 'dana.whitfield@example.com',
          name: 'Dana Whitfield',
          response: 'accepted',
          organizer: true,
        },
        { email: ME, name: 'Alex Doe', response: 'tentative' },
      ],
      organizer: 'dana.whitfield@example.com',
      description: 'Review the commentary track for the conference talk.',
      declined: false,
      cancelled: false,
      source: 'dialog',
    },
  ],
  [
    'search-popover-en.html',
    {
      eventId: 'mc~c1rcl3~0922',
      calendarId: ME,
      title: 'Mentoring circle',
      start: sept(22, 18, 0),
      end: sept(22, 19, 0),
      allDay: false,
      location: 'Community room, 3rd floor',
      guests: [
        {
          email: 'priya.natarajan@example.com',
          name: 'Priya Natarajan',
          response: 'accepted',
          organizer: true,
        },
        { email: ME, name: 'Alex Doe', response: 'accepted' },
        { email: 'sam.rivera@example.com', name: 'Sam Rivera', response: 'accepted' },
        { email: 'jordan.lee@example.com', name: 'Jordan Lee', response: 'declined' },
      ],
      organizer: 'priya.natarajan@example.com',
      description: 'Peer mentoring circle. Topic: giving feedback.',
      declined: false,
      cancelled: false,
      source: 'dialog',
    },
  ],
  [
    'week-popover-allday-en.html',
    {
      eventId: 'm3nt0rsumm1t2026',
      calendarId: ME,
      title: 'Mentoring summit',
      // Two all-day dates: end is midnight after the second day.
      start: sept(16),
      end: sept(18),
      allDay: true,
      location: 'Convention Center, Hall B',
      guests: [ALEX_ORGANIZER],
      organizer: ME,
      description: 'Annual mentoring summit. Badge pickup at the north entrance.',
      declined: false,
      cancelled: false,
      source: 'dialog',
    },
  ],
  [
    'week-popover-declined-en.html',
    {
      eventId: 'c0ach1ngl33s3ss10n',
      calendarId: ME,
      title: 'Coaching session with Lee',
      start: sept(18, 14, 0),
      end: sept(18, 15, 0),
      allDay: false,
      guests: [
        { email: 'lee.park@example.com', name: 'Lee Park', response: 'accepted', organizer: true },
        { email: ME, name: 'Alex Doe', response: 'declined' },
      ],
      organizer: 'lee.park@example.com',
      description: 'First coaching session.',
      meetCode: 'lee-park-cch',
      declined: true,
      cancelled: false,
      source: 'dialog',
    },
  ],
  [
    'week-popover-cancelled-en.html',
    {
      eventId: 'pr1yam3nt0rsync',
      calendarId: ME,
      title: 'Canceled: Mentorship sync with Priya',
      start: sept(17, 16, 0),
      end: sept(17, 17, 0),
      allDay: false,
      guests: [
        {
          email: 'priya.natarajan@example.com',
          name: 'Priya Natarajan',
          response: 'accepted',
          organizer: true,
        },
        { email: ME, name: 'Alex Doe', response: 'needsAction' },
      ],
      organizer: 'priya.natarajan@example.com',
      description: 'Moving to next week.',
      declined: false,
      cancelled: true,
      source: 'dialog',
    },
  ],
  [
    'week-popover-nodescription-en.html',
    {
      eventId: 'j0rdanch3ck1n',
      calendarId: ME,
      title: 'Mentee check-in: Jordan',
      start: sept(14, 11, 0),
      end: sept(14, 11, 30),
      allDay: false,
      guests: [ALEX_ORGANIZER, { email: 'jordan.lee@example.com', name: 'Jordan Lee', response: 'accepted' }],
      organizer: ME,
      declined: false,
      cancelled: false,
      source: 'dialog',
    },
  ],
])('%s', (name, expected) => {
  it('parses to the expected event', () => {
    // toEqual treats `meetCode: undefined` in an expectation as "absent".
    expect(parseFixture(name)).toEqual(expected);
  });

  it('has a prep button slot inside the dialog', () => {
    const dialog = findEventDialog(loadFixture(name));
    const slot = dialog && findPrepButtonSlot(dialog);
    expect(slot && dialog?.contains(slot.parent)).toBe(true);
  });
});

describe('week-popover-30guests-en.html', () => {
  it('reads all 30 guests with their responses', () => {
    const event = parseFixture('week-popover-30guests-en.html');
    expect(event).toMatchObject({
      eventId: 'c0h0rtk1ck0ff2026',
      title: 'Mentoring cohort kickoff',
      start: sept(16, 17, 0),
      end: sept(16, 18, 30),
      organizer: ME,
      meetCode: 'coh-ortk-ick',
      declined: false,
    });
    const guests = event?.guests ?? [];
    expect(guests).toHaveLength(30);
    expect(new Set(guests.map((guest) => guest.email)).size).toBe(30);
    expect(guests[0]).toEqual(ALEX_ORGANIZER);
    expect(guests[1]).toEqual({
      email: 'avery.mentee01@example.com',
      name: 'Avery Mentee',
      response: 'accepted',
    });
    expect(guests[29]).toEqual({
      email: 'cam.mentee29@example.com',
      name: 'Cam Mentee',
      response: 'needsAction',
    });
    // 29 mentees cycle accepted, accepted, tentative, needsAction, declined (the 29th lands on needsAction).
    const count = (response: string) => guests.filter((guest) => guest.response === response).length;
    expect([count('accepted'), count('tentative'), count('needsAction'), count('declined')]).toEqual([
      13, 6, 6, 5,
    ]);
  });
});

describe.each([
  [
    'de',
    'week-popover-de.html',
    'Mentoring mit Sam',
    'Raum 4.12, Gebäude B',
    'Monatliches Mentoring-Gespräch mit Sam.',
  ],
  [
    'fr',
    'week-popover-fr.html',
    'Mentorat avec Sam',
    'Salle 4.12, bâtiment B',
    'Entretien de mentorat mensuel avec Sam.',
  ],
  [
    'es',
    'week-popover-es.html',
    'Mentoría con Sam',
    'Sala 4.12, edificio B',
    'Conversación mensual de mentoría con Sam.',
  ],
  [
    'pt',
    'week-popover-pt.html',
    'Mentoria com Sam',
    'Sala 4.12, prédio B',
    'Conversa mensal de mentoria com Sam.',
  ],
  [
    'it',
    'week-popover-it.html',
    'Mentoring con Sam',
    'Sala 4.12, edificio B',
    'Colloquio mensile di mentoring con Sam.',
  ],
  [
    'nl',
    'week-popover-nl.html',
    'Mentorgesprek met Sam',
    'Zaal 4.12, gebouw B',
    'Maandelijks mentorgesprek met Sam.',
  ],
  ['ja', 'week-popover-ja.html', 'メンタリング (Sam)', '会議室 4.12', 'Sam との月例メンタリング。'],
])('locale %s (24h)', (locale, name, title, location, descriptionStart) => {
  it('parses title, 15:00–16:00 on September 15, guests and Meet', () => {
    const me = locale === 'ja' ? 'alex.doe@gmail.com' : ME;
    const event = parseFixture(name);
    expect(event).toMatchObject({
      eventId: '4k2j3h5g6f7d8s9a0p1o2i3u4y',
      calendarId: me,
      title,
      start: sept(15, 15, 0),
      end: sept(15, 16, 0),
      allDay: false,
      location,
      organizer: me,
      meetCode: 'abc-defg-hij',
      declined: false,
      cancelled: false,
      source: 'dialog',
    });
    expect(event?.description?.startsWith(descriptionStart)).toBe(true);
    expect(event?.description?.split('\n')).toHaveLength(2);
    // de, fr, it, nl and ja carry responses only as translated labels: the text fallback must read them.
    expect(event?.guests).toEqual([
      { email: me, name: 'Alex Doe', response: 'accepted', organizer: true },
      { email: 'sam.rivera@example.com', name: 'Sam Rivera', response: 'accepted' },
    ]);
  });
});

describe('dialogs that are not event details', () => {
  it('never takes the quick create dialog for event details', () => {
    const doc = loadFixture('create-quick-dialog-en.html');
    expect(isCreateEventDialog(doc)).toBe(true);
    expect(findEventDialog(doc)).toBeNull();
    const createDialog = doc.querySelector('[role="dialog"]');
    if (!createDialog) throw new Error('fixture has no dialog');
    expect(isCreateEventDialog(createDialog)).toBe(true);
    expect(parseEventDialog(createDialog, NOW)).toBeNull();
  });

  it('finds nothing in an unknown future DOM and throws nothing', () => {
    const doc = loadFixture('unknown-future-dom.html');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(findEventDialog(doc)).toBeNull();
    const renamed = doc.querySelector('[role="dialog"]');
    if (!renamed) throw new Error('fixture has no dialog');
    expect(parseEventDialog(renamed, NOW)).toBeNull();
  });

  it("never takes a day's overflow list (a dialog of chips) for the details of its first event", () => {
    const doc = loadFixture('month-more-events-en.html');
    expect(findEventDialog(doc)).toBeNull();
    const list = doc.querySelector('[data-chips-dialog] [role="dialog"]');
    if (!list) throw new Error('fixture has no overflow list');
    expect(parseEventDialog(list, NOW)).toBeNull();
    // Its chips are chips all the same.
    expect(findChips(list).map((chip) => parseChip(chip, NOW)?.title)).toEqual([
      'Mentoring with Sam',
      'Team standup',
      'Coffee chat',
    ]);
  });
});

describe('locales that write the meridiem before the time', () => {
  it.each(['month-popover-ko.html', 'month-popover-zh-CN.html'])(
    'reads a date and a time written with 오전/오후 or 上午/下午 before it (%s)',
    (name) => {
      expect(parseFixture(name)).toMatchObject({
        eventId: ONE_ON_ONE.eventId,
        title: ONE_ON_ONE.title,
        start: ONE_ON_ONE.start,
        end: ONE_ON_ONE.end,
        allDay: false,
        meetCode: ONE_ON_ONE.meetCode,
      });
    },
  );
});

describe('languages without a hand table (read through Intl)', () => {
  it('week-popover-ru.html: "вторник, 15 сентября⋅15:00–16:00"', () => {
    expect(parseFixture('week-popover-ru.html')).toMatchObject({
      eventId: '4k2j3h5g6f7d8s9a0p1o2i3u4y',
      title: 'Mentoring with Sam',
      start: sept(15, 15, 0),
      end: sept(15, 16, 0),
      allDay: false,
      location: 'Комната 4.12, корпус Б',
      meetCode: 'abc-defg-hij',
    });
  });

  it('month-popover-ar.html: "الخميس، 17 سبتمبر⋅10:30 ص – 12:00 م", right to left', () => {
    expect(parseFixture('month-popover-ar.html')).toMatchObject({
      eventId: ONE_ON_ONE.eventId,
      title: ONE_ON_ONE.title,
      start: ONE_ON_ONE.start,
      end: ONE_ON_ONE.end,
      allDay: false,
      recurrenceText: 'أسبوعيًا يوم الخميس',
      meetCode: ONE_ON_ONE.meetCode,
    });
  });
});
