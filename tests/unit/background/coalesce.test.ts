import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesce } from '@/lib/background/coalesce';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A task that records when it ran and takes `ms` of (fake) time. */
function recordingTask(ms = 0) {
  const runs: number[] = [];
  const task = vi.fn(async () => {
    runs.push(Date.now());
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  });
  return { task, runs };
}

describe('coalesce', () => {
  it('runs the first request at once, and the caller can await it', async () => {
    const { task, runs } = recordingTask();
    const refresh = coalesce(task, 1000, () => {});
    const start = Date.now();
    await refresh.request();
    expect(runs).toEqual([start]);
  });

  it('folds a burst of requests into one trailing run, at most one run per interval', async () => {
    const { task, runs } = recordingTask();
    const refresh = coalesce(task, 1000, () => {});
    const start = Date.now();
    await refresh.request();
    for (let i = 0; i < 20; i++) {
      await refresh.request();
      await vi.advanceTimersByTimeAsync(30);
    }
    // 20 requests in 600 ms: only the first ran so far.
    expect(runs).toEqual([start]);
    await vi.advanceTimersByTimeAsync(400);
    expect(runs).toEqual([start, start + 1000]);
    // Nothing more is pending.
    await vi.advanceTimersByTimeAsync(5000);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('runs again at once after a quiet interval', async () => {
    const { task } = recordingTask();
    const refresh = coalesce(task, 1000, () => {});
    await refresh.request();
    await vi.advanceTimersByTimeAsync(1500);
    await refresh.request();
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('never overlaps runs: a request during a slow run becomes one run after it', async () => {
    const { task, runs } = recordingTask(2500);
    const refresh = coalesce(task, 1000, () => {});
    const start = Date.now();
    const first = refresh.request();
    await vi.advanceTimersByTimeAsync(100);
    await refresh.request();
    await refresh.request();
    await vi.advanceTimersByTimeAsync(2400);
    await first;
    expect(runs).toEqual([start]);
    await vi.advanceTimersByTimeAsync(10);
    // Right after the slow run: its start was over an interval ago.
    expect(runs).toHaveLength(2);
    expect(runs[1]).toBeGreaterThanOrEqual(start + 2500);
    expect(runs[1]).toBeLessThanOrEqual(start + 2510);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('flush runs the pending trailing run now; reset drops it', async () => {
    const { task } = recordingTask();
    const refresh = coalesce(task, 1000, () => {});
    await refresh.request();
    await refresh.request();
    await refresh.flush();
    expect(task).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(task).toHaveBeenCalledTimes(2);

    await refresh.request();
    await refresh.request();
    refresh.reset();
    await vi.advanceTimersByTimeAsync(5000);
    expect(task).toHaveBeenCalledTimes(3);
  });

  it('reports a failed run and keeps going', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const refresh = coalesce(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
      },
      1000,
      (error) => errors.push(error),
    );
    await expect(refresh.request()).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
    await refresh.request();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(2);
  });
});
