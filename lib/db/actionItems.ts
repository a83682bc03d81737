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
 * or all. Reads only the open rows through an index, however many items are done.
 */
export async function openActionItems(now: number, relationshipId?: string): Promise<ActionItemRecord[]> {
  const open =
    relationshipId === undefined
      ? await db.actionItems.where('doneAt').equals(0).toArray()
      : await db.actionItems.where('[relationshipId+doneAt]').equals([relationshipId, 0]).toArray();
  return open.sort((a, b) => dueRank(a, now) - dueRank(b, now) || a.createdAt - b.createdAt);
}

/** Overdue items sort before all others, then by due date; items with no date come last. */
function dueRank(item: ActionItemRecord, now: number): number {
  if (item.due === 0) return Number.MAX_SAFE_INTEGER;
  return item.due < now ? item.due - 1e15 : item.due;
}
