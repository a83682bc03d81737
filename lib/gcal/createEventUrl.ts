/**
 * Google Calendar's own "create event" page, pre-filled: the user reviews and saves it there, so
 * Four Ps needs no API key, no OAuth and no network request of its own.
 */
export interface NewCalendarEvent {
  title: string;
  /** Epoch ms. */
  start: number;
  /** Epoch ms; after `start`. */
  end: number;
  details?: string;
  /** Guests to invite (the mentoring partner). */
  guests?: readonly string[];
}

const CREATE_PAGE = 'https://calendar.google.com/calendar/render';

/** Calendar's compact UTC form, `YYYYMMDDTHHMMSSZ`, which it reads in any time zone. */
export function calendarUtcStamp(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

export function createEventUrl(event: NewCalendarEvent): string {
  const end = event.end > event.start ? event.end : event.start + 60 * 60 * 1000;
  const params: [string, string][] = [
    ['action', 'TEMPLATE'],
    ['text', event.title],
    ['dates', `${calendarUtcStamp(event.start)}/${calendarUtcStamp(end)}`],
  ];
  if (event.details) params.push(['details', event.details]);
  const guests = (event.guests ?? []).map((g) => g.trim()).filter((g) => g !== '');
  if (guests.length > 0) params.push(['add', guests.join(',')]);
  // The dates keep their slash unescaped, as Calendar's own links write them; everything else is encoded.
  const query = params
    .map(([key, value]) => `${key}=${key === 'dates' ? value : encodeURIComponent(value)}`)
    .join('&');
  return `${CREATE_PAGE}?${query}`;
}
