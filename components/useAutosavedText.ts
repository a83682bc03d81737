import { useCallback, useEffect, useRef, useState } from 'react';

/** How long typing may pause before it is written: at most this much typing is at risk. */
export const AUTOSAVE_DELAY_MS = 400;

/**
 * A text field's value that saves itself as the user types: debounced while typing, flushed at once
 * when the field loses focus, the page is hidden or closed, or the component goes away. Each save
 * carries the time of the keystroke, so the store can refuse text older than what it holds.
 * Text stored by another view (side panel, prep page) replaces ours only while we have nothing unsaved.
 */
export function useAutosavedText(
  stored: string | undefined,
  save: (text: string, editedAt: number) => Promise<unknown>,
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
        setState('saved');
      },
      () => setState('error'),
    );
  }, []);

  const onChange = useCallback(
    (text: string) => {
      setValue(text);
      unsaved.current = { text, editedAt: Date.now() };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

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
