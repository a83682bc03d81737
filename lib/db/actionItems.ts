import { cmp } from 'dexie';
import { groupIntoLists, itemsOf, listOf, openOrderKey } from './actionItemLists';
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

/** What names one stored item: its id, and the meeting whose list holds it. */
export type ActionItemKey = Pick<ActionItemRecord, 'id' | 'meetingId'>;

const isOpen = (item: ActionItemRecord) => item.doneAt === 0;

/**
 * Reads a meeting's list, changes its items and writes it back, in one transaction: two views ticking
 * items of the same meeting at once each see the other's change. A list left empty is deleted.
 */
function changeList(
  meetingId: string,
  change: (items: ActionItemRecord[]) => ActionItemRecord[],
): Promise<void> {
  return db.transaction('rw', db.actionItemLists, async () => {
    const items = change((await db.actionItemLists.get(meetingId))?.items ?? []);
    if (items.length > 0) await db.actionItemLists.put(listOf(meetingId, items));
    else await db.actionItemLists.delete(meetingId);
  });
}

export async function addActionItem(draft: ActionItemDraft, now = Date.now()): Promise<ActionItemRecord> {
  return db.transaction('rw', db.actionItemLists, db.meetings, async () => {
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
    await changeList(draft.meetingId, (items) => [...items, item]);
    return item;
  });
}

export async function updateActionItem(
  item: ActionItemKey,
  changes: Partial<Pick<ActionItemRecord, 'text' | 'owner' | 'due'>>,
): Promise<void> {
  await changeList(item.meetingId, (items) =>
    items.map((stored) => (stored.id === item.id ? { ...stored, ...changes } : stored)),
  );
}

/** Ticks or unticks an item; the same row is shown everywhere, so it is ticked everywhere. */
export async function setActionItemDone(item: ActionItemKey, done: boolean, now = Date.now()): Promise<void> {
  await changeList(item.meetingId, (items) =>
    items.map((stored) => (stored.id === item.id ? { ...stored, doneAt: done ? now : 0 } : stored)),
  );
}

export async function deleteActionItem(item: ActionItemKey): Promise<void> {
  await changeList(item.meetingId, (items) => items.filter((stored) => stored.id !== item.id));
}

/**
 * Stores whole items as they are (a backup's rows, a test's or the benchmark's seed): each replaces the
 * item of the same id in its meeting's list, or joins the list. One transaction, one write per meeting.
 */
export async function putActionItems(rows: readonly ActionItemRecord[]): Promise<void> {
  await db.transaction('rw', db.actionItemLists, async () => {
    const incoming = groupIntoLists(rows);
    const stored = await db.actionItemLists.bulkGet(incoming.map((list) => list.meetingId));
    const lists = incoming.map(({ meetingId, items }, i) => {
      const byId = new Map((stored[i]?.items ?? []).map((item) => [item.id, item]));
      for (const item of items) byId.set(item.id, item);
      return listOf(meetingId, [...byId.values()]);
    });
    await db.actionItemLists.bulkPut(lists);
  });
}

/** The meeting's items, oldest first. */
export async function actionItemsForMeeting(meetingId: string): Promise<ActionItemRecord[]> {
  return (await db.actionItemLists.get(meetingId))?.items ?? [];
}

/** The items of several meetings (in the caller's transaction, if any). */
export async function actionItemsForMeetings(meetingIds: readonly string[]): Promise<ActionItemRecord[]> {
  return itemsOf(await db.actionItemLists.bulkGet([...meetingIds]));
}

/** Every stored item, meeting after meeting (in the caller's transaction, if any). */
export async function allActionItems(): Promise<ActionItemRecord[]> {
  return itemsOf(await db.actionItemLists.toArray());
}

/** The order of the `openOrder` index: by due date, undated last, then oldest, then by id. */
function byOpenOrder(a: ActionItemRecord, b: ActionItemRecord): number {
  return cmp(openOrderKey(a), openOrderKey(b));
}

/**
 * Open action items, overdue first, then by due date, then those with no date; oldest first on a tie.
 * For one relationship or all. With `limit`, only the first `limit` in that order. Across all
 * relationships the `openOrder` index holds a key per open item in exactly that order (overdue dates
 * are the earliest), so only the first `limit` lists in it are read, however many items are open or done.
 */
export async function openActionItems(
  now: number,
  relationshipId?: string,
  limit?: number,
): Promise<ActionItemRecord[]> {
  if (relationshipId !== undefined) {
    const lists = await db.actionItemLists.where('openRelationships').equals(relationshipId).toArray();
    const rows = itemsOf(lists).filter((item) => isOpen(item) && item.relationshipId === relationshipId);
    return firstOpenActionItems(rows, now, limit);
  }
  if (limit !== undefined && limit <= 0) return [];
  // A list comes once per open item in the index: distinct lists, as many as items wanted at most, hold
  // the first items wanted.
  const inOrder = db.actionItemLists.orderBy('openOrder').distinct();
  const lists = await (limit === undefined ? inOrder : inOrder.limit(limit)).toArray();
  const open = itemsOf(lists).filter(isOpen).sort(byOpenOrder);
  return limit === undefined ? open : open.slice(0, limit);
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

/** How many items are open, counted in the index itself (it holds one key per open item). */
export function countOpenInIndex(): Promise<number> {
  return db.actionItemLists.orderBy('openOrder').count();
}

/**
 * Builds the open item tally again from the stored items, as the v4 upgrade does. The middleware keeps
 * it exact for every write through Dexie; rows written into IndexedDB past it (a tool, a test seeding
 * the database) are not in it.
 */
export async function rebuildOpenItemTallyFromItems(): Promise<void> {
  await db.transaction('rw', db.actionItemLists, db.openItemTally, (transaction) =>
    rebuildOpenItemTally(db.core, transaction.idbtrans),
  );
}
