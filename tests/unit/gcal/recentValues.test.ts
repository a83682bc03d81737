import { describe, expect, it, vi } from 'vitest';
import { RecentMap, RecentValues } from '../../../lib/gcal/recentValues';

describe('RecentValues', () => {
  it('computes a value once per key, including an absent result', () => {
    const recent = new RecentValues<string, number | undefined>(10);
    const make = vi.fn((key: string) => (key === 'none' ? undefined : key.length));
    expect(recent.remember('abc', make)).toBe(3);
    expect(recent.remember('abc', make)).toBe(3);
    expect(recent.remember('none', make)).toBeUndefined();
    expect(recent.remember('none', make)).toBeUndefined();
    expect(make).toHaveBeenCalledTimes(2);
  });

  it('stays bounded however many keys it sees, forgetting the oldest first', () => {
    const recent = new RecentValues<number, number>(100);
    const make = vi.fn((key: number) => key * 2);
    for (let key = 0; key < 1_000; key += 1) {
      recent.remember(key, make);
      expect(recent.size).toBeLessThanOrEqual(200);
    }
    expect(recent.size).toBeGreaterThanOrEqual(100);
    expect(recent.remember(999, make)).toBe(1998);
    expect(make).toHaveBeenCalledTimes(1_000);
    expect(recent.remember(0, make)).toBe(0);
    expect(make).toHaveBeenCalledTimes(1_001);
  });
});

describe('RecentMap', () => {
  it('keeps at least the last `limit` keys set, and at most twice as many', () => {
    const map = new RecentMap<number, string>(10);
    for (let key = 0; key < 95; key += 1) {
      map.set(key, `v${key}`);
      expect(map.size).toBeLessThanOrEqual(20);
      for (let back = 0; back < 10 && back <= key; back += 1)
        expect(map.get(key - back)).toBe(`v${key - back}`);
    }
    expect(map.has(0)).toBe(false);
    expect(map.get(0)).toBeUndefined();
  });

  it('keeps a key that is read alive across generations', () => {
    const map = new RecentMap<string, number>(4);
    map.set('hot', 1);
    for (let i = 0; i < 40; i += 1) {
      map.set(`cold${i}`, i);
      expect(map.get('hot')).toBe(1);
    }
    expect(map.size).toBeLessThanOrEqual(8);
  });

  it('replaces a value in place, deletes from either generation, and holds undefined values', () => {
    const map = new RecentMap<string, number | undefined>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('c', 3); // a and b are now the previous generation
    map.set('a', 10);
    expect(map.get('a')).toBe(10);
    expect(map.size).toBe(3);
    map.delete('b');
    map.delete('c');
    expect(map.has('b')).toBe(false);
    expect(map.has('c')).toBe(false);
    map.set('none', undefined);
    expect(map.has('none')).toBe(true);
    expect(map.get('none')).toBeUndefined();
  });
});
