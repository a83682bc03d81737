/**
 * The event-details popover (`#xDetDlg`) that opens from a chip in the day, week, month, year,
 * schedule and search views: finding it, reading it, and telling injecting code where a button goes.
 */
import type { CalendarEvent, GuestResponse } from './calendarEvent';
import { findChips } from './chipFields';
import {
  matchesAny,
  queryAllUnique,
  queryFirst,
  rowBesideSections,
  squeezeSpaces,
  textLines,
} from './domQuery';
import { findEventId } from './findEventId';
import { parseSafely, warnOnce } from './logOnce';
import { findMeetCode } from './meetCode';
import { parseGuests } from './parseGuests';
import { isCancelledTitle, rsvpChoiceFromText } from './responseWords';
import {
  ANY_DIALOG,
  CANCELLED_MARKERS,
  CREATE_EVENT_MARKERS,
  DIALOG_ACTION_BUTTONS,
  DIALOG_CALENDAR,
  DIALOG_DESCRIPTION,
  DIALOG_GUESTS,
  DIALOG_LOCATION,
  DIALOG_RSVP_CHOSEN,
  DIALOG_TITLE,
  DIALOG_WHEN,
  EVENT_DIALOG,
  MEET_LINK,
  RSVP_RESPONSE_ATTRIBUTES,
} from './selectors';
import { parseWhenText } from './whenText';

/** Where injected UI goes: `parent.insertBefore(button, before)`. */
export interface InsertionSlot {
  parent: Element;
  before: Node | null;
}

/**
 * True when `root` is, or contains, a "create event" form (quick-create dialog or create page):
 * those have an editable title and a save button, and must never be taken for an existing event.
 */
export function isCreateEventDialog(root: ParentNode): boolean {
  return (
    parseSafely('could not check for a create-event dialog', () => {
      // nodeType, not instanceof: nodes may come from another realm (content-script worlds, iframes).
      if ((root as Node).nodeType === 1 && matchesAny(root as Element, CREATE_EVENT_MARKERS)) return true;
      return queryFirst(root, CREATE_EVENT_MARKERS) !== null;
    }) ?? false
  );
}

/**
 * Whether a just-added element could have brought or changed a details dialog (it is one, holds one,
 * or sits inside one). Looks only at the element and its ancestors and descendants, never the page.
 */
export function touchesEventDialog(element: Element): boolean {
  return element.closest(ANY_DIALOG) !== null || element.querySelector(ANY_DIALOG) !== null;
}

/**
 * A dialog listing several events (a month day's "+N more" list): it holds event chips, which one
 * event's details never do. Read as details it would pass for its first chip's event, titled with the
 * day's heading.
 */
function isEventList(dialog: Element): boolean {
  return findChips(dialog).length > 0;
}

/** The open details popover under `root`, or null (none open, or only a create dialog or an event list). */
export function findEventDialog(root: ParentNode): Element | null {
  return parseSafely('could not look for the event details dialog', () => {
    const candidates = queryAllUnique(root, EVENT_DIALOG);
    return candidates.find((candidate) => !isCreateEventDialog(candidate) && !isEventList(candidate)) ?? null;
  });
}

function linesOf(dialog: Element, selectors: readonly string[]): string[] {
  const element = queryFirst(dialog, selectors);
  return element ? textLines(element) : [];
}

/** The user's own answer from the pressed RSVP choice, when the popover offers one. */
function chosenRsvp(dialog: Element): GuestResponse | undefined {
  const chosen = queryFirst(dialog, DIALOG_RSVP_CHOSEN);
  if (!chosen) return undefined;
  for (const name of RSVP_RESPONSE_ATTRIBUTES) {
    const value = chosen.getAttribute(name);
    if (value) return rsvpChoiceFromText(value);
  }
  return rsvpChoiceFromText(squeezeSpaces(chosen.textContent ?? ''));
}

