import type { CallStage } from './readMeetPage';

/** What the tracker tells its caller: the call (re)started, or it is over. */
export type CallReport = 'in-call' | 'ended';

export interface CallEndTrackerOptions {
  /** How long the in-call controls must stay gone before that counts as leaving. */
  leaveGraceMs: number;
  /** How long after an end a rejoin still counts as the same call, undoing the end. */
  rejoinGraceMs: number;
}

/** Meet drops its controls for a moment while it re-renders (layout change, screen share); 4 s rides that out. */
export const DEFAULT_LEAVE_GRACE_MS = 4_000;
/** Ten minutes covers a dropped connection or a mistaken click on Leave, not a second meeting. */
export const DEFAULT_REJOIN_GRACE_MS = 10 * 60_000;

export interface CallEndTracker {
  /**
   * Feed the stage read now; returns a report only when it changes what the caller should believe:
   * 'in-call' when the call starts (or is rejoined), 'ended' when it is over, else null.
   */
  observe(stage: CallStage, now: number): CallReport | null;
  /** Whether the last 'in-call' report was a rejoin within the grace, i.e. it undoes the previous 'ended'. */
  readonly lastInCallWasRejoin: boolean;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'in-call' }
  | { kind: 'controls-gone'; since: number }
  | { kind: 'ended'; at: number };

/**
 * Turns the stage read on each poll into call start/end reports. Pure and time-driven (the caller passes
 * `now`), so the content script can call it from its polling loop and tests can drive it without timers.
 * Only ends of calls it saw start are reported: an ended screen in a tab that was never seen in the
 * call has nothing of ours to end.
 */
export function createCallEndTracker(options: Partial<CallEndTrackerOptions> = {}): CallEndTracker {
  const leaveGraceMs = options.leaveGraceMs ?? DEFAULT_LEAVE_GRACE_MS;
  const rejoinGraceMs = options.rejoinGraceMs ?? DEFAULT_REJOIN_GRACE_MS;
  let phase: Phase = { kind: 'idle' };
  let lastInCallWasRejoin = false;

  const startCall = (rejoin: boolean): CallReport => {
    phase = { kind: 'in-call' };
    lastInCallWasRejoin = rejoin;
    return 'in-call';
  };
  const endCall = (now: number): CallReport => {
    phase = { kind: 'ended', at: now };
    return 'ended';
  };

  return {
    get lastInCallWasRejoin() {
      return lastInCallWasRejoin;
    },
    observe(stage, now) {
      switch (phase.kind) {
        case 'idle':
          return stage === 'in-call' ? startCall(false) : null;
        case 'in-call':
          if (stage === 'ended') return endCall(now);
          if (stage === 'lobby') phase = { kind: 'controls-gone', since: now };
          return null;
        case 'controls-gone':
          if (stage === 'ended') return endCall(now);
          if (stage === 'in-call') {
            // A re-render flicker: the caller was never told the call ended, so there is nothing to say.
            phase = { kind: 'in-call' };
            return null;
          }
          return now - phase.since >= leaveGraceMs ? endCall(now) : null;
        case 'ended':
          if (stage !== 'in-call') return null;
          // After the grace the end stands; a later join is a fresh call in the same tab.
          return startCall(now - phase.at <= rejoinGraceMs);
      }
    },
  };
}
