/**
 * Whether two stored values hold the same data: plain objects, arrays and primitives compared all the
 * way down. A property set to `undefined` counts as absent, as a record read back from IndexedDB may
 * keep such a key where a freshly built one leaves it out (or the other way round). Keys named in
 * `ignoring` are skipped at the top level (a timestamp of the write itself, say).
 */
export function sameContent(a: unknown, b: unknown, ignoring: readonly string[] = []): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameContent(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) {
    if (ignoring.includes(key)) continue;
    if (!sameContent(left[key], right[key])) return false;
  }
  return true;
}
