import { db } from './database';
import { countOpenAndOverdue, type OpenAndOverdue } from './openItemTally';
import { rebuildOpenItemTally } from './openItemTallyMiddleware';
import type { ActionItemRecord, ActionOwner } from './records';

export interface ActionItemDraft {
  meetingId: string;
  relationshipId?: string;
  text: string;
  owner: ActionOwner;
  /** Epoch ms of the due day; omitted or 0 for none. */
  due?: number;
}

export async function addActionItem(draft: ActionItemDraft, now = Date.now()): Promise<ActionItemRecord> {
  const relationshipId = draft.relationshipId ?? (await db.meetings.get(draft.meetingId))?.relationshipId;
  const item: ActionItemRecord = {
    id: crypto.randomUUID(),
    meetingId: draft.meetingId,
    relationshipId,
    text: draft.text,
    owner: draft.owner,
    due: draft.due ?? 0,
    doneAt: 0,
    createdAt: now,
  };
  await db.actionItems.add(item);
  return item;
}

export async function updateActionItem(
  id: string,
  changes: Partial<Pick<ActionItemRecord, 'text' | 'owner' | 'due'>>,
): Promise<void> {
  await db.actionItems.update(id, changes);
}

/** Ticks or unticks an item; the same row is shown everywhere, so it is ticked everywhere. */
export async function setActionItemDone(id: string, done: boolean, now = Date.now()): Promise<void> {
  await db.actionItems.update(id, { doneAt: done ? now : 0 });
}

export async function deleteActionItem(id: string): Promise<void> {
  await db.actionItems.delete(id);
}

export async function actionItemsForMeeting(meetingId: string): Promise<ActionItemRecord[]> {
  const items = await db.actionItems.where('meetingId').equals(meetingId).toArray();
  return items.sort((a, b) => a.createdAt - b.createdAt);
}

/** Below and above every number: the open ends of ranges over the numeric parts of a compound index. */
const LOWEST = Number.NEGATIVE_INFINITY;
const HIGHEST = Number.POSITIVE_INFINITY;

/**
 * Open action items, overdue first, then by due date, then those with no date; oldest first on a tie.
 * For one relationship or all. With `limit`, only the first `limit` in that order. Across all
 * relationships the `[doneAt+due+createdAt]` index holds exactly that order (overdue dates are the
 * earliest), so only the rows returned are read, however many items are open or done.
 */
export async function openActionItems(
  now: number,
  relationshipId?: string,
  limit?: number,
): Promise<ActionItemRecord[]> {
  if (relationshipId !== undefined) {
    const rows = await db.actionItems
      .where('[relationshipId+doneAt+due]')
      .between([relationshipId, 0, LOWEST], [relationshipId, 0, HIGHEST])
      .toArray();
    return firstOpenActionItems(rows, now, limit);
  }
  if (limit !== undefined && limit <= 0) return [];
  const byDueDate = db.actionItems.where('[doneAt+due+createdAt]');
  // due ≥ 1: dated items; undated ones (due 0) come after all of them.
  const dated = byDueDate.between([0, 1, LOWEST], [0, HIGHEST, HIGHEST]);
  const datedRows = await (limit === undefined ? dated : dated.limit(limit)).toArray();
  const room = limit === undefined ? undefined : limit - datedRows.length;
  if (room === 0) return datedRows;
  const undated = byDueDate.between([0, 0, LOWEST], [0, 0, HIGHEST]);
  return [...datedRows, ...(await (room === undefined ? undated : undated.limit(room)).toArray())];
}

/**
 * How many items are open and overdue (due before `now`), for one relationship or all: read from the
 * open item tally, one row per relationship (lib/db/openItemTally.ts), whatever the number of items.
 */
export async function countOpenActionItems(now: number, relationshipId?: string): Promise<OpenAndOverdue> {
  if (relationshipId !== undefined) {
    return countOpenAndOverdue((await db.openItemTally.get(relationshipId))?.dues ?? [], now);
  }
  const counts = { open: 0, overdue: 0 };
  for (const { dues } of await db.openItemTally.toArray()) {
    const { open, overdue } = countOpenAndOverdue(dues, now);
    counts.open += open;
    counts.overdue += overdue;
  }
  return counts;
}

/** The order open items are listed in: overdue first, then by due date, undated last; oldest first on a tie. */
export function compareOpenActionItems(now: number): (a: ActionItemRecord, b: ActionItemRecord) => number {
  return (a, b) => dueRank(a, now) - dueRank(b, now) || a.createdAt - b.createdAt;
}

/**
 * The first `limit` items (all of them without a limit) in `compareOpenActionItems` order, without
 * reordering `items`. Used for one relationship's open items, a few dozen at most: the list across all
 * relationships comes in this order from its index.
 */
export function firstOpenActionItems(
  items: readonly ActionItemRecord[],
  now: number,
  limit?: number,
): ActionItemRecord[] {
  const sorted = [...items].sort(compareOpenActionItems(now));
  return limit === undefined ? sorted : sorted.slice(0, Math.max(0, limit));
}

/** Overdue items sort before all others, then by due date; items with no date come last. */
function dueRank(item: ActionItemRecord, now: number): number {
  if (item.due === 0) return Number.MAX_SAFE_INTEGER;
  return item.due < now ? item.due - 1e15 : item.due;
}

/** How many items are open, counted in the index itself (one request that walks the open entries). */
export function countOpenInIndex(): Promise<number> {
  return db.actionItems
    .where('[doneAt+due+createdAt]')
    .between([0, LOWEST, LOWEST], [0, HIGHEST, HIGHEST])
    .count();
}

/**
 * Builds the open item tally again from the stored items, as the v3 upgrade does. The middleware keeps
 * it exact for every write through Dexie; rows written into IndexedDB past it (a tool, a test seeding
 * the database) are not in it.
 */
export async function rebuildOpenItemTallyFromItems(): Promise<void> {
  await db.transaction('rw', db.actionItems, db.openItemTally, (transaction) =>
    rebuildOpenItemTally(db.core, transaction.idbtrans),
  );
}
