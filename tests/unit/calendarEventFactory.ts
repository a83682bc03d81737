import type { CalendarEvent } from '@/lib/gcal/calendarEvent';

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
