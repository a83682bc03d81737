import { db } from '@/lib/db/database';
import { meetingInCall } from '@/lib/db/meetings';
import type { MeetingRecord } from '@/lib/db/records';

export type SidePanelView =
  | { kind: 'during-call'; meetingId: string }
  | { kind: 'plan'; meetingId: string }
  | { kind: 'pick'; meetCode: string }
  | { kind: 'idle' }
  | { kind: 'missing'; meetingId: string };

/** An undone plan older than this stops popping up; it is still reachable from the meeting itself. */
export const PLAN_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000;
/** A call may end before its calendar slot even starts (joined early, moved by hand): look a day ahead too. */
const PLAN_LOOKAHEAD_MS = 24 * 60 * 60 * 1000;

/** The most recently ended meeting whose plan is not done yet, if any. */
export async function meetingAwaitingPlan(now: number): Promise<MeetingRecord | undefined> {
  const recent = await db.meetings
    .where('start')
    .between(now - PLAN_LOOKBACK_MS, now + PLAN_LOOKAHEAD_MS, true, true)
    .toArray();
  const found = await newestWithoutDonePlan(
    recent.filter((m) => m.state === 'ended' && m.detection.mentoring),
  );
  if (found) return found;
  // A call held on another day than its calendar slot ended recently: rare, so a scan is fine here.
  const endedRecently = await db.meetings
    .filter((m) => m.state === 'ended' && m.detection.mentoring && (m.endedAt ?? 0) > now - PLAN_LOOKBACK_MS)
    .toArray();
  return newestWithoutDonePlan(endedRecently);
}

async function newestWithoutDonePlan(ended: MeetingRecord[]): Promise<MeetingRecord | undefined> {
  const newestFirst = [...ended].sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
  const plans = await db.plans.bulkGet(newestFirst.map((m) => m.id));
  return newestFirst.find((_, index) => plans[index]?.doneAt === undefined);
}

/**
 * What the side panel shows, in order: a pinned meeting (`?meeting=`, when opened as a tab), the
 * meeting in the call, the plan of the meeting that just ended, a picker for a call that matched no
 * meeting, or a word on what it will do.
 */
export async function chooseSidePanelView(
  now: number,
  pinnedMeetingId: string | null,
  unlinkedMeetCodes: readonly string[],
): Promise<SidePanelView> {
  if (pinnedMeetingId) {
    const pinned = await db.meetings.get(pinnedMeetingId);
    if (!pinned) return { kind: 'missing', meetingId: pinnedMeetingId };
    return pinned.state === 'ended'
      ? { kind: 'plan', meetingId: pinned.id }
      : { kind: 'during-call', meetingId: pinned.id };
  }
  const inCall = await meetingInCall(now);
  if (inCall) return { kind: 'during-call', meetingId: inCall.id };
  const awaiting = await meetingAwaitingPlan(now);
  if (awaiting) return { kind: 'plan', meetingId: awaiting.id };
  const [unlinked] = unlinkedMeetCodes;
  if (unlinked) return { kind: 'pick', meetCode: unlinked };
  return { kind: 'idle' };
}
