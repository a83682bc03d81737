import {
  CALL_ENDED_MARKERS,
  ICON_LIGATURES,
  IN_CALL_CONTROLS,
  LEAVE_CALL_LIGATURE,
  MEET_CODE_IN_PATH,
} from './selectors';

export type CallStage = 'lobby' | 'in-call' | 'ended';

/** The Meet code (`abc-defg-hij`) of a meet.google.com URL, or null for Meet's home and other pages. */
export function meetCodeFromUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.hostname !== 'meet.google.com') return null;
    return MEET_CODE_IN_PATH.exec(parsed.pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

function hasLeaveCallButton(root: ParentNode): boolean {
  for (const icon of root.querySelectorAll(ICON_LIGATURES)) {
    if (icon.textContent?.trim() === LEAVE_CALL_LIGATURE) return true;
  }
  return false;
}

/**
 * What the Meet tab shows: the ended screen wins (Meet keeps the code in the URL after leaving),
 * then in-call controls, else the pre-join lobby.
 */
export function readCallStage(root: ParentNode): CallStage {
  if (root.querySelector(CALL_ENDED_MARKERS)) return 'ended';
  if (hasLeaveCallButton(root) || root.querySelector(IN_CALL_CONTROLS)) return 'in-call';
  return 'lobby';
}
