/**
 * Whether writing `next` over `stored` would leave the stored data as it is, so the write can be
 * skipped (every IndexedDB write is a request of its own, and years of data make many). Plain objects
 * and arrays are compared all the way down, in any key order. Stricter than "the same data": a stored
 * value a plain object cannot equal (a Date, a class instance) differs, and so does a key set to
 * undefined on one side and absent on the other, so after the write the row is exactly `next`.
 */
export function sameStoredValue(stored: unknown, next: unknown): boolean {
  if (Object.is(stored, next)) return true;
  if (typeof stored !== 'object' || typeof next !== 'object' || stored === null || next === null) {
    return false;
  }
  if (Array.isArray(next)) {
    if (!Array.isArray(stored) || stored.length !== next.length) return false;
    return next.every((item, i) => sameStoredValue(stored[i], item));
  }
  if (Array.isArray(stored) || Object.getPrototypeOf(stored) !== Object.prototype) return false;
  const storedRecord = stored as Record<string, unknown>;
  const nextRecord = next as Record<string, unknown>;
  const fields = Object.keys(nextRecord);
  if (Object.keys(storedRecord).length !== fields.length) return false;
  return fields.every(
    (field) => Object.hasOwn(storedRecord, field) && sameStoredValue(storedRecord[field], nextRecord[field]),
  );
}
