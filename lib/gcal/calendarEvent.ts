/**
 * A Google Calendar event as read from the page, reduced to plain data.
 * Everything here comes from the DOM alone (no API), so most fields are optional:
 * a grid chip knows far less than the details dialog.
 */
export type GuestResponse = 'accepted' | 'declined' | 'tentative' | 'needsAction' | 'unknown';

export interface CalendarGuest {
  email: string;
  name?: string;
  response: GuestResponse;
  organizer?: boolean;
}

/** Where on the page an event was read; richer sources win when stored data is merged. */
export type CalendarEventSource = 'chip' | 'dialog' | 'event-page';

export interface CalendarEvent {
  /** Decoded event id, including the `_YYYYMMDDTHHMMSSZ` suffix of a recurring instance. */
  eventId: string;
  /** For a recurring instance, the event id before `_`; absent for single events. */
  seriesId?: string;
  /** Calendar id with abbreviations expanded (`@m` → `@gmail.com`, `@g` → `@group.calendar.google.com`). */
  calendarId?: string;
  title: string;
  /** Epoch milliseconds. Shown times are read in the browser's time zone (Calendar's own zone is not in the DOM). */
  start?: number;
  end?: number;
  allDay: boolean;
  recurrenceText?: string;
  location?: string;
  guests: CalendarGuest[];
  organizer?: string;
  description?: string;
  /** Google Meet code such as `abc-defg-hij`, from the event's Meet link. */
  meetCode?: string;
  /** The signed-in user declined the event. */
  declined: boolean;
  cancelled: boolean;
  source: CalendarEventSource;
}
