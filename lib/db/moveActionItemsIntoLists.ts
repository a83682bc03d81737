/**
 * The v4 upgrade's data step: every action item of the old one-row-per-item store, moved into its
 * meeting's list. It runs inside the upgrade transaction with plain IndexedDB, because the old store is
 * no longer part of today's schema and Dexie offers no table for it; Dexie deletes the store after.
 */
import { groupIntoLists } from './actionItemLists';
import type { ActionItemRecord } from './records';

const OLD_STORE = 'actionItems';
const LISTS_STORE = 'actionItemLists';

function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function moveActionItemsIntoLists(upgrade: IDBTransaction): Promise<void> {
  // A database created at v4 or later never had the old store: nothing to move.
  if (!upgrade.objectStoreNames.contains(OLD_STORE)) return;
  const items = (await settled(upgrade.objectStore(OLD_STORE).getAll())) as ActionItemRecord[];
  const lists = upgrade.objectStore(LISTS_STORE);
  await Promise.all(groupIntoLists(items).map((list) => settled(lists.put(list))));
}
