/**
 * The meetings the signals (toolbar badge, prep reminders, meeting-end alarms) are computed from: those
 * that start from a day ago (a long meeting that started yesterday may still be on) to a month ahead.
 * Each signal reads only this window, so a write to meetings outside it changes none of them, and a
 * calendar report that wrote nothing inside it need not recompute them.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export const SIGNAL_LOOKBACK_MS = DAY_MS;
/** Meetings further out get their alarms on a later sync; the periodic refresh runs every few minutes. */
export const SIGNAL_HORIZON_MS = 30 * DAY_MS;

/**
 * Whether a meeting that started or starts at any of `starts` (before and after a write) can count
 * for a signal at `now`. A meeting with no known start counts: nothing rules it out.
 */
export function mayChangeSignals(starts: readonly (number | undefined)[], now: number): boolean {
  return starts.some(
    (start) => start === undefined || (start >= now - SIGNAL_LOOKBACK_MS && start <= now + SIGNAL_HORIZON_MS),
  );
}
