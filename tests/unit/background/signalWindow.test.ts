import { describe, expect, it } from 'vitest';
import { mayChangeSignals, SIGNAL_HORIZON_MS, SIGNAL_LOOKBACK_MS } from '@/lib/background/signalWindow';
import { BADGE_WINDOW_MS } from '@/lib/background/toolbarBadge';

const NOW = new Date(2026, 11, 6, 10, 0).getTime();
const DAY = 24 * 60 * 60 * 1000;

describe('mayChangeSignals', () => {
  it('counts a start from a day back to a month ahead, both ends included', () => {
    expect(mayChangeSignals([NOW - SIGNAL_LOOKBACK_MS], NOW)).toBe(true);
    expect(mayChangeSignals([NOW + 2 * 60 * 60 * 1000], NOW)).toBe(true);
    expect(mayChangeSignals([NOW + SIGNAL_HORIZON_MS], NOW)).toBe(true);
  });

  it('rules out starts only when every one is outside the window', () => {
    expect(mayChangeSignals([NOW - SIGNAL_LOOKBACK_MS - 1, NOW + SIGNAL_HORIZON_MS + 1], NOW)).toBe(false);
    expect(mayChangeSignals([NOW - 90 * DAY, NOW + 60 * DAY, NOW + 5 * DAY], NOW)).toBe(true);
  });

  it('counts a meeting whose start is unknown, and nothing when nothing was written', () => {
    expect(mayChangeSignals([NOW + 60 * DAY, undefined], NOW)).toBe(true);
    expect(mayChangeSignals([], NOW)).toBe(false);
  });

  it('holds the toolbar badge’s window too', () => {
    expect(BADGE_WINDOW_MS).toBeLessThanOrEqual(SIGNAL_HORIZON_MS);
  });
});
