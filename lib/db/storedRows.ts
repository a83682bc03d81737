/**
 * Reads the stored rows of many keys of which most are usually not stored: the calendar reports a week
 * of events, and only its mentoring meetings have a row, or a prep.
 */
import type { Table } from 'dexie';

/**
 * From this many keys on, the table's keys are read first. IndexedDB answers each `get` on its own, a
 * round trip through the browser's process per key; one read of all the keys (thousands after years of
 * use, a single answer) tells which are stored, and only those are read.
 */
const KEY_SCAN_MIN_KEYS = 20;

/** The stored row of each key, in order (undefined where none); inside the caller's transaction, if any. */
export async function readStoredRows<Row, Key extends string, Insert>(
  table: Table<Row, Key, Insert>,
  keys: readonly Key[],
): Promise<(Row | undefined)[]> {
  if (keys.length < KEY_SCAN_MIN_KEYS) return table.bulkGet([...keys]);
  const storedKeys = new Set<unknown>(await table.toCollection().primaryKeys());
  const present = keys.filter((key) => storedKeys.has(key));
  if (present.length === 0) return keys.map(() => undefined);
  const rows = await table.bulkGet(present);
  const byKey = new Map(present.map((key, index) => [key, rows[index]]));
  return keys.map((key) => byKey.get(key));
}
