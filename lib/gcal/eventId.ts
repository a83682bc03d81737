/**
 * Google Calendar's event ids as they appear in the page (`data-eventid`, `eid=` in URLs, `jslog`).
 * They are base64 (padding stripped, standard or URL-safe alphabet) of
 * `<eventId>[_<instant>] <calendarId>`, with the calendar's domain abbreviated.
 * No Node `Buffer` here: this runs in a content script, so only `atob` and `TextDecoder`.
 */

export interface DecodedEventId {
  /** The full event id, including an instance suffix such as `_20260915T150000Z`. */
  eventId: string;
  /** For an instance of a recurring event: the series' id (the part before `_`). */
  seriesId?: string;
  /** For an instance: `YYYYMMDDTHHMMSSZ` (timed) or `YYYYMMDD` (all-day). */
  instant?: string;
  /** Calendar id with `@m` / `@g` expanded. */
  calendarId?: string;
}

export interface CalendarDate {
  year: number;
  /** 1-based. */
  month: number;
  day: number;
}

// Calendar abbreviates the two most common calendar domains inside eids.
const ABBREVIATED_DOMAINS: Readonly<Record<string, string>> = {
  m: 'gmail.com',
  g: 'group.calendar.google.com',
};

const INSTANCE_SUFFIX = /^(.+)_(\d{8}(?:T\d{6}Z)?)$/;
// Printable ASCII without spaces: rejects the noise that any base64-looking string decodes to.
const PRINTABLE_TOKEN = /^[\x21-\x7e]+$/;

let utf8: TextDecoder | undefined;

function decodeBase64Text(encoded: string): string | null {
  // Calendar writes the standard alphabet without padding: only other spellings need rewriting.
  const standard = /^[A-Za-z0-9+/]+$/.test(encoded)
    ? encoded
    : encoded.trim().replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]+$/.test(standard) || standard.length % 4 === 1) return null;
  const padded = standard + '='.repeat((4 - (standard.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return null;
  }
  // Plain ASCII is its own UTF-8: only other text needs a decoder (one, as it is made per call otherwise).
  if (!/[^\0-\x7f]/.test(binary)) return binary;
  try {
    utf8 ??= new TextDecoder('utf-8', { fatal: true });
    return utf8.decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
}

function expandCalendarId(calendarId: string): string {
  const at = calendarId.lastIndexOf('@');
  if (at < 0) return calendarId;
  const domain = ABBREVIATED_DOMAINS[calendarId.slice(at + 1)];
  return domain ? `${calendarId.slice(0, at + 1)}${domain}` : calendarId;
}

/** Decodes a `data-eventid` / `eid` value; null when it is not an event id. */
export function decodeEventId(eid: string): DecodedEventId | null {
  const text = decodeBase64Text(eid);
  if (text === null) return null;
  const parts = text.split(' ');
  const idPart = parts[0] ?? '';
  const calendarPart = parts[1];
  if (parts.length > 2 || !PRINTABLE_TOKEN.test(idPart)) return null;
  if (calendarPart !== undefined && !(PRINTABLE_TOKEN.test(calendarPart) && calendarPart.includes('@'))) {
    return null;
  }
  const decoded: DecodedEventId = { eventId: idPart };
  const instance = INSTANCE_SUFFIX.exec(idPart);
  if (instance?.[1] && instance[2]) {
    decoded.seriesId = instance[1];
    decoded.instant = instance[2];
  }
  if (calendarPart) decoded.calendarId = expandCalendarId(calendarPart);
  return decoded;
}

/**
 * Reads the event id Calendar sometimes keeps only in a `jslog` attribute (metaist/fix-gcal-meet calls
 * this brittle, so it is a last resort): the first quoted token that decodes to an id with a calendar.
 */
export function eventIdFromJslog(jslog: string): DecodedEventId | null {
  for (const match of jslog.matchAll(/"([A-Za-z0-9+/_-]{16,}={0,2})"/g)) {
    const decoded = match[1] ? decodeEventId(match[1]) : null;
    if (decoded?.calendarId) return decoded;
  }
  return null;
}

/**
 * Unpacks a day column's `data-datekey`: day in bits 0–4, 1-based month in bits 5–8,
 * years since 1970 above (28975 → 2026-09-15). Null for values that are not a real date.
 */
export function decodeDateKey(key: number): CalendarDate | null {
  if (!Number.isInteger(key) || key <= 0) return null;
  const day = key & 0x1f;
  const month = (key >> 5) & 0xf;
  const year = (key >> 9) + 1970;
  if (month < 1 || month > 12 || day < 1) return null;
  if (new Date(year, month - 1, day).getDate() !== day) return null;
  return { year, month, day };
}

/** The inverse of `decodeDateKey`, for building fixtures and matching day columns. */
export function encodeDateKey({ year, month, day }: CalendarDate): number {
  return ((year - 1970) << 9) | (month << 5) | day;
}

/**
 * The raw (still encoded) eid in a Calendar URL: `/r/eventedit/<eid>`, `/r/event?eid=<eid>`,
 * `https://www.google.com/calendar/event?eid=<eid>`. Null when the URL names no event.
 */
export function eidFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, 'https://calendar.google.com/');
  } catch {
    return null;
  }
  const fromQuery = parsed.searchParams.get('eid');
  if (fromQuery) return fromQuery;
  const fromPath = /\/r\/eventedit\/(?:copy\/)?([A-Za-z0-9+/_=-]+)/.exec(parsed.pathname);
  return fromPath?.[1] ? decodeURIComponent(fromPath[1]) : null;
}
