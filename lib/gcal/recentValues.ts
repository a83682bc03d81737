/**
 * Values computed from keys, of which only the `limit` added last are kept, so a cache on a page left
 * open for days holds no more memory than in its first hour. Oldest out first: a read costs one lookup.
 */
export class RecentValues<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.values.size;
  }

  /** The value kept for `key`, else `make(key)`, then kept. */
  remember(key: K, make: (key: K) => V): V {
    const kept = this.values.get(key);
    if (kept !== undefined || this.values.has(key)) return kept as V;
    const value = make(key);
    if (this.values.size >= this.limit) this.values.delete(this.values.keys().next().value as K);
    this.values.set(key, value);
    return value;
  }
}
