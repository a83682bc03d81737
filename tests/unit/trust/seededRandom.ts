/** A small seeded generator (mulberry32), so a fuzz run that fails can be replayed exactly. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  bool(): boolean {
    return this.next() < 0.5;
  }

  /** Printable junk with the characters that break naive code: quotes, angle brackets, controls, RTL, emoji. */
  text(length: number): string {
    const alphabet = ['a', 'Z', '0', ' ', '"', "'", '<', '>', '&', '\\', '\n', '\u0000', '\u202e', '🚀', 'é'];
    let out = '';
    for (let i = 0; i < length; i += 1) out += this.pick(alphabet);
    return out;
  }
}
