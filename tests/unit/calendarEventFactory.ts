import type { CalendarEvent } from '@/lib/gcal/calendarEvent';
import type { ChipFields } from '@/lib/gcal/chipFields';

const SEPT_15_3PM = new Date(2026, 8, 15, 15, 0).getTime();

/** A calendar event as the content script would report it; override what a test cares about. */
export function calendarEvent(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    eventId: 'evt1',
    title: 'Mentoring with Sam',
    start: SEPT_15_3PM,
    end: SEPT_15_3PM + 60 * 60 * 1000,
    allDay: false,
    guests: [{ email: 'sam.rivera@example.com', name: 'Sam Rivera', response: 'accepted' }],
    declined: false,
    cancelled: false,
    source: 'dialog',
    ...overrides,
  };
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
export { SEPT_15_3PM };

/** `data-eventid` as Calendar writes it: base64 of "<event id> <calendar id>", padding stripped. */
export function encodedEventId(eventId: string, calendarId = 'alex.doe@example.com'): string {
  return btoa(`${eventId} ${calendarId}`).replace(/=+$/, '');
}

/**
 * A week-view chip of "Mentoring with Sam" on September 15, 2026, 3–4pm, as the content script reads
 * it (event `evt1` unless overridden): what `calendar/chips-seen` carries.
 */
export function chipFields(overrides: Partial<ChipFields> = {}): ChipFields {
  return {
    encodedId: encodedEventId('evt1'),
    label: '3pm to 4pm, Mentoring with Sam, Alex Doe, Accepted, No location, September 15, 2026 ',
    shownTexts: ['Mentoring with Sam', '3 – 4pm'],
    dateKey: ((2026 - 1970) << 9) | (9 << 5) | 15,
    ...overrides,
  };
}
