/**
 * The least any restore can cost in this browser: the records a restore stores (the backup's rows, its
 * action items grouped into one list per meeting) put with plain IndexedDB (no Dexie, no validation, no
 * comparison) into a scratch database of the same origin, with the same stores and indexes, in one
 * transaction. The restore figure is read against it: what is above it is our code, what is below it no
 * code of ours can remove with this data layout.
 */
import type { Table } from 'dexie';

const FLOOR_DATABASE = 'fourps-bench-floor';

function request<T>(req: IDBRequest<T> | IDBOpenDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

/** Creates the scratch database with each table's primary key and indexes, as Dexie declared them. */
async function openLike(tables: readonly Table[]): Promise<IDBDatabase> {
  await request(indexedDB.deleteDatabase(FLOOR_DATABASE));
  const opening = indexedDB.open(FLOOR_DATABASE, 1);
  opening.onupgradeneeded = () => {
    for (const { name, schema } of tables) {
      const store = opening.result.createObjectStore(name, { keyPath: schema.primKey.keyPath ?? null });
      for (const index of schema.indexes) {
        store.createIndex(index.name, index.keyPath ?? index.name, {
          unique: index.unique ?? false,
          multiEntry: index.multi ?? false,
        });
      }
    }
  };
  return request<IDBDatabase>(opening);
}

/**
 * Puts every row of `rowsByTable` (table name → rows, as in a backup file) and resolves with the time
 * from the transaction's start to its commit, in ms. The scratch database is deleted afterwards.
 */
export async function timeRawRestore(
  tables: readonly Table[],
  rowsByTable: Record<string, unknown[]>,
): Promise<number> {
  const database = await openLike(tables);
  try {
    const names = Object.keys(rowsByTable);
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      const transaction = database.transaction(names, 'readwrite');
      for (const name of names) {
        const store = transaction.objectStore(name);
        for (const row of rowsByTable[name] ?? []) store.put(row);
      }
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
    return performance.now() - start;
  } finally {
    database.close();
    await request(indexedDB.deleteDatabase(FLOOR_DATABASE));
  }
}
