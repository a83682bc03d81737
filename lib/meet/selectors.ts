/**
 * Every Google Meet selector, in one place (ARCHITECTURE rule 3). Translated aria-labels are never the
 * only hook: the leave button is found by its icon ligature, which reads `call_end` in every language.
 */
/** The meeting code in the page's path. 2024 KMChris/google-meet-attendance-extension. */
export const MEET_CODE_IN_PATH = /^\/([a-z]{3}-[a-z]{4}-[a-z]{3})(?:[/?#]|$)/;
/** Icon ligature elements; the leave-call button holds one whose text is `call_end`. 2024 transcriptonic. */
export const ICON_LIGATURES = '.google-symbols, .material-icons-extended, i[aria-hidden="true"]';
export const LEAVE_CALL_LIGATURE = 'call_end';
/** Stable attributes of in-call controls: mic/camera toggles carry data-is-muted. 2024 transcriptonic. */
export const IN_CALL_CONTROLS = '[data-is-muted]';
/** The screen after a call ended or was left. 2024 KMChris; `data-call-ended` fixture 2026-11. */
export const CALL_ENDED_MARKERS = '[data-call-ended="true"], [data-mdc-dialog-action="returnToHomePage"]';
