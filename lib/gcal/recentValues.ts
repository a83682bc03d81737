/**
 * A map that keeps at least the `limit` keys set or read last, and at most twice as many, so a cache on a
 * page left open for days holds no more memory than in its first hour. Keys live in two generations:
 * when the current one is full it becomes the previous one, and the one before is dropped whole. A key
 * read from the previous generation moves to the current one. Cheaper than evicting the oldest key on
 * every insert, which costs an iterator and a delete per key on pages that show thousands of chips.
 */
export class RecentMap<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.current.size + this.previous.size;
  }

  has(key: K): boolean {
    return this.current.has(key) || this.previous.has(key);
  }

  get(key: K): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined || this.current.has(key) || !this.previous.has(key)) return value;
    const kept = this.previous.get(key) as V;
    this.set(key, kept);
    return kept;
  }

  set(key: K, value: V): void {
    if (!this.current.has(key)) {
      this.previous.delete(key);
      if (this.current.size >= this.limit) {
        this.previous = this.current;
        this.current = new Map();
      }
    }
    this.current.set(key, value);
  }

  delete(key: K): void {
    this.current.delete(key);
    this.previous.delete(key);
  }
}

/** Values computed from keys, kept as a RecentMap keeps them: a read costs one lookup. */
export class RecentValues<K, V> {
  private readonly values: RecentMap<K, V>;

  constructor(limit: number) {
    this.values = new RecentMap(limit);
  }

  get size(): number {
    return this.values.size;
  }

  /** The value kept for `key`, else `make(key)`, then kept. */
  remember(key: K, make: (key: K) => V): V {
    const kept = this.values.get(key);
    if (kept !== undefined || this.values.has(key)) return kept as V;
    const value = make(key);
    this.values.set(key, value);
    return value;
  }
}
