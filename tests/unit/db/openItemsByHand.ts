/**
 * Open and overdue action items counted the slow, obvious way, from every row: what the open item
 * tally must always agree with. Written from the record's meaning (lib/db/records.ts), not from the
 * tally's code.
 */
import { expect } from 'vitest';
import { allActionItems, countOpenActionItems } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import type { ActionItemRecord, RelationshipRecord } from '@/lib/db/records';
import { openActionItemCounts } from '@/lib/overview/actionItemOverview';

type Counts = { open: number; overdue: number };

const isOpen = (item: ActionItemRecord) => item.doneAt === 0;
const isOverdue = (item: ActionItemRecord, now: number) => item.due !== 0 && item.due < now;

function countByHand(items: ActionItemRecord[], now: number): Counts {
  const open = items.filter(isOpen);
  return { open: open.length, overdue: open.filter((item) => isOverdue(item, now)).length };
}

/** The stored tally as it must be: per relationship id ('' for none), the open items' due dates, sorted. */
export function tallyByHand(items: ActionItemRecord[]): Record<string, number[]> {
  const tally: Record<string, number[]> = {};
  for (const item of items.filter(isOpen)) {
    const key = item.relationshipId ?? '';
    tally[key] = [...(tally[key] ?? []), item.due];
  }
  for (const dues of Object.values(tally)) dues.sort((a, b) => a - b);
  return tally;
}

/** What the popup must show: open items per known relationship, the rest under "no relationship". */
function overviewByHand(items: ActionItemRecord[], relationships: RelationshipRecord[], now: number) {
  const known = new Set(relationships.map((r) => r.id));
  const byRelationship: Record<string, Counts> = {};
  for (const relationship of relationships) {
    const counts = countByHand(
      items.filter((item) => item.relationshipId === relationship.id),
      now,
    );
    if (counts.open > 0) byRelationship[relationship.id] = counts;
  }
  const unattached = countByHand(
    items.filter((item) => item.relationshipId === undefined || !known.has(item.relationshipId)),
    now,
  );
  if (unattached.open > 0) byRelationship['(none)'] = unattached;
  return { total: countByHand(items, now).open, byRelationship };
}

/**
 * Checks the stored tally and every count read from it against all the rows, at each of `nows`
 * (pick some equal to stored due dates: an item due exactly now is not overdue yet).
 */
export async function expectCountsMatchRows(nows: number[], context = ''): Promise<void> {
  const [items, relationships, tally] = await Promise.all([
    allActionItems(),
    db.relationships.toArray(),
    db.openItemTally.toArray(),
  ]);
  const storedTally = Object.fromEntries(tally.map((row) => [row.relationshipKey, row.dues]));
  expect(storedTally, `${context}: stored tally`).toEqual(tallyByHand(items));

  const relationshipIds = [...new Set(items.flatMap((item) => item.relationshipId ?? []))];
  for (const now of nows) {
    expect(await countOpenActionItems(now), `${context}: all at ${now}`).toEqual(countByHand(items, now));
    for (const id of [...relationshipIds, 'nobody']) {
      expect(await countOpenActionItems(now, id), `${context}: ${id} at ${now}`).toEqual(
        countByHand(
          items.filter((item) => item.relationshipId === id),
          now,
        ),
      );
    }
    const overview = await openActionItemCounts(now);
    const shown = Object.fromEntries(
      overview.byRelationship.map(({ relationshipId, open, overdue }) => [
        relationshipId ?? '(none)',
        { open, overdue },
      ]),
    );
    expect({ total: overview.total, byRelationship: shown }, `${context}: popup counts at ${now}`).toEqual(
      overviewByHand(items, relationships, now),
    );
  }
}
