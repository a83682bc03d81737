import { countOpenInIndex, openActionItems, rebuildOpenItemTallyFromItems } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import { countOpenAndOverdue, type OpenAndOverdue } from '@/lib/db/openItemTally';
import type { ActionItemRecord, OpenItemTallyRecord, RelationshipRecord } from '@/lib/db/records';

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
  return db.transaction('r', db.actionItemLists, db.relationships, async () => {
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
 * How many items are open and overdue, in all and per relationship: one read of the open item tally
 * (a row per relationship with open items, lib/db/openItemTally.ts) and of the relationships for their
 * names, however many items there are. Items whose relationship is gone or was never set are counted
 * as "no relationship". The first read of a page also has the tally checked, after it (see below).
 */
export async function openActionItemCounts(now: number): Promise<ActionItemCounts> {
  const { tally, relationships } = await db.transaction('r', db.openItemTally, db.relationships, async () => {
    const [tally, relationships] = await Promise.all([
      db.openItemTally.toArray(),
      db.relationships.toArray(),
    ]);
    return { tally, relationships };
  });
  if (!tallyCheckStarted) {
    tallyCheckStarted = true;
    // Outside this read: a live query may not write, and the check's count walks every open item.
    setTimeout(() => {
      checkOpenItemTally().catch((error: unknown) =>
        console.warn('Four Ps: could not check the open item tally', error),
      );
    }, 0);
  }
  return countsByRelationship(tally, relationships, now);
}

let tallyCheckStarted = false;

/**
 * Checks the tally's total against a count of the open items in their index, and builds the tally again
 * when they differ. The middleware keeps it exact for every write through Dexie; items written into
 * IndexedDB past it (a tool, a test seeding the database) are not in it. The rebuild makes live counts
 * read again. Resolves with whether a rebuild was needed.
 */
export async function checkOpenItemTally(): Promise<boolean> {
  const [tally, openInIndex] = await db.transaction('r', db.openItemTally, db.actionItemLists, () =>
    Promise.all([db.openItemTally.toArray(), countOpenInIndex()]),
  );
  if (tally.reduce((sum, row) => sum + row.dues.length, 0) === openInIndex) return false;
  await rebuildOpenItemTallyFromItems();
  return true;
}

function countsByRelationship(
  tally: readonly OpenItemTallyRecord[],
  relationships: readonly RelationshipRecord[],
  now: number,
): ActionItemCounts {
  const nameById = new Map(relationships.map((r) => [r.id, r.partnerName] as const));
  const counts: RelationshipItemCount[] = [];
  const unattached: OpenAndOverdue = { open: 0, overdue: 0 };
  let total = 0;
  for (const { relationshipKey, dues } of tally) {
    const count = countOpenAndOverdue(dues, now);
    if (count.open === 0) continue;
    total += count.open;
    if (nameById.has(relationshipKey)) {
      counts.push({ relationshipId: relationshipKey, partnerName: nameById.get(relationshipKey), ...count });
    } else {
      unattached.open += count.open;
      unattached.overdue += count.overdue;
    }
  }
  if (unattached.open > 0) counts.push({ relationshipId: undefined, partnerName: undefined, ...unattached });
  return {
    total,
    byRelationship: counts.sort(
      (a, b) =>
        b.overdue - a.overdue || b.open - a.open || (a.partnerName ?? '').localeCompare(b.partnerName ?? ''),
    ),
  };
}
