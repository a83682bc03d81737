export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

const TEXT: Record<SaveState, string> = {
  idle: 'Changes save as you type',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Could not save yet — your text is kept here and Four Ps keeps trying',
};

/** Tells the user, politely, whether their last words are stored. */
export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <output
      className={`save-status save-status--${state}`}
      aria-live="polite"
      data-testid="fourps-save-status"
    >
      {TEXT[state]}
    </output>
  );
}
