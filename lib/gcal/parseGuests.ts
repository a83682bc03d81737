/**
 * Guest rows (`[data-email]`) of the details popover and the edit page, reduced to `CalendarGuest`s.
 */
import type { CalendarGuest, GuestResponse } from './calendarEvent';
import { textLines } from './domQuery';
import { mentionsOrganizer, responseFromText } from './responseWords';
import { GUEST_RESPONSE_ATTRIBUTES, GUEST_ROW } from './selectors';

function responseOf(row: Element, lines: readonly string[]): GuestResponse {
  const holders = [
    row,
    ...row.querySelectorAll(GUEST_RESPONSE_ATTRIBUTES.map((name) => `[${name}]`).join(',')),
  ];
  for (const holder of holders) {
    for (const name of GUEST_RESPONSE_ATTRIBUTES) {
      const value = holder.getAttribute(name);
      const response = value ? responseFromText(value) : undefined;
      if (response) return response;
    }
  }
  // Fallback on translated text: the row's label, then its visible lines.
  const labelled = [row, ...row.querySelectorAll('[aria-label],[title]')];
  for (const element of labelled) {
    const label = element.getAttribute('aria-label') ?? element.getAttribute('title');
    const response = label ? responseFromText(label) : undefined;
    if (response) return response;
  }
  for (const line of lines) {
    const response = responseFromText(line);
    if (response) return response;
  }
  return 'unknown';
}

function nameOf(row: Element, email: string, lines: readonly string[]): string | undefined {
  const named = row.getAttribute('data-name');
  if (named) return named;
  return lines.find(
    (line) =>
      line.toLowerCase() !== email &&
      !line.includes('@') &&
      !mentionsOrganizer(line) &&
      responseFromText(line) === undefined,
  );
}

/** Every guest under `container`, once per address, in the order shown. */
export function parseGuests(container: ParentNode): CalendarGuest[] {
  const guests = new Map<string, CalendarGuest>();
  for (const row of container.querySelectorAll(GUEST_ROW)) {
    const email = row.getAttribute('data-email')?.trim().toLowerCase();
    // Nested rows repeat the outer row's address; the outer one carries the whole row.
    if (!email?.includes('@') || guests.has(email)) continue;
    const lines = textLines(row);
    const guest: CalendarGuest = { email, response: responseOf(row, lines) };
    const name = nameOf(row, email, lines);
    if (name) guest.name = name;
    const label = row.getAttribute('aria-label') ?? '';
    if (row.hasAttribute('data-organizer') || lines.some(mentionsOrganizer) || mentionsOrganizer(label)) {
      guest.organizer = true;
    }
    guests.set(email, guest);
  }
  return [...guests.values()];
}
