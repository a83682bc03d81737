import { useCallback, useEffect, useRef, useState } from 'react';
import { clearDraft, readDraft, writeDraft } from '@/lib/drafts/draftJournal';
import { openDraftRelay, relayDraftChange, relayDraftSaved } from '@/lib/drafts/draftRelay';

/** How long typing may pause before it is written to IndexedDB. */
export const AUTOSAVE_DELAY_MS = 300;
/** After a failed write (quota, a blocked upgrade), the text is kept and written again this much later. */
export const AUTOSAVE_RETRY_MS = 3000;

let lastEditedAt = 0;

/**
 * The time of a keystroke, strictly later than the one before in this page: two keystrokes in the same
 * millisecond would otherwise tie, and a save of the first would clear the journal of the second
 * (clearDraft) or let the background drop it as stored.
 */
function keystrokeTime(): number {
  lastEditedAt = Math.max(Date.now(), lastEditedAt + 1);
  return lastEditedAt;
}

/**
 * A text field's value that saves itself as the user types: debounced while typing, flushed at once
 * when the field loses focus, the page is hidden or closed, or the component goes away. Each save
 * carries the time of the keystroke, so the store can refuse text older than what it holds.
 * With a `draftKey`, every keystroke is also journalled synchronously (see draftJournal), so text typed
 * just before the page was closed is saved the next time the field is shown, and handed to the
 * background (see draftRelay), which stores it as soon as the page is gone.
 * Text stored by another view (side panel, prep page) replaces ours only while we have nothing unsaved.
 */
export function useAutosavedText(
  stored: string | undefined,
  save: (text: string, editedAt: number) => Promise<unknown>,
  draftKey?: string,
): {
  value: string;
  onChange: (text: string) => void;
  flush: () => void;
  state: 'idle' | 'saving' | 'saved' | 'error';
} {
  const [value, setValue] = useState(stored ?? '');
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const unsaved = useRef<{ text: string; editedAt: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const pending = unsaved.current;
    if (!pending) return;
    setState('saving');
    saveRef.current(pending.text, pending.editedAt).then(
      () => {
        if (unsaved.current === pending) unsaved.current = null;
        if (draftKey) {
          clearDraft(draftKey, pending.editedAt);
          relayDraftSaved(draftKey, pending.editedAt);
        }
        setState('saved');
      },
      () => {
        setState('error');
        clearTimeout(timer.current);
        timer.current = setTimeout(() => flushRef.current(), AUTOSAVE_RETRY_MS);
      },
    );
  }, [draftKey]);
  const flushRef = useRef(flush);
  flushRef.current = flush;

  const onChange = useCallback(
    (text: string) => {
      const editedAt = keystrokeTime();
      setValue(text);
      unsaved.current = { text, editedAt };
      if (draftKey) {
        writeDraft(draftKey, { text, editedAt });
        relayDraftChange(draftKey, text, editedAt);
      }
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
    },
    [flush, draftKey],
  );

  // A draft left by a page closed before its save committed: show it and save it now. The store's
  // newest-wins rule refuses it if another view has stored newer text since.
  useEffect(() => {
    if (!draftKey) return;
    openDraftRelay();
    const draft = readDraft(draftKey);
    if (!draft) return;
    unsaved.current = draft;
    relayDraftChange(draftKey, draft.text, draft.editedAt);
    setValue(draft.text);
    flush();
  }, [draftKey, flush]);

  useEffect(() => {
    if (unsaved.current === null && stored !== undefined) setValue(stored);
  }, [stored]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { value, onChange, flush, state };
}
