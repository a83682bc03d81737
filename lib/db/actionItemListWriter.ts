/**
 * Writes action items the way a backup names them, one row at a time, into their meetings' lists
 * (lib/db/actionItemLists.ts). It starts from the items stored when the import began, read in the same
 * transaction, and follows every change in memory, so no list is read again; each call writes every
 * list it changed once.
 */
import { listOf } from './actionItemLists';
import { db } from './database';
import type { ActionItemRecord } from './records';

export class ActionItemListWriter {
  private readonly itemsByMeeting = new Map<string, Map<string, ActionItemRecord>>();
  private readonly meetingOfItem = new Map<string, string>();

  constructor(stored: readonly ActionItemRecord[]) {
    for (const item of stored) this.place(item);
  }

  async clear(): Promise<void> {
    await db.actionItemLists.clear();
    this.itemsByMeeting.clear();
    this.meetingOfItem.clear();
  }

  async bulkDelete(ids: readonly string[]): Promise<void> {
    const changed = new Set<string>();
    for (const id of ids) {
      const meetingId = this.remove(id);
      if (meetingId !== undefined) changed.add(meetingId);
    }
    await this.write(changed);
  }

  /** Each item replaces the one of the same id, in whichever list that was (an item may change meeting). */
  async bulkPut(items: readonly ActionItemRecord[]): Promise<void> {
    const changed = new Set<string>();
    for (const item of items) {
      const before = this.remove(item.id);
      if (before !== undefined) changed.add(before);
      this.place(item);
      changed.add(item.meetingId);
    }
    await this.write(changed);
  }

  private place(item: ActionItemRecord): void {
    let items = this.itemsByMeeting.get(item.meetingId);
    if (!items) {
      items = new Map();
      this.itemsByMeeting.set(item.meetingId, items);
    }
    items.set(item.id, item);
    this.meetingOfItem.set(item.id, item.meetingId);
  }

  /** Takes the item out of its list; returns that list's meeting, if the item was stored. */
  private remove(id: string): string | undefined {
    const meetingId = this.meetingOfItem.get(id);
    if (meetingId === undefined) return undefined;
    this.itemsByMeeting.get(meetingId)?.delete(id);
    this.meetingOfItem.delete(id);
    return meetingId;
  }

  /**
   * Writes the lists of these meetings as they now are; a list left empty is deleted. Both requests go
   * to IndexedDB before this returns, so calls made one after another without waiting (an import hands
   * over every batch at once) are carried out in the order they were made: a list written by a later
   * call is never overwritten by an earlier call's older copy.
   */
  private async write(meetingIds: ReadonlySet<string>): Promise<void> {
    const lists = [];
    const emptied = [];
    for (const meetingId of meetingIds) {
      const items = this.itemsByMeeting.get(meetingId);
      if (items && items.size > 0) lists.push(listOf(meetingId, [...items.values()]));
      else emptied.push(meetingId);
    }
    await Promise.all([
      emptied.length > 0 ? db.actionItemLists.bulkDelete(emptied) : undefined,
      lists.length > 0 ? db.actionItemLists.bulkPut(lists) : undefined,
    ]);
  }
}
