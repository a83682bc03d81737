import { useId } from 'react';
import { pLabel } from '@/lib/fourps/catalogue';
import type { PKey } from '@/lib/fourps/types';
import { useAutosavedText } from '../useAutosavedText';

interface AutosavedFieldProps {
  /** The P this field belongs to; its name is shown in the label so the field makes sense alone. */
  p: PKey;
  label: string;
  hint?: string;
  stored: string | undefined;
  save: (text: string, editedAt: number) => Promise<unknown>;
  rows?: number;
  testId?: string;
  /** Names the field in the draft journal, so text typed just before a close is not lost. */
  draftKey?: string;
}

/** A labelled text box that saves as the user types (notes during the call, Plan answers after it). */
export function AutosavedField({
  p,
  label,
  hint,
  stored,
  save,
  rows = 3,
  testId,
  draftKey,
}: AutosavedFieldProps) {
  const id = useId();
  const field = useAutosavedText(stored, save, draftKey);
  return (
    <div className="question">
      <label htmlFor={id}>
        <span className="p-tag">{pLabel(p)}</span> {label}
      </label>
      {hint && <p className="hint">{hint}</p>}
      <textarea
        id={id}
        rows={rows}
        value={field.value}
        onChange={(event) => field.onChange(event.target.value)}
        onBlur={field.flush}
        data-testid={testId}
        data-save-state={field.state}
        aria-describedby={field.state === 'error' ? `${id}-error` : undefined}
      />
      {field.state === 'error' && (
        <p id={`${id}-error`} className="save-status--error" role="alert">
          Could not save yet — your text is kept here and Four Ps keeps trying.
        </p>
      )}
    </div>
  );
}
