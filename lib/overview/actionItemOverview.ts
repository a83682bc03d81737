import { countOpenActionItems, type OpenActionItemCounts, openActionItems } from '@/lib/db/actionItems';
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

export interface ActionItemCounts {
  total: number;
  /** Most overdue first, then most open. */
  byRelationship: RelationshipItemCount[];
}

/**
 * The first `limit` open action items across all relationships, overdue first, then by due date,
 * undated last, with their partners' names. Reads those rows only, through the index that holds
 * that order: as fast with thousands of open items as with ten.
 */
export async function firstOpenActionItemRows(now: number, limit: number): Promise<ActionItemRow[]> {
  return db.transaction('r', db.actionItems, db.relationships, async () => {
    const items = await openActionItems(now, undefined, limit);
    const relationshipIds = [...new Set(items.flatMap((item) => item.relationshipId ?? []))];
    const relationships = await db.relationships.bulkGet(relationshipIds);
    const nameById = new Map(relationships.flatMap((r) => (r ? [[r.id, r.partnerName] as const] : [])));
    return items.map((item) => ({
      item,
      partnerName: item.relationshipId ? nameById.get(item.relationshipId) : undefined,
      overdue: item.due !== 0 && item.due < now,
    }));
  });
}

/**
 * How many items are open and overdue, in all and per relationship. Counted in the indexes without
 * reading a row, but IndexedDB counts by walking the index, so this grows with the number of open
 * items: the popup shows the rows first and these when they come. Items whose relationship is gone or
 * was never set are counted as "no relationship".
 */
export async function openActionItemCounts(now: number): Promise<ActionItemCounts> {
  return db.transaction('r', db.actionItems, db.relationships, async () => {
    const [all, relationships] = await Promise.all([countOpenActionItems(now), db.relationships.toArray()]);
    const perRelationship = await Promise.all(relationships.map((r) => countOpenActionItems(now, r.id)));

    const counts: RelationshipItemCount[] = [];
    let counted: OpenActionItemCounts = { open: 0, overdue: 0 };
    relationships.forEach((relationship, index) => {
      const count = perRelationship[index];
      if (!count || count.open === 0) return;
      counts.push({ relationshipId: relationship.id, partnerName: relationship.partnerName, ...count });
      counted = { open: counted.open + count.open, overdue: counted.overdue + count.overdue };
    });
    if (all.open > counted.open) {
      counts.push({
        relationshipId: undefined,
        partnerName: undefined,
        open: all.open - counted.open,
        overdue: all.overdue - counted.overdue,
      });
    }
    return {
      total: all.open,
      byRelationship: counts.sort(
        (a, b) =>
          b.overdue - a.overdue ||
          b.open - a.open ||
          (a.partnerName ?? '').localeCompare(b.partnerName ?? ''),
      ),
    };
  });
}
