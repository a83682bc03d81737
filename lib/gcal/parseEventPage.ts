/**
 * The full event page: the edit page (`/calendar/u/N/r/eventedit/<eid>`) and the event view
 * (`…/r/event?eid=…`). A create page (`data-is-create="true"`) is not an event yet and yields null.
 */
import type { CalendarEvent } from './calendarEvent';
import { queryFirst, rowBesideSections, squeezeSpaces, textLines } from './domQuery';
import { decodeEventId, eidFromUrl } from './eventId';
import { findEventId } from './findEventId';
import { parseSafely, warnOnce } from './logOnce';
import { findMeetCode } from './meetCode';
import type { InsertionSlot } from './parseEventDialog';
import { parseGuests } from './parseGuests';
import { isCancelledTitle, rsvpChoiceFromText } from './responseWords';
import {
  DIALOG_RSVP_CHOSEN,
  EVENT_PAGE_ALL_DAY,
  EVENT_PAGE_CALENDAR,
  EVENT_PAGE_CONFERENCE,
  EVENT_PAGE_CREATE,
  EVENT_PAGE_DESCRIPTION,
  EVENT_PAGE_END_DATE,
  EVENT_PAGE_END_TIME,
  EVENT_PAGE_EXISTING,
  EVENT_PAGE_GUESTS,
  EVENT_PAGE_LOCATION,
  EVENT_PAGE_SAVE,
  EVENT_PAGE_START_DATE,
  EVENT_PAGE_START_TIME,
  EVENT_PAGE_TITLE,
  type SelectorList,
} from './selectors';
import { parseWhenText } from './whenText';

const MEET_CODE_IN_TEXT = /meet\.google\.com\/([a-z]{3}-[a-z]{4}-[a-z]{3})/;

/** The form of an existing event, or null on create pages and other views. */
function existingEventForm(doc: ParentNode): Element | null {
  if (queryFirst(doc, EVENT_PAGE_CREATE)) return null;
  return queryFirst(doc, EVENT_PAGE_EXISTING);
}

type FormControl = HTMLInputElement | HTMLTextAreaElement;

/** By tag name, not `instanceof`: content scripts and fixtures may hand us nodes from another realm. */
function asFormControl(element: Element | null): FormControl | null {
  const tag = element?.tagName.toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' ? (element as FormControl) : null;
}

/** What a field shows: an input's current value (what the user typed), else its text. */
function fieldValue(field: Element | null): string | undefined {
  if (!field) return undefined;
  const control = asFormControl(field) ?? asFormControl(field.querySelector('input, textarea'));
  if (control) {
    const value = control.value || control.getAttribute('data-initial-value') || '';
    return squeezeSpaces(value) || undefined;
  }
  const initial = field.getAttribute('data-initial-value');
  if (initial) return squeezeSpaces(initial);
  return textLines(field).join('\n') || undefined;
}

function fieldText(form: Element, selectors: SelectorList): string | undefined {
  return fieldValue(queryFirst(form, selectors));
}

/** Multi-line fields keep their lines (descriptions); inputs have none. */
function multilineText(form: Element, selectors: SelectorList): string | undefined {
  const field = queryFirst(form, selectors);
  if (!field) return undefined;
  const textarea = asFormControl(
    field.tagName.toUpperCase() === 'TEXTAREA' ? field : field.querySelector('textarea'),
  );
  if (textarea) return textarea.value.trim() || undefined;
  const lines = textLines(field);
  return lines.length > 0 ? lines.join('\n') : undefined;
}

function isChecked(form: Element, selectors: SelectorList): boolean {
  const box = queryFirst(form, selectors);
  if (!box) return false;
  const control = asFormControl(box);
  if (control && 'checked' in control) return control.checked;
  return box.getAttribute('aria-checked') === 'true';
}

/** Start and end from the date/time fields, read as one range text in the display language. */
function readWhen(
  form: Element,
  now: Date,
  allDay: boolean,
  locale: string | undefined,
): ReturnType<typeof parseWhenText> {
  const startDate = fieldText(form, EVENT_PAGE_START_DATE);
  if (!startDate) return null;
  const endDate = fieldText(form, EVENT_PAGE_END_DATE);
  const startTime = allDay ? undefined : fieldText(form, EVENT_PAGE_START_TIME);
  const endTime = allDay ? undefined : fieldText(form, EVENT_PAGE_END_TIME);
  const start = [startDate, startTime].filter(Boolean).join(' ');
  const end = [endDate, endTime].filter(Boolean).join(' ');
  return parseWhenText(end ? `${start} – ${end}` : start, now, { locale });
}

