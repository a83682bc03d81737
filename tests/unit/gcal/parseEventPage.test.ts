import { beforeEach, describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../../lib/gcal/calendarEvent';
import { resetWarnings } from '../../../lib/gcal/logOnce';
import { findEventPagePrepSlot, parseEventPage } from '../../../lib/gcal/parseEventPage';
import { loadFixture, NOW, sept } from './loadFixture';

const ME = 'alex.doe@example.com';
const EID = 'NGsyajNoNWc2ZjdkOHM5YTBwMW8yaTN1NHkgYWxleC5kb2VAZXhhbXBsZS5jb20';
const EDIT_URL = `https://calendar.google.com/calendar/u/0/r/eventedit/${EID}`;

const MENTORING_PAGE: CalendarEvent = {
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
  source: 'event-page',
};

beforeEach(() => resetWarnings());

function inputIn(doc: Document, selector: string): HTMLInputElement {
  const element = doc.querySelector(selector);
  if (element?.tagName !== 'INPUT') throw new Error(`fixture has no input at ${selector}`);
  return element as HTMLInputElement;
}

describe('parseEventPage (event-edit-page-en.html)', () => {
  it('parses the edit page of an existing event', () => {
    expect(parseEventPage(loadFixture('event-edit-page-en.html'), EDIT_URL, NOW)).toEqual(MENTORING_PAGE);
  });

  it('reads the id from an r/event?eid= URL, and gives up without any eid', () => {
    const doc = loadFixture('event-edit-page-en.html');
    expect(
      parseEventPage(doc, `https://calendar.google.com/calendar/u/0/r/event?eid=${EID}`, NOW)?.eventId,
    ).toBe(MENTORING_PAGE.eventId);
    // Without an eid anywhere the page cannot be tied to an event.
    expect(parseEventPage(doc, 'https://calendar.google.com/calendar/u/0/r/eventedit', NOW)).toBeNull();
  });

  it('reads what the user typed over the initial value', () => {
    const doc = loadFixture('event-edit-page-en.html');
    inputIn(doc, '#xTiIn').value = 'Mentoring with Sam (moved)';
    expect(parseEventPage(doc, EDIT_URL, NOW)?.title).toBe('Mentoring with Sam (moved)');
  });

  it('reads an all-day event from the checkbox and dates', () => {
    const doc = loadFixture('event-edit-page-en.html');
    inputIn(doc, '#xAlDaCbx').checked = true;
    inputIn(doc, '#xEnDaIn input').value = 'Sep 16, 2026';
    expect(parseEventPage(doc, EDIT_URL, NOW)).toMatchObject({
      start: sept(15),
      end: sept(17),
      allDay: true,
    });
  });

  it('places the prep button after the title row', () => {
    const doc = loadFixture('event-edit-page-en.html');
    const slot = findEventPagePrepSlot(doc);
    expect(slot).not.toBeNull();
    const titleRow = slot?.before?.previousSibling;
    expect(titleRow instanceof Element && titleRow.querySelector('#xTiIn')).toBeTruthy();
    expect(slot?.parent.closest('[data-is-create="false"]')).not.toBeNull();
  });
});

describe('pages that are not an existing event', () => {
  it('returns null on a create page', () => {
    const doc = loadFixture('event-edit-page-en.html');
    doc.querySelector('[data-is-create]')?.setAttribute('data-is-create', 'true');
    expect(parseEventPage(doc, 'https://calendar.google.com/calendar/u/0/r/eventedit', NOW)).toBeNull();
    expect(findEventPagePrepSlot(doc)).toBeNull();
  });

  it.each(['week-popover-en.html', 'create-quick-dialog-en.html', 'unknown-future-dom.html'])(
    'returns null on %s',
    (name) => {
      const doc = loadFixture(name);
      expect(parseEventPage(doc, EDIT_URL, NOW)).toBeNull();
      expect(findEventPagePrepSlot(doc)).toBeNull();
    },
  );
});
