import { useEffect, useState } from 'react';
import { deleteActionItem, setActionItemDone, updateActionItem } from '@/lib/db/actionItems';
import type { ActionItemRecord, ActionOwner } from '@/lib/db/records';
import { useAutosavedText } from '../useAutosavedText';
import { fromDateInput, toDateInput } from './dayInput';

/**
 * One next step, editable in place. It is the same stored row the prep's "last time" and the popup
 * show, so ticking it here ticks it everywhere.
 */
export function ActionItemRow({ item, partnerName }: { item: ActionItemRecord; partnerName: string }) {
  const text = useAutosavedText(item.text, (value) => updateActionItem(item, { text: value }));
  const name = item.text || 'this step';
  // Shown at once on click, then kept in step with the stored row (ticked elsewhere, e.g. in the popup).
  const stored = item.doneAt > 0;
  const [done, setDone] = useState(stored);
  useEffect(() => setDone(stored), [stored]);
  return (
    <li className="action-row" data-testid="fourps-plan-step" data-done={done}>
      <input
        type="checkbox"
        checked={done}
        aria-label={`Done: ${name}`}
        onChange={(event) => {
          setDone(event.target.checked);
          void setActionItemDone(item, event.target.checked);
        }}
      />
      <input
        type="text"
        className={done ? 'action-text done' : 'action-text'}
        value={text.value}
        aria-label="Plan · next step"
        onChange={(event) => text.onChange(event.target.value)}
        onBlur={text.flush}
      />
      <OwnerSelect
        value={item.owner}
        partnerName={partnerName}
        label={`Who does “${name}”`}
        onChange={(owner) => void updateActionItem(item, { owner })}
      />
      <input
        type="date"
        value={toDateInput(item.due)}
        aria-label={`Due date of “${name}”`}
        onChange={(event) => void updateActionItem(item, { due: fromDateInput(event.target.value) })}
      />
      <button type="button" aria-label={`Remove “${name}”`} onClick={() => void deleteActionItem(item)}>
        ×
      </button>
    </li>
  );
}

export function OwnerSelect({
  value,
  partnerName,
  label,
  onChange,
}: {
  value: ActionOwner;
  partnerName: string;
  label: string;
  onChange: (owner: ActionOwner) => void;
}) {
  return (
    <select
      value={value}
      aria-label={label}
      onChange={(event) => onChange(event.target.value as ActionOwner)}
    >
      <option value="me">Me</option>
      <option value="partner">{partnerName}</option>
    </select>
  );
}
