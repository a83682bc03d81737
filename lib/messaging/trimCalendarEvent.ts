import type { CalendarEvent } from '@/lib/gcal/calendarEvent';
import { MESSAGE_LIMITS } from './limits';

const clip = (text: string | undefined, max: number): string | undefined =>
  text === undefined || text.length <= max ? text : text.slice(0, max);

/** Trims what a page shows to what the background accepts, so a huge description still gets a verdict. */
export function trimCalendarEvent(event: CalendarEvent): CalendarEvent {
  const short = MESSAGE_LIMITS.shortText;
  return {
    ...event,
    title: clip(event.title, short) ?? '',
    calendarId: clip(event.calendarId, short),
    recurrenceText: clip(event.recurrenceText, short),
    location: clip(event.location, short),
    organizer: clip(event.organizer, short),
    description: clip(event.description, MESSAGE_LIMITS.description),
    guests: event.guests.slice(0, MESSAGE_LIMITS.guests).map((guest) => ({
      ...guest,
      email: clip(guest.email, short) ?? '',
      name: clip(guest.name, short),
    })),
  };
}
