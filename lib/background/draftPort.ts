/**
 * The background end of the draft port (the page end is lib/drafts/draftRelay.ts). Each extension page
 * with autosaved fields posts the text of every keystroke it has not stored yet; the background keeps
 * the latest per field and stores it when the page goes away (tab, side panel or popup closed, page
 * discarded), so text typed just before a close is in the database without any page opening again.
 * The buffer only mirrors what the page's draft journal holds: a worker stopped meanwhile loses it, the
 * journal does not.
 */
import { type Browser, browser } from 'wxt/browser';
import { DRAFT_PORT_NAME } from '@/lib/drafts/draftRelay';
import { type DraftTarget, draftTarget } from '@/lib/drafts/draftTarget';
import { saveDraft } from '@/lib/drafts/saveDraft';
import { parseDraftPortMessage } from '@/lib/messages';
import { fromOwnExtensionPage } from './senderChecks';

/**
 * A change the page has not confirmed this long after its last keystroke is stored by the background
 * too: the page's own save (300 ms debounce) is stuck or the page is frozen. Newest-wins makes the
 * second write of the same text harmless.
 */
export const UNCONFIRMED_DRAFT_SAVE_MS = 2000;

type Port = Browser.runtime.Port;

interface PendingDraft {
  target: DraftTarget;
  text: string;
  editedAt: number;
}

/** Takes a draft port from one of our pages; ignores other ports and refuses foreign ones. */
export function acceptDraftPort(port: Port): void {
  if (port.name !== DRAFT_PORT_NAME) return;
  // Our own pages only: Chrome always names the extension of a port's sender.
  if (port.sender?.id === undefined || !fromOwnExtensionPage(port.sender)) {
    port.disconnect();
    return;
  }
  const pending = new Map<string, PendingDraft>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const storePending = async () => {
    clearTimeout(timer);
    for (const [key, draft] of pending) {
      try {
        await saveDraft(draft.target, draft.text, draft.editedAt);
        // A newer keystroke that arrived during the write stays pending.
        if (pending.get(key) === draft) pending.delete(key);
      } catch (error) {
        console.warn('Four Ps: could not store a draft a page handed over; its journal keeps it', error);
      }
    }
  };

  port.onMessage.addListener((raw: unknown) => {
    const parsed = parseDraftPortMessage(raw);
    if (!parsed.ok) return;
    const { message } = parsed;
    const target = draftTarget(message.kind, message.meetingId, message.field);
    if (!target) return;
    const key = `${target.kind}:${target.meetingId}:${target.field}`;
    const held = pending.get(key);
    if (message.type === 'draft/saved') {
      if (held && held.editedAt <= message.editedAt) pending.delete(key);
      return;
    }
    if (held && held.editedAt > message.editedAt) return;
    pending.set(key, { target, text: message.text, editedAt: message.editedAt });
    clearTimeout(timer);
    timer = setTimeout(() => void storePending(), UNCONFIRMED_DRAFT_SAVE_MS);
  });
  port.onDisconnect.addListener(() => void storePending());
}

export function registerDraftPort(): void {
  browser.runtime.onConnect.addListener(acceptDraftPort);
}
