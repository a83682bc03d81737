/**
 * Every Google Calendar selector, in one place (ARCHITECTURE rule 3).
 * Each list is tried in order; the first entry is the hook seen in public extensions, later entries are
 * fallbacks for other variants. The dated comment names the variant each entry serves, so dead ones can
 * be pruned. Ids, roles, `data-*` and URLs only: obfuscated classes and translated aria-label text change.
 * "fixture" marks hooks we designed our fixtures around without a live check (this machine has no
 * internet); they are fallbacks, never the only hook.
 */
export type SelectorList = readonly string[];

/** Which page is showing: `body[data-viewfamily]` = EVENT (grids, popovers) or EVENT_EDIT (edit page). */
export const VIEW_FAMILY_ATTRIBUTE = 'data-viewfamily'; /* 2024 jidesha, Brave Talk */
/** DAY, WEEK, MONTH, CUSTOM_DAYS, … on `body` (2024) or `html[data-prefetch-view-key]` (2025). */
export const VIEW_KEY_ATTRIBUTES = ['data-viewkey', 'data-prefetch-view-key'] as const;

/** The event-details popover. */
export const EVENT_DIALOG: SelectorList = [
  '#xDetDlg' /* 2024–2026 details popover, every grid view */,
  '[data-chips-dialog="true"] [role="dialog"]' /* 2024 toggl: container around the popover */,
  '[role="dialog"][data-eventid]' /* fixture: a popover that lost its id but kept the event id */,
];

/**
 * Anything that is, holds or sits inside a dialog: a cheap pre-check on just-added elements, so the
 * page is searched for the details popover only when a dialog may have changed. 2026-11, covers every
 * EVENT_DIALOG entry above.
 */
export const ANY_DIALOG = '#xDetDlg, [role="dialog"], [data-chips-dialog]';

/** A quick "create event" dialog or edit form: never treated as event details. */
export const CREATE_EVENT_MARKERS: SelectorList = [
  '[data-is-create="true"]' /* 2024 jidesha: create page / quick-create form */,
  '[role="dialog"] input#xTiIn' /* 2024 quick-create title input: details popovers show a heading */,
  '[role="dialog"] #xSaveBu' /* 2024 save button of the quick-create dialog */,
];

export const DIALOG_TITLE: SelectorList = [
  '#rAECCd' /* 2024–2026 popover title */,
  '[role="heading"]' /* 2024 toggl: span[role=heading] when the id changes */,
];
/** First line date and time, further lines recurrence. */
export const DIALOG_WHEN: SelectorList = ['#xDetDlgWhen' /* 2024–2026 popover */];
export const DIALOG_LOCATION: SelectorList = ['#xDetDlgLoc' /* 2024–2026 popover */];
export const DIALOG_GUESTS: SelectorList = ['#xDetDlgAtt' /* 2024–2026 popover guest list */];
export const DIALOG_DESCRIPTION: SelectorList = ['#xDetDlgDesc' /* 2024–2026 popover */];
/** Calendar name / organizer line. */
export const DIALOG_CALENDAR: SelectorList = ['#xDetDlgCal' /* 2024–2026 popover */];
/** The popover's own buttons; their row is a fallback place for our button. */
export const DIALOG_ACTION_BUTTONS: SelectorList = [
  '#xDetDlgCloseBu' /* 2024–2026 close */,
  '#xDetDlgDelBu' /* 2024–2026 delete */,
];
/** The user's own "Going? Yes / No / Maybe" answer (popover and edit page): the pressed or checked choice. */
export const DIALOG_RSVP_CHOSEN: SelectorList = [
  '#xDetDlgRsvp [aria-pressed="true"]' /* fixture 2026-09: RSVP buttons as toggle buttons */,
  '#xRsvpSel [aria-selected="true"]' /* fixture 2026-09: edit page RSVP listbox */,
  '#xDetDlgRsvp [aria-checked="true"]' /* fixture 2026-09: RSVP as a radiogroup */,
  '[role="radiogroup"] [role="radio"][aria-checked="true"]' /* fixture: RSVP group without its id */,
];
/** A banner or attribute saying the event was cancelled (the title prefix is read separately). */
export const CANCELLED_MARKERS: SelectorList = [
  '[data-event-status="cancelled"]' /* fixture 2026-09 */,
  '[data-cancelled="true"]' /* fixture 2026-09 */,
];

