import { describe, expect, it } from 'vitest';
import type { CallReport } from '@/lib/meet/callEndTracker';
import {
  createCallEndTracker,
  DEFAULT_LEAVE_GRACE_MS,
  DEFAULT_REJOIN_GRACE_MS,
} from '@/lib/meet/callEndTracker';
import type { CallStage } from '@/lib/meet/readMeetPage';

/** Feeds [stage, time] pairs and returns the reports in order, nulls included, so a test reads as a timeline. */
function run(steps: Array<[CallStage, number]>, options?: Parameters<typeof createCallEndTracker>[0]) {
  const tracker = createCallEndTracker(options);
  const reports: Array<CallReport | null> = steps.map(([stage, now]) => tracker.observe(stage, now));
  return { tracker, reports };
}

describe('createCallEndTracker', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_LEAVE_GRACE_MS).toBe(4_000);
    expect(DEFAULT_REJOIN_GRACE_MS).toBe(600_000);
  });

  it('reports nothing in the lobby, then in-call once when the call starts', () => {
    const { reports, tracker } = run([
      ['lobby', 0],
      ['lobby', 500],
      ['in-call', 1_000],
      ['in-call', 1_500],
    ]);
    expect(reports).toEqual([null, null, 'in-call', null]);
    expect(tracker.lastInCallWasRejoin).toBe(false);
  });

  it('reports ended immediately on the ended screen', () => {
    const { reports } = run([
      ['in-call', 0],
      ['ended', 60_000],
      ['ended', 60_500],
    ]);
    expect(reports).toEqual(['in-call', 'ended', null]);
  });

  it('reports ended immediately when the ended screen follows controls that already vanished', () => {
    const { reports } = run([
      ['in-call', 0],
      ['lobby', 1_000],
      ['ended', 1_500],
      ['lobby', 9_000],
    ]);
    expect(reports).toEqual(['in-call', null, 'ended', null]);
  });

  it('ignores a brief flicker of the controls (Meet re-rendering)', () => {
    const { reports } = run([
      ['in-call', 0],
      ['lobby', 10_000],
      ['lobby', 10_500],
      ['lobby', 13_500],
      ['in-call', 14_000],
      ['lobby', 20_000],
      ['in-call', 23_999],
    ]);
    expect(reports).toEqual(['in-call', null, null, null, null, null, null]);
  });

  it('reports ended once the controls have been gone for the leave grace', () => {
    const { reports } = run([
      ['in-call', 0],
      ['lobby', 10_000],
      ['lobby', 13_999],
      ['lobby', 14_000],
      ['lobby', 14_500],
    ]);
    expect(reports).toEqual(['in-call', null, null, 'ended', null]);
  });

  it('reports ended late rather than never when polls were throttled (background tab)', () => {
    const { reports } = run([
      ['in-call', 0],
      ['lobby', 10_000],
      ['lobby', 70_000],
    ]);
    expect(reports).toEqual(['in-call', null, 'ended']);
  });

  it('undoes the end when the user rejoins within the rejoin grace', () => {
    const { reports, tracker } = run([
      ['in-call', 0],
      ['ended', 60_000],
      ['lobby', 61_000],
      ['in-call', 60_000 + DEFAULT_REJOIN_GRACE_MS],
    ]);
    expect(reports).toEqual(['in-call', 'ended', null, 'in-call']);
    expect(tracker.lastInCallWasRejoin).toBe(true);
  });

  it('undoes an end found by the leave grace, too', () => {
    const { reports, tracker } = run([
      ['in-call', 0],
      ['lobby', 1_000],
      ['lobby', 5_000],
      ['in-call', 30_000],
    ]);
    expect(reports).toEqual(['in-call', null, 'ended', 'in-call']);
    expect(tracker.lastInCallWasRejoin).toBe(true);
  });

  it('treats a join after the rejoin grace as a fresh call, not an undo', () => {
    const { reports, tracker } = run([
      ['in-call', 0],
      ['ended', 60_000],
      ['in-call', 60_001 + DEFAULT_REJOIN_GRACE_MS],
    ]);
    expect(reports).toEqual(['in-call', 'ended', 'in-call']);
    expect(tracker.lastInCallWasRejoin).toBe(false);
  });

  it('can end, be undone and end again', () => {
    const { reports } = run([
      ['in-call', 0],
      ['ended', 1_000],
      ['in-call', 2_000],
      ['lobby', 3_000],
      ['lobby', 7_000],
    ]);
    expect(reports).toEqual(['in-call', 'ended', 'in-call', null, 'ended']);
  });

  it('says nothing about an ended screen of a call it never saw start', () => {
    const { reports } = run([
      ['ended', 0],
      ['lobby', 5_000],
      ['ended', 10_000],
    ]);
    expect(reports).toEqual([null, null, null]);
  });

  it('honours custom graces', () => {
    const { reports, tracker } = run(
      [
        ['in-call', 0],
        ['lobby', 100],
        ['lobby', 300],
        ['in-call', 1_400],
      ],
      { leaveGraceMs: 200, rejoinGraceMs: 1_000 },
    );
    expect(reports).toEqual(['in-call', null, 'ended', 'in-call']);
    expect(tracker.lastInCallWasRejoin).toBe(false);
  });

  it('keeps separate state per tracker', () => {
    const first = createCallEndTracker();
    const second = createCallEndTracker();
    expect(first.observe('in-call', 0)).toBe('in-call');
    expect(second.observe('ended', 0)).toBeNull();
    expect(first.observe('ended', 1)).toBe('ended');
  });
});
