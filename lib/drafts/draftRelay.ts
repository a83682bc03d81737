/**
 * Hands every unsaved keystroke to the background service worker over a long-lived port. A page's own
 * IndexedDB write started on `pagehide` is torn down with the page about one close in ten on a busy
 * machine; a message posted before the close is delivered, and the port's disconnect tells the
 * background the page is gone, so it stores what the page could not (lib/background/draftPort.ts).
 * Extension pages only; failures are swallowed: the page's own save and the draft journal still run.
 */
import { browser } from 'wxt/browser';
import type { DraftPortMessage } from '@/lib/messages';
import { parseDraftKey } from './draftTarget';

/** The name the background recognises the draft port by. */
export const DRAFT_PORT_NAME = 'fourps-drafts';

type Port = ReturnType<typeof browser.runtime.connect>;

let port: Port | undefined;
/** The latest change of each field that this page has relayed but not yet stored itself. */
const unconfirmed = new Map<string, DraftPortMessage>();

/**
 * The open port, opened (again) if needed. A worker that MV3 stopped closed the last port and forgot
 * its changes, so a new port starts by handing over every change this page has not stored yet.
 */
function openPort(): Port | undefined {
  if (port) return port;
  try {
    const opened = browser.runtime.connect({ name: DRAFT_PORT_NAME });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined;
    });
    port = opened;
    for (const message of unconfirmed.values()) opened.postMessage(message);
  } catch {
    port = undefined;
  }
  return port;
}

function post(message: DraftPortMessage): void {
  const open = openPort();
  try {
    open?.postMessage(message);
  } catch {
    // Disconnected before onDisconnect ran: a new port hands over every unconfirmed change.
    port = undefined;
    openPort();
  }
}

/** Opens the port ahead of the first keystroke, so a sleeping worker is awake by the time it matters. */
export function openDraftRelay(): void {
  openPort();
}

/** Tells the background the text a field holds now and not yet in the database. */
export function relayDraftChange(key: string, text: string, editedAt: number): void {
  const target = parseDraftKey(key);
  if (!target) return;
  const message: DraftPortMessage = { type: 'draft/changed', ...target, text, editedAt };
  openPort();
  unconfirmed.set(key, message);
  post(message);
}

/** Tells the background the page stored the field itself, up to the keystroke at `editedAt`. */
export function relayDraftSaved(key: string, editedAt: number): void {
  const pending = unconfirmed.get(key);
  const target = parseDraftKey(key);
  if (!pending || !target || pending.editedAt > editedAt) return;
  unconfirmed.delete(key);
  post({ type: 'draft/saved', ...target, editedAt });
}
