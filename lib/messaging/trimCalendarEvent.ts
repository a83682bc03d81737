import type { CalendarEvent } from '@/lib/gcal/calendarEvent';
import { MESSAGE_LIMITS } from './limits';

const clip = (text: string | undefined, max: number): string | undefined =>
  text === undefined || text.length <= max ? text : text.slice(0, max);

const fits = (text: string | undefined, max: number): boolean => text === undefined || text.length <= max;

/** Whether every field is within what the background accepts (true of every chip and most dialogs). */
function fitsMessage(event: CalendarEvent): boolean {
  const short = MESSAGE_LIMITS.shortText;
  return (
    fits(event.title, short) &&
    fits(event.calendarId, short) &&
    fits(event.recurrenceText, short) &&
    fits(event.location, short) &&
    fits(event.organizer, short) &&
    fits(event.description, MESSAGE_LIMITS.description) &&
    event.guests.length <= MESSAGE_LIMITS.guests &&
    event.guests.every((guest) => fits(guest.email, short) && fits(guest.name, short))
  );
}

/**
 * Trims what a page shows to what the background accepts, so a huge description still gets a verdict.
 * An event that already fits is returned as it is: a week of chips would otherwise copy every one.
 */
export function trimCalendarEvent(event: CalendarEvent): CalendarEvent {
  if (fitsMessage(event)) return event;
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
