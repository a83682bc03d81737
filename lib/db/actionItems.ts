import { db } from './database';
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

/**
 * Open action items, overdue first, then by due date, then those with no date; for one relationship
 * or all. Reads only the open rows through an index, however many items are done. With `limit`, only
 * the first `limit` in that order are returned, picked without sorting every open item.
 */
export async function openActionItems(
  now: number,
  relationshipId?: string,
  limit?: number,
): Promise<ActionItemRecord[]> {
  return firstOpenActionItems(await readOpenActionItems(relationshipId), now, limit);
}

/** The open rows, for one relationship or all, through an index and in no particular order. */
export async function readOpenActionItems(relationshipId?: string): Promise<ActionItemRecord[]> {
  return relationshipId === undefined
    ? db.actionItems.where('doneAt').equals(0).toArray()
    : db.actionItems.where('[relationshipId+doneAt]').equals([relationshipId, 0]).toArray();
}

/** The order open items are listed in: overdue first, then by due date, undated last; oldest first on a tie. */
export function compareOpenActionItems(now: number): (a: ActionItemRecord, b: ActionItemRecord) => number {
  return (a, b) => dueRank(a, now) - dueRank(b, now) || a.createdAt - b.createdAt;
}

/**
 * The first `limit` items (all of them without a limit) in `compareOpenActionItems` order. A short
 * limit keeps a small sorted list and drops what cannot make it, so listing 8 of 2,000 items sorts 8,
 * not 2,000. Does not reorder `items`.
 */
export function firstOpenActionItems(
  items: readonly ActionItemRecord[],
  now: number,
  limit?: number,
): ActionItemRecord[] {
  const compare = compareOpenActionItems(now);
  if (limit === undefined || limit >= items.length) return [...items].sort(compare);
  const first: ActionItemRecord[] = [];
  if (limit <= 0) return first;
  for (const item of items) {
    const last = first.at(-1);
    if (first.length === limit && last !== undefined && compare(item, last) >= 0) continue;
    // Insertion after equal items keeps the sort stable, as Array.prototype.sort is.
    let low = 0;
    let high = first.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(item, first[middle] as ActionItemRecord) < 0) high = middle;
      else low = middle + 1;
    }
    first.splice(low, 0, item);
    if (first.length > limit) first.pop();
  }
  return first;
}

/** Overdue items sort before all others, then by due date; items with no date come last. */
function dueRank(item: ActionItemRecord, now: number): number {
  if (item.due === 0) return Number.MAX_SAFE_INTEGER;
  return item.due < now ? item.due - 1e15 : item.due;
}
