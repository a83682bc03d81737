import {
  CALL_ENDED_MARKERS,
  ICON_LIGATURES,
  IN_CALL_CONTROLS,
  LEAVE_CALL_LIGATURE,
  MEET_CODE_EXACT,
  MEET_CODE_IN_PATH,
  MEET_CODE_IN_TITLE,
  MEET_LOOKUP_PATH,
  MEETING_CODE_ATTRIBUTES,
  PRE_JOIN_ACTIONS,
  REJOIN_ACTIONS,
} from './selectors';

export type CallStage = 'lobby' | 'in-call' | 'ended';

/**
 * The Meet code (`abc-defg-hij`, always lowercase, as the messages schema expects) of a meet.google.com
 * URL, or null for Meet's home, `/landing`, `/lookup/…` and other hosts.
 */
export function meetCodeFromUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.hostname !== 'meet.google.com') return null;
    return MEET_CODE_IN_PATH.exec(parsed.pathname)?.[1]?.toLowerCase() ?? null;
  } catch {
    return null;
  }
}

/** Whether a URL is a Meet meeting reached by `/lookup/<name>`, whose code only the page states. */
export function isMeetLookupUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.hostname === 'meet.google.com' && MEET_LOOKUP_PATH.test(parsed.pathname);
  } catch {
    return false;
  }
}

/**
 * The code as the page itself states it, for when the URL does not carry it (a `/lookup/…` redirect or
 * a nickname): the code attributes first, then the tab title. Null on Meet's home page.
 */
export function meetCodeFromPage(root: ParentNode): string | null {
  for (const attribute of MEETING_CODE_ATTRIBUTES) {
    for (const element of root.querySelectorAll(`[${attribute}]`)) {
      const value = element.getAttribute(attribute)?.trim() ?? '';
      if (MEET_CODE_EXACT.test(value)) return value.toLowerCase();
    }
  }
  const title = root.querySelector('title')?.textContent ?? '';
  return MEET_CODE_IN_TITLE.exec(title)?.[1]?.toLowerCase() ?? null;
}

/**
 * The code of the call a Meet tab shows: the URL's, or on a `/lookup/…` page the page's own. Null on
 * Meet's home and other pages, even when the page mentions a code somewhere.
 */
export function meetCodeOfPage(url: string, root: ParentNode): string | null {
  return meetCodeFromUrl(url) ?? (isMeetLookupUrl(url) ? meetCodeFromPage(root) : null);
}

function hasLeaveCallButton(root: ParentNode): boolean {
  for (const icon of root.querySelectorAll(ICON_LIGATURES)) {
    if (icon.textContent?.trim() === LEAVE_CALL_LIGATURE) return true;
  }
  return false;
}

/** Whether the page offers to rejoin a call the user just left (both the left and the ended screens do). */
export function hasRejoinOption(root: ParentNode): boolean {
  return root.querySelector(REJOIN_ACTIONS) !== null;
}

/**
 * What the Meet tab shows. The explicit ended markers win (Meet keeps the code in the URL after leaving),
 * then the leave button's ligature; a Rejoin offer without controls is the left screen; the pre-join
 * preview also has `data-is-muted` toggles, so those count as in-call only when no Join button is shown
 * (the variant whose icons are SVGs without ligature text). Anything else is the lobby, which the
 * call-end tracker treats as "controls gone" — so an unknown ended screen still ends the call after a grace.
 */
export function readCallStage(root: ParentNode): CallStage {
  if (root.querySelector(CALL_ENDED_MARKERS)) return 'ended';
  if (hasLeaveCallButton(root)) return 'in-call';
  if (hasRejoinOption(root)) return 'ended';
  if (root.querySelector(PRE_JOIN_ACTIONS)) return 'lobby';
  if (root.querySelector(IN_CALL_CONTROLS)) return 'in-call';
  return 'lobby';
}
