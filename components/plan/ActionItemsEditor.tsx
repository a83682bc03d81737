import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useId, useState } from 'react';
import { actionItemsForMeeting, addActionItem } from '@/lib/db/actionItems';
import type { ActionOwner } from '@/lib/db/records';
import { ActionItemRow, OwnerSelect } from './ActionItemRow';
import { fromDateInput } from './dayInput';

interface ActionItemsEditorProps {
  meetingId: string;
  /** Shown as the other owner ("Sam"), or a role word when the partner is unknown. */
  partnerName: string;
  heading: string;
  emptyText: string;
}

/**
 * The meeting's action items: captured during the call, then the Plan's next steps. Each has a text,
 * an owner (me or my partner) and an optional due day.
 */
export function ActionItemsEditor({ meetingId, partnerName, heading, emptyText }: ActionItemsEditorProps) {
  const items = useLiveQuery(() => actionItemsForMeeting(meetingId), [meetingId]);
  const headingId = useId();
  const [text, setText] = useState('');
  const [owner, setOwner] = useState<ActionOwner>('me');
  const [due, setDue] = useState('');

  const add = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') return;
    void addActionItem({ meetingId, text: trimmed, owner, due: fromDateInput(due) });
    setText('');
    setDue('');
  };

  return (
    <section className="p-section" aria-labelledby={headingId} data-testid="fourps-action-items">
      <h2 id={headingId}>{heading}</h2>
      {items && items.length === 0 && <p className="muted">{emptyText}</p>}
      <ul className="plain action-list">
        {items?.map((item) => (
          <ActionItemRow key={item.id} item={item} partnerName={partnerName} />
        ))}
      </ul>
      <form className="action-add" onSubmit={add}>
        <input
          type="text"
          value={text}
          placeholder="A next step, e.g. “Share the draft by Friday”"
          aria-label="Plan · new next step"
          onChange={(event) => setText(event.target.value)}
        />
        <OwnerSelect value={owner} partnerName={partnerName} label="Who does it" onChange={setOwner} />
        <input
          type="date"
          value={due}
          aria-label="Due date (optional)"
          onChange={(event) => setDue(event.target.value)}
        />
        <button type="submit" className="primary">
          Add
        </button>
      </form>
    </section>
  );
}