function readDialog(dialog: Element, now: Date, locale: string | undefined): CalendarEvent | null {
  const id = findEventId(dialog);
  if (!id) {
    warnOnce('event details dialog has no readable event id');
    return null;
  }
  const titleElement = queryFirst(dialog, DIALOG_TITLE);
  if (!titleElement) {
    warnOnce('event details dialog has no title element');
    return null;
  }
  const title = squeezeSpaces(titleElement.textContent ?? '');
  const event: CalendarEvent = {
    eventId: id.eventId,
    title,
    allDay: false,
    guests: [],
    declined: false,
    cancelled: false,
    source: 'dialog',
  };
  if (id.seriesId) event.seriesId = id.seriesId;
  if (id.calendarId) event.calendarId = id.calendarId;

  const [whenLine, ...recurrenceLines] = linesOf(dialog, DIALOG_WHEN);
  if (whenLine) {
    // The instance suffix dates the event exactly, so its year beats guessing from `now`.
    const instantYear = id.instant ? Number(id.instant.slice(0, 4)) : undefined;
    const when = parseWhenText(whenLine, now, instantYear ? { year: instantYear, locale } : { locale });
    if (when) {
      event.start = when.start;
      if (when.end !== undefined) event.end = when.end;
      event.allDay = when.allDay;
    } else {
      warnOnce(`event details dialog: unreadable date/time "${whenLine}"`);
    }
  }
  if (recurrenceLines.length > 0) event.recurrenceText = recurrenceLines.join(' ');

  const location = linesOf(dialog, DIALOG_LOCATION);
  if (location.length > 0) event.location = location.join(', ');
  const description = linesOf(dialog, DIALOG_DESCRIPTION);
  if (description.length > 0) event.description = description.join('\n');

  const guestList = queryFirst(dialog, DIALOG_GUESTS);
  if (guestList) event.guests = parseGuests(guestList);
  const organizerGuest = event.guests.find((guest) => guest.organizer);
  const calendarLine = linesOf(dialog, DIALOG_CALENDAR)[0];
  if (organizerGuest) event.organizer = organizerGuest.email;
  else if (calendarLine) event.organizer = calendarLine;

  const meetCode = findMeetCode(dialog);
  if (meetCode) event.meetCode = meetCode;

  // The user's answer: the pressed RSVP choice, else their own guest row (their calendar is in the eid).
  const ownRow = event.guests.find((guest) => guest.email === id.calendarId?.toLowerCase());
  const ownResponse = chosenRsvp(dialog) ?? ownRow?.response;
  event.declined = ownResponse === 'declined';
  event.cancelled = isCancelledTitle(title) || queryFirst(dialog, CANCELLED_MARKERS) !== null;
  return event;
}

/**
 * Reads the details popover; null (with one warning) when it cannot be understood. Never throws.
 * `locale` is the page's language (pageLocale.ts), for dates in a language without a hand table.
 */
export function parseEventDialog(dialog: Element, now: Date, locale?: string): CalendarEvent | null {
  return parseSafely('could not read the event details dialog', () => {
    if (isCreateEventDialog(dialog) || isEventList(dialog)) return null;
    return readDialog(dialog, now, locale);
  });
}

/** The title's row: under it go title and time, whatever wrappers Calendar adds around them. */
function titleRowOf(dialog: Element, title: Element): Element | null {
  const sections = [DIALOG_GUESTS, DIALOG_LOCATION, DIALOG_DESCRIPTION, DIALOG_CALENDAR, MEET_LINK]
    .map((selectors) => queryFirst(dialog, selectors))
    .filter((section): section is Element => section !== null);
  return rowBesideSections(dialog, title, sections) ?? title.parentElement;
}

/**
 * Where a button belongs in the popover: right after the title row, else at the start of the
 * popover's own button row, else at the end of the dialog. Injecting code needs no selectors of its own.
 */
export function findPrepButtonSlot(dialog: Element): InsertionSlot | null {
  return parseSafely('could not find a place for the prep button', () => {
    const title = queryFirst(dialog, DIALOG_TITLE);
    const titleRow = title ? titleRowOf(dialog, title) : null;
    if (titleRow?.parentElement && titleRow !== dialog && dialog.contains(titleRow)) {
      return { parent: titleRow.parentElement, before: titleRow.nextSibling };
    }
    const actionButton = queryFirst(dialog, DIALOG_ACTION_BUTTONS);
    const actionRow = actionButton?.parentElement;
    if (actionRow && dialog.contains(actionRow)) return { parent: actionRow, before: actionRow.firstChild };
    return { parent: dialog, before: null };
  });
}
