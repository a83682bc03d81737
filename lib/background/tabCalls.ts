import { browser } from 'wxt/browser';

/**
 * Which Meet call each tab is in, kept in `storage.session` rather than in the service worker's memory
 * (MV3 stops the worker at will, ARCHITECTURE rule 9) and gone when the browser closes, as calls are.
 * Extension pages read it too: the side panel offers to link a call that matched no meeting.
 */
export interface TabCall {
  meetCode: string;
  /** The meeting the call is linked to, or null when no known meeting carried its code. */
  meetingId: string | null;
  /** Whether the user is in the call now (not in the lobby, not after leaving). */
  inCall: boolean;
  /** The tab's window, where the plan's side panel should open when the call ends. */
  windowId?: number;
}

const PREFIX = 'call:';

const keyOf = (tabId: number) => `${PREFIX}${tabId}`;

function isTabCall(value: unknown): value is TabCall {
  if (typeof value !== 'object' || value === null) return false;
  const call = value as Partial<TabCall>;
  return (
    typeof call.meetCode === 'string' &&
    (call.meetingId === null || typeof call.meetingId === 'string') &&
    typeof call.inCall === 'boolean'
  );
}

export async function getTabCall(tabId: number): Promise<TabCall | undefined> {
  const key = keyOf(tabId);
  const stored = (await browser.storage.session.get(key))[key];
  return isTabCall(stored) ? stored : undefined;
}

export async function setTabCall(tabId: number, call: TabCall): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: call });
}

export async function removeTabCall(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

/** Every tab's call, by tab id. */
export async function allTabCalls(): Promise<Map<number, TabCall>> {
  const calls = new Map<number, TabCall>();
  for (const [key, value] of Object.entries(await browser.storage.session.get(null))) {
    if (key.startsWith(PREFIX) && isTabCall(value)) calls.set(Number(key.slice(PREFIX.length)), value);
  }
  return calls;
}

/** Calls the user is in that matched no meeting: the side panel offers to pick one. */
export function unlinkedCalls(calls: Map<number, TabCall>): TabCall[] {
  return [...calls.values()].filter((call) => call.inCall && call.meetingId === null);
}
