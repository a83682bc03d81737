import { firstOpenActionItems, readOpenActionItems } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import type { ActionItemRecord } from '@/lib/db/records';

export interface RelationshipItemCount {
  /** Undefined for items of meetings not attached to any relationship. */
  relationshipId: string | undefined;
  partnerName: string | undefined;
  open: number;
  overdue: number;
}

export interface ActionItemRow {
  item: ActionItemRecord;
  partnerName: string | undefined;
  overdue: boolean;
}

export interface ActionItemOverview {
  /** Overdue first, then by due date, undated last; at most `limit`. */
  items: ActionItemRow[];
  total: number;
  byRelationship: RelationshipItemCount[];
}

/**
 * Open action items across all relationships, with counts per relationship, from the `doneAt` index.
 * The open rows are read once: the counts need every open item's due date (for "overdue"), and no
 * index holds that; only the `limit` rows shown are put in order, not all of them.
 */
export async function actionItemOverview(now: number, limit: number): Promise<ActionItemOverview> {
  const open = await readOpenActionItems();
  const shown = firstOpenActionItems(open, now, limit);
  const relationshipIds = [...new Set(open.flatMap((i) => (i.relationshipId ? [i.relationshipId] : [])))];
  const relationships = await db.relationships.bulkGet(relationshipIds);
  const nameById = new Map(relationships.flatMap((r) => (r ? [[r.id, r.partnerName] as const] : [])));
  const isOverdue = (item: ActionItemRecord) => item.due !== 0 && item.due < now;

  const counts = new Map<string | undefined, RelationshipItemCount>();
  for (const item of open) {
    const count = counts.get(item.relationshipId) ?? {
      relationshipId: item.relationshipId,
      partnerName: item.relationshipId ? nameById.get(item.relationshipId) : undefined,
      open: 0,
      overdue: 0,
    };
    count.open += 1;
    if (isOverdue(item)) count.overdue += 1;
    counts.set(item.relationshipId, count);
  }
  return {
    items: shown.map((item) => ({
      item,
      partnerName: item.relationshipId ? nameById.get(item.relationshipId) : undefined,
      overdue: isOverdue(item),
    })),
    total: open.length,
    byRelationship: [...counts.values()].sort(
      (a, b) =>
        b.overdue - a.overdue || b.open - a.open || (a.partnerName ?? '').localeCompare(b.partnerName ?? ''),
    ),
  };
}
