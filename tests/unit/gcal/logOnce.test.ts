import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseSafely, resetWarnings, warnOnce } from '../../../lib/gcal/logOnce';

beforeEach(() => resetWarnings());

describe('logOnce', () => {
  it('warns once per distinct problem', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    warnOnce('chip without id');
    warnOnce('chip without id');
    warnOnce('dialog without title');
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('turns an exception into null and one warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const explode = (): string => {
      throw new Error('Google changed something');
    };
    expect(parseSafely('reading failed', explode)).toBeNull();
    expect(parseSafely('reading failed', explode)).toBeNull();
    expect(parseSafely('reading failed', () => 'fine')).toBe('fine');
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