function readPage(doc: ParentNode, url: string, now: Date, locale: string | undefined): CalendarEvent | null {
  const form = existingEventForm(doc);
  if (!form) return null;
  const eid = eidFromUrl(url);
  const id = (eid ? decodeEventId(eid) : null) ?? findEventId(form);
  if (!id) {
    warnOnce('event page has no readable event id');
    return null;
  }
  const title = fieldText(form, EVENT_PAGE_TITLE);
  if (title === undefined) {
    warnOnce('event page has no title field');
    return null;
  }
  const event: CalendarEvent = {
    eventId: id.eventId,
    title,
    allDay: false,
    guests: [],
    declined: false,
    cancelled: isCancelledTitle(title),
    source: 'event-page',
  };
  if (id.seriesId) event.seriesId = id.seriesId;
  if (id.calendarId) event.calendarId = id.calendarId;

  const when = readWhen(form, now, isChecked(form, EVENT_PAGE_ALL_DAY), locale);
  if (when) {
    event.start = when.start;
    if (when.end !== undefined) event.end = when.end;
    event.allDay = when.allDay;
  }

  const location = fieldText(form, EVENT_PAGE_LOCATION);
  if (location) event.location = location;
  const description = multilineText(form, EVENT_PAGE_DESCRIPTION);
  if (description) event.description = description;

  event.guests = parseGuests(queryFirst(form, EVENT_PAGE_GUESTS) ?? form);
  const organizerGuest = event.guests.find((guest) => guest.organizer);
  const calendarName = fieldText(form, EVENT_PAGE_CALENDAR);
  if (organizerGuest) event.organizer = organizerGuest.email;
  else if (calendarName) event.organizer = calendarName;

  const conference = queryFirst(form, EVENT_PAGE_CONFERENCE);
  const meetCode =
    findMeetCode(conference ?? form) ??
    MEET_CODE_IN_TEXT.exec(conference?.textContent ?? '')?.[1] ??
    findMeetCode(form);
  if (meetCode) event.meetCode = meetCode;

  const chosen = queryFirst(form, DIALOG_RSVP_CHOSEN);
  const chosenResponse = chosen
    ? rsvpChoiceFromText(chosen.getAttribute('data-rsvp-response') ?? squeezeSpaces(chosen.textContent ?? ''))
    : undefined;
  const ownRow = event.guests.find((guest) => guest.email === id.calendarId?.toLowerCase());
  event.declined = (chosenResponse ?? ownRow?.response) === 'declined';
  return event;
}

/**
 * Reads the event page for `url`; null on create pages, other views, or a page it cannot understand
 * (then with one warning). Never throws. `locale` is the page's language (pageLocale.ts).
 */
export function parseEventPage(
  doc: ParentNode,
  url: string,
  now: Date,
  locale?: string,
): CalendarEvent | null {
  return parseSafely('could not read the event page', () => readPage(doc, url, now, locale));
}

/** Where a button goes on the event page: after the title row, else before the save button. */
export function findEventPagePrepSlot(doc: ParentNode): InsertionSlot | null {
  return parseSafely('could not find a place for the prep button on the event page', () => {
    const form = existingEventForm(doc);
    if (!form) return null;
    const title = queryFirst(form, EVENT_PAGE_TITLE);
    if (title) {
      const sections = [EVENT_PAGE_START_DATE, EVENT_PAGE_DESCRIPTION, EVENT_PAGE_LOCATION, EVENT_PAGE_GUESTS]
        .map((selectors) => queryFirst(form, selectors))
        .filter((section): section is Element => section !== null);
      const row = rowBesideSections(form, title, sections);
      if (row?.parentElement) return { parent: row.parentElement, before: row.nextSibling };
    }
    const save = queryFirst(doc, EVENT_PAGE_SAVE);
    if (save?.parentElement) return { parent: save.parentElement, before: save };
    return { parent: form, before: form.firstChild };
  });
}
