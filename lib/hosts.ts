/** The Google pages Four Ps reads. The manifest's host access comes only from these content-script matches. */
export const CALENDAR_MATCHES = ['https://calendar.google.com/*'];
export const MEET_MATCHES = ['https://meet.google.com/*'];
