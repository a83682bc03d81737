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

export interface ActionItemOverview {
  /** Overdue first, then by due date, undated last; at most `limit`. */
  items: ActionItemRow[];
  total: number;
  byRelationship: RelationshipItemCount[];
}

/**
 * Open action items across all relationships, with counts per relationship. Everything but the
 * `limit` rows shown comes from counting index entries: the popup opens as fast on a 10-year
 * database with thousands of open items as on a new one. Items whose relationship is gone or was
 * never set are counted as "no relationship".
 */
export async function actionItemOverview(now: number, limit: number): Promise<ActionItemOverview> {
  return db.transaction('r', db.actionItems, db.relationships, async () => {
    const [shown, all, relationships] = await Promise.all([
      openActionItems(now, undefined, limit),
      countOpenActionItems(now),
      db.relationships.toArray(),
    ]);
    const perRelationship = await Promise.all(relationships.map((r) => countOpenActionItems(now, r.id)));
    const nameById = new Map(relationships.map((r) => [r.id, r.partnerName] as const));

    const counts: RelationshipItemCount[] = [];
    let withRelationship: OpenActionItemCounts = { open: 0, overdue: 0 };
    relationships.forEach((relationship, index) => {
      const count = perRelationship[index];
      if (!count || count.open === 0) return;
      counts.push({ relationshipId: relationship.id, partnerName: relationship.partnerName, ...count });
      withRelationship = {
        open: withRelationship.open + count.open,
        overdue: withRelationship.overdue + count.overdue,
      };
    });
    if (all.open > withRelationship.open) {
      counts.push({
        relationshipId: undefined,
        partnerName: undefined,
        open: all.open - withRelationship.open,
        overdue: all.overdue - withRelationship.overdue,
      });
    }
    return {
      items: shown.map((item) => ({
        item,
        partnerName: item.relationshipId ? nameById.get(item.relationshipId) : undefined,
        overdue: item.due !== 0 && item.due < now,
      })),
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
