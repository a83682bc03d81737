/**
 * A task that recomputes derived state (badge, alarms) from the database, run at most once per
 * `intervalMs` however often it is asked for. The first request after a quiet spell runs at once and
 * can be awaited; requests while it runs or within the interval are folded into one trailing run, which
 * sees every write that came before it. The pending timer holds no state: if the service worker stops
 * before it fires, nothing is lost that the task's periodic alarm does not recompute anyway.
 */
export interface CoalescedTask {
  /** Runs the task now (resolving when done) or folds the request into the trailing run (resolving at once). */
  request(): Promise<void>;
  /** Runs a pending trailing run now and waits for any run in progress; for tests and shutdown. */
  flush(): Promise<void>;
  /** Drops a pending trailing run and forgets when the task last ran; for tests. */
  reset(): void;
}

export function coalesce(
  task: () => Promise<void>,
  intervalMs: number,
  onError: (error: unknown) => void,
): CoalescedTask {
  let running: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let lastStart = Number.NEGATIVE_INFINITY;

  const start = (): Promise<void> => {
    pending = false;
    lastStart = Date.now();
    const run = task()
      .then(
        () => undefined,
        (error: unknown) => {
          onError(error);
        },
      )
      .finally(() => {
        if (running === run) running = undefined;
        if (pending) scheduleTrailing();
      });
    running = run;
    return run;
  };

  const scheduleTrailing = (): void => {
    if (timer !== undefined || running !== undefined) return;
    const delay = Math.max(0, lastStart + intervalMs - Date.now());
    timer = setTimeout(() => {
      timer = undefined;
      if (pending && running === undefined) void start();
    }, delay);
  };

  return {
    request() {
      if (running === undefined && timer === undefined && Date.now() - lastStart >= intervalMs) {
        return start();
      }
      pending = true;
      scheduleTrailing();
      return Promise.resolve();
    },
    async flush() {
      while (running !== undefined || pending) {
        if (running !== undefined) await running;
        else {
          clearTimeout(timer);
          timer = undefined;
          await start();
        }
      }
    },
    reset() {
      clearTimeout(timer);
      timer = undefined;
      pending = false;
      lastStart = Number.NEGATIVE_INFINITY;
    },
  };
}
