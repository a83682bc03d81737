/**
 * The stored layout of action items: one list record per meeting (records.ts explains why). Pure
 * functions only: a list from items, items from lists. Every write of a list goes through `listOf`, so
 * the indexed key arrays always match the items.
 */
import type { ActionItemListRecord, ActionItemRecord } from './records';

/** An item is open until it is ticked (records.ts: `doneAt` is 0 while open). */
const isOpen = (item: ActionItemRecord) => item.doneAt === 0;

/**
 * Where undated items sort: after every date (this is 287,000 years from now). Not Infinity, which JSON
 * (the database fixtures, a developer's dump) cannot hold.
 */
export const UNDATED = Number.MAX_SAFE_INTEGER;

/** The position of an open item in the list of open items: by due date, undated last, then oldest. */
export function openOrderKey(item: ActionItemRecord): [number, number, string] {
  return [item.due === 0 ? UNDATED : item.due, item.createdAt, item.id];
}

const byCreation = (a: ActionItemRecord, b: ActionItemRecord) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The list record of one meeting holding `items` (oldest first), with its index keys. */
export function listOf(meetingId: string, items: readonly ActionItemRecord[]): ActionItemListRecord {
  const sorted = [...items].sort(byCreation);
  const open = sorted.filter(isOpen);
  return {
    meetingId,
    items: sorted,
    openOrder: open.map(openOrderKey),
    openRelationships: [...new Set(open.flatMap((item) => item.relationshipId ?? []))],
  };
}

/** The items grouped into one list per meeting, in the order the meetings first appear. */
export function groupIntoLists(items: Iterable<ActionItemRecord>): ActionItemListRecord[] {
  const byMeeting = new Map<string, ActionItemRecord[]>();
  for (const item of items) {
    const group = byMeeting.get(item.meetingId);
    if (group) group.push(item);
    else byMeeting.set(item.meetingId, [item]);
  }
  return [...byMeeting].map(([meetingId, group]) => listOf(meetingId, group));
}

/** Every item of the lists, list after list. */
export function itemsOf(lists: Iterable<ActionItemListRecord | undefined>): ActionItemRecord[] {
  const items: ActionItemRecord[] = [];
  for (const list of lists) if (list) items.push(...list.items);
  return items;
}
