import { describe, expect, it } from 'vitest';
import { sameStoredValue } from '@/lib/db/sameStoredValue';

describe('sameStoredValue', () => {
  it('compares plain objects and arrays all the way down, in any key order', () => {
    const guests = [{ email: 'sam@example.com', name: 'Sam' }];
    expect(
      sameStoredValue(
        { title: 'A', guests },
        { guests: [{ name: 'Sam', email: 'sam@example.com' }], title: 'A' },
      ),
    ).toBe(true);
    expect(sameStoredValue({ guests }, { guests: [{ email: 'sam@example.com', name: 'Sammy' }] })).toBe(
      false,
    );
    expect(sameStoredValue({ guests }, { guests: [...guests, ...guests] })).toBe(false);
    expect(sameStoredValue({ list: {} }, { list: [] })).toBe(false);
  });

  it('tells a key set to undefined from an absent one, so the written row is exactly the new one', () => {
    expect(sameStoredValue({ title: 'A', location: undefined }, { title: 'A', location: undefined })).toBe(
      true,
    );
    expect(sameStoredValue({ title: 'A', location: undefined }, { title: 'A' })).toBe(false);
    expect(sameStoredValue({ title: 'A' }, { title: 'A', location: undefined })).toBe(false);
  });

  it('never takes a stored Date or class instance for a plain object', () => {
    expect(sameStoredValue({ at: new Date(0) }, { at: {} })).toBe(false);
    expect(sameStoredValue(new Map(), {})).toBe(false);
  });

  it('tells primitives apart by value and type', () => {
    expect(sameStoredValue(0, 0)).toBe(true);
    expect(sameStoredValue(0, '0')).toBe(false);
    expect(sameStoredValue(null, undefined)).toBe(false);
    expect(sameStoredValue(Number.NaN, Number.NaN)).toBe(true);
  });
});