/** Guests: one element per guest carrying the address. */
export const GUEST_ROW = '[data-email]'; /* 2024–2026 popover and edit page */
/** A guest's response and organizer role as data, when Calendar provides it. */
export const GUEST_RESPONSE_ATTRIBUTES = [
  'data-response-status',
  'data-rsvp',
  'data-response',
] as const; /* fixture 2026-09 */
export const RSVP_RESPONSE_ATTRIBUTES = [
  'data-rsvp-response',
  'data-response',
] as const; /* fixture 2026-09 */

export const MEET_LINK: SelectorList = [
  'a[href^="https://meet.google.com/"]' /* 2024–2026 "Join with Google Meet" (label is translated) */,
  'a[href^="http://meet.google.com/"]' /* defensive: older links */,
];

/** Where an event id can be read, tried on the element, its ancestors and its descendants. */
export const EVENT_ID_ATTRIBUTE = 'data-eventid'; /* 2024–2026 chips and popover */
export const JSLOG_ATTRIBUTE = 'jslog'; /* 2024 metaist: holds ids, "brittle" */

/** Grid chips. */
export const EVENT_CHIP: SelectorList = [
  'div[role="button"][data-eventchip][data-eventid]' /* 2024–2026 day/week/month grid */,
  '[data-eventid][data-eventchip]' /* 2025 quick-duplicate #29: role moved off the chip */,
  '[data-stacked-layout-chip][data-eventid]' /* 2024 month view and all-day row stacked chips */,
  '[role="gridcell"] [role="button"][data-eventid]' /* fixture 2026-11: a grid chip without data-eventchip */,
];
/**
 * The visible part of a chip, where the title is drawn, is hidden from screen readers (2024–2026): an
 * attribute test, as the chip is read in one walk that keeps audible and visible text apart.
 */
export const CHIP_VISIBLE_PART = { attribute: 'aria-hidden', value: 'true' } as const;
/** A day column, carrying `data-datekey`. */
export const DAY_COLUMN: SelectorList = [
  '[role="gridcell"][data-datekey]' /* 2024–2026 day/week/month grids */,
  '[data-datekey]' /* 2024 all-day row and month cells without a role */,
];
export const DATE_KEY_ATTRIBUTE = 'data-datekey';

/** Full event page / edit page (`/r/eventedit/<eid>`). */
export const EVENT_PAGE_EXISTING: SelectorList = [
  'div[data-is-create="false"]' /* 2024 jidesha, Brave Talk */,
];
export const EVENT_PAGE_CREATE: SelectorList = ['div[data-is-create="true"]' /* 2024 jidesha */];
export const EVENT_PAGE_TITLE: SelectorList = [
  '#xTiIn' /* 2024 title input (value or data-initial-value) */,
  'input[data-initial-value][jsname]' /* fixture: title input that lost its id */,
  '[role="heading"][aria-level="1"]' /* fixture: read-only r/event page showing the title as text */,
];
export const EVENT_PAGE_DESCRIPTION: SelectorList = [
  '#xDescIn' /* 2024 description editor */,
  '#xDesc' /* 2024 read-only description (r/event) */,
];
export const EVENT_PAGE_LOCATION: SelectorList = ['#xLocIn' /* 2024 location input */];
/** Without it the whole edit form is searched for `[data-email]` rows. */
export const EVENT_PAGE_GUESTS: SelectorList = ['#xGstList' /* fixture 2026-09 guest list container */];
export const EVENT_PAGE_CONFERENCE: SelectorList = [
  '#xRTCIn' /* 2024 conferencing section */,
  '#xAddRtcSel' /* 2024 add-conferencing selector */,
];
export const EVENT_PAGE_CALENDAR: SelectorList = ['#xOnCal' /* 2024 "on calendar" selector */];
/** Date and time inputs of the edit page; `data-date` / `data-time` hold unlocalized values when present. */
export const EVENT_PAGE_START_DATE: SelectorList = ['#xStDaIn' /* 2024 start date */];
export const EVENT_PAGE_START_TIME: SelectorList = ['#xStTiIn' /* 2024 start time */];
export const EVENT_PAGE_END_DATE: SelectorList = ['#xEnDaIn' /* 2024 end date */];
export const EVENT_PAGE_END_TIME: SelectorList = ['#xEnTiIn' /* 2024 end time */];
export const EVENT_PAGE_ALL_DAY: SelectorList = ['#xAlDaCbx' /* 2024 all-day checkbox */];
export const EVENT_PAGE_SAVE: SelectorList = ['#xSaveBu' /* 2024 save button */];
