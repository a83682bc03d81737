import { describe, expect, it, vi } from 'vitest';
import { RecentValues } from '../../../lib/gcal/recentValues';

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
    for (let key = 0; key < 1_000; key += 1) recent.remember(key, make);
    expect(recent.size).toBe(100);
    expect(recent.remember(999, make)).toBe(1998);
    expect(make).toHaveBeenCalledTimes(1_000);
    expect(recent.remember(0, make)).toBe(0);
    expect(make).toHaveBeenCalledTimes(1_001);
    expect(recent.size).toBe(100);
  });
});
