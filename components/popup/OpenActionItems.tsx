import { format } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { setActionItemDone } from '@/lib/db/actionItems';
import {
  type ActionItemRow,
  firstOpenActionItemRows,
  openActionItemCounts,
} from '@/lib/overview/actionItemOverview';

/** The popup is a glance: beyond this many, the dashboard lists the rest. */
const SHOWN_ITEMS = 8;

/**
 * Open action items across all relationships, overdue first, each ticked off in place. A ticked item
 * stays in view (struck through) until the popup closes, so a slip of the finger can be undone.
 */
export function OpenActionItems() {
  // Two reads: the rows shown come from their index, the counts from the open item tally (a row per
  // relationship); either may come first.
  const items = useLiveQuery(() => firstOpenActionItemRows(Date.now(), SHOWN_ITEMS), []);
  const counts = useLiveQuery(() => openActionItemCounts(Date.now()), []);
  // Each ticked row remembers where it stood, so it stays in place instead of jumping.
  const [ticked, setTicked] = useState<Array<{ row: ActionItemRow; index: number }>>([]);
  if (items === undefined) return null;

  const tickedIds = new Set(ticked.map(({ row }) => row.item.id));
  const open = items.filter((row) => !tickedIds.has(row.item.id));
  const shown: Array<{ row: ActionItemRow; done: boolean }> = open.map((row) => ({ row, done: false }));
  for (const { row, index } of [...ticked].sort((a, b) => a.index - b.index)) {
    shown.splice(Math.min(index, shown.length), 0, { row, done: true });
  }

  const tick = (row: ActionItemRow) => {
    const index = shown.findIndex((entry) => entry.row.item.id === row.item.id);
    setTicked((rows) => [...rows, { row, index }]);
    void setActionItemDone(row.item, true);
  };
  const untick = (row: ActionItemRow) => {
    setTicked((rows) => rows.filter((entry) => entry.row.item.id !== row.item.id));
    void setActionItemDone(row.item, false);
  };

  return (
    <section className="popup-section" aria-labelledby="actions-heading">
      <h2 id="actions-heading">
        Open action items{counts && <span className="count"> ({counts.total})</span>}
      </h2>
      {items.length === 0 && ticked.length === 0 && <p className="muted">No open action items. Nice.</p>}
      <ul className="plain action-items">
        {shown.map(({ row, done }) => (
          <ActionItemLine
            key={row.item.id}
            row={row}
            done={done}
            onToggle={() => (done ? untick(row) : tick(row))}
          />
        ))}
      </ul>
      {/* Below the rows, so that counts arriving a moment later move nothing the user may click. */}
      {counts && counts.total > items.length && (
        <p className="muted">{counts.total - items.length} more in the dashboard.</p>
      )}
      {counts && counts.byRelationship.length > 0 && (
        <ul className="plain action-counts" aria-label="Open action items per relationship">
          {counts.byRelationship.map((count) => (
            <li key={count.relationshipId ?? 'none'} data-testid="fourps-action-count">
              {count.partnerName ?? 'No relationship'}: {count.open} open
              {count.overdue > 0 && <span className="overdue">, {count.overdue} overdue</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ActionItemLine({
  row,
  done,
  onToggle,
}: {
  row: ActionItemRow;
  done: boolean;
  onToggle: () => void;
}) {
  const { item, partnerName, overdue } = row;
  const owner = item.owner === 'me' ? 'You' : (partnerName ?? 'Your partner');
  const due = item.due === 0 ? undefined : format(new Date(item.due), 'EEE d MMM');
  return (
    <li
      className={`action-item${done ? ' action-item--done' : ''}`}
      data-testid="fourps-action-item"
      data-overdue={overdue}
    >
      <label>
        <input type="checkbox" checked={done} onChange={onToggle} />
        <span className="action-text">{item.text}</span>
      </label>
      <span className="action-meta">
        {owner}
        {partnerName && item.owner === 'me' && ` · with ${partnerName}`}
        {due &&
          (overdue && !done ? <span className="overdue"> · overdue since {due}</span> : ` · due ${due}`)}
      </span>
    </li>
  );
}
