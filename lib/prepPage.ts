/** What the prep page, shown in an iframe over the calendar, posts to its parent to be closed. */
export const CLOSE_PREP_MESSAGE = 'fourps:close-prep';

/** The prep page's path for a meeting; `embedded` when it is shown over the calendar. */
export function prepPagePath(meetingId: string, embedded = false): string {
  return `/prep.html?meeting=${encodeURIComponent(meetingId)}${embedded ? '&embedded=1' : ''}`;
}
