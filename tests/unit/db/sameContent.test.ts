import { describe, expect, it } from 'vitest';
import { sameContent } from '@/lib/db/sameContent';

describe('sameContent', () => {
  it('compares objects and arrays all the way down', () => {
    const guests = [{ email: 'sam@example.com', name: 'Sam' }];
    expect(sameContent({ title: 'A', guests }, { title: 'A', guests: [{ ...guests[0] }] })).toBe(true);
    expect(sameContent({ guests }, { guests: [{ email: 'sam@example.com', name: 'Sammy' }] })).toBe(false);
    expect(sameContent({ guests }, { guests: [...guests, ...guests] })).toBe(false);
    expect(sameContent({ list: [] }, { list: {} })).toBe(false);
  });

  it('counts a property set to undefined as absent', () => {
    expect(sameContent({ title: 'A', location: undefined }, { title: 'A' })).toBe(true);
    expect(sameContent({ title: 'A' }, { title: 'A', location: 'Room 4' })).toBe(false);
  });

  it('skips the named top-level keys only', () => {
    expect(sameContent({ title: 'A', updatedAt: 1 }, { title: 'A', updatedAt: 2 }, ['updatedAt'])).toBe(true);
    expect(sameContent({ detection: { updatedAt: 1 } }, { detection: { updatedAt: 2 } }, ['updatedAt'])).toBe(
      false,
    );
  });

  it('tells primitives apart by value and type', () => {
    expect(sameContent(0, 0)).toBe(true);
    expect(sameContent(0, '0')).toBe(false);
    expect(sameContent(null, undefined)).toBe(false);
    expect(sameContent(Number.NaN, Number.NaN)).toBe(true);
  });
});
