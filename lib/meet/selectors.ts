/**
 * Every Google Meet selector, in one place (ARCHITECTURE rule 3). Translated aria-labels are never a
 * hook at all: buttons are found by icon ligatures (the same word in every language), `jsname` values
 * (long-lived per Brave's notes) and `data-*` attributes. Each entry names the page variant it serves and
 * when it was seen, so a dead one can be removed later; none was checked against the live site from
 * this machine (it has no internet), only against our fixtures in tests/fixtures/meet.
 */

/**
 * The meeting code in the page's path: `/abc-defg-hij`, optionally followed by `/`, `?` or `#`.
 * Case-insensitive because a typed `/ABC-DEFG-HIJ` still opens the call; callers lowercase the match.
 * 2024 KMChris/google-meet-attendance-extension; all fixtures 2026-11.
 * Instant meetings ("Start an instant meeting") and the installed Meet app open the call under
 * `/_meet/abc-defg-hij?…&adhoc=1&hs=187` instead: links of that shape shared in public repos 2020–2024.
 */
export const MEET_CODE_IN_PATH = /^\/(?:_meet\/)?([a-z]{3}-[a-z]{4}-[a-z]{3})(?:[/?#]|$)/i;

/**
 * A meeting reached by nickname or through Classroom: `/lookup/<name>`. Peers treat it as a meeting
 * room whose URL never shows the code (a 2025 caption extension's URL tests accept
 * `/lookup/team-standup`), so the code is read from the page there. Not seen live from here.
 */
export const MEET_LOOKUP_PATH = /^\/lookup\/[^/?#]+/i;

/** A whole string that is a meeting code, for codes read from attributes or the title. */
export const MEET_CODE_EXACT = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/i;

/** A code inside `document.title` ("Meet – abc-defg-hij"); titled events show their name instead. 2026-11. */
export const MEET_CODE_IN_TITLE = /(?:^|[\s–-])([a-z]{3}-[a-z]{4}-[a-z]{3})(?:\s|$)/i;

/**
 * Elements that carry the code as an attribute, for pages whose URL no longer shows it (a redirect via
 * `/lookup/…` or a nickname). The attribute name of each, in the order we trust them.
 * `data-meeting-code`: in-call info, 2024 peers, fixtures in-call-*-en/de 2026-11.
 * `data-unresolved-meeting-id`: the page's root `c-wiz`, every fixture with a code 2026-11.
 */
export const MEETING_CODE_ATTRIBUTES = ['data-meeting-code', 'data-unresolved-meeting-id'] as const;

/**
 * Icon ligature elements; the in-call leave button holds one whose text is `call_end`.
 * 2024 vivek-nexus/transcriptonic (`.google-symbols`); `.material-icons-extended` is the older icon font
 * (2022 layout); `.google-material-icons`, the font several Meet scripts find `mic`, `chat` and `mood`
 * in (2021–2025 peers, one reading `i.google-symbols, i.google-material-icons`), fixture in-call-it;
 * `i[aria-hidden]` catches a renamed font class. Fixtures in-call-en/de 2026-11.
 */
export const ICON_LIGATURES =
  '.google-symbols, .google-material-icons, .material-icons-extended, i[aria-hidden="true"]';
export const LEAVE_CALL_LIGATURE = 'call_end';

/**
 * Mic and camera toggles carry `data-is-muted` — in the call bar, and also on the pre-join preview,
 * so this alone does not prove the call started; see PRE_JOIN_ACTIONS.
 * 2024 transcriptonic and bot scripts that click `[data-is-muted="false"]` before joining;
 * fixture in-call-no-ligature-en (SVG icons, no ligature text) 2026-11.
 */
export const IN_CALL_CONTROLS = '[data-is-muted]';

/**
 * The pre-join "Join now" / "Ask to join" button (`jsname="Qx7uuf"`), present only before joining.
 * Lets the `data-is-muted` fallback tell the lobby's preview toggles from in-call controls.
 * Seen in several 2024–2025 join bots; fixtures lobby-en/de 2026-11.
 */
export const PRE_JOIN_ACTIONS = '[jsname="Qx7uuf"]';

/**
 * The screen after a call ended or was left, by its explicit markers.
 * `data-call-ended="true"`: the ended screen's container, 2024 peers; fixture call-ended-de 2026-11.
 * `data-mdc-dialog-action="returnToHomePage"`: its "Return to home screen" button, 2024 KMChris;
 * fixture call-ended-en 2026-11.
 */
export const CALL_ENDED_MARKERS = '[data-call-ended="true"], [data-mdc-dialog-action="returnToHomePage"]';

/**
 * The "Rejoin" button after leaving (`jsname="oI7Fj"`, on the button or on its wrapper — peers use
 * both). The only hook of the left-and-can-rejoin variant, which lacks the ended markers.
 * 2025 peers (one reads `[jsname=oI7Fj] button`, one `button[jsname="oI7Fj"]`); fixtures
 * left-can-rejoin-en/de and call-ended-en/de 2026-11.
 */
export const REJOIN_ACTIONS = '[jsname="oI7Fj"]';
