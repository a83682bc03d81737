import type { MeetingRecord } from '@/lib/db/records';
import { meetingsNeedingPlan } from '@/lib/overview/meetingsNeedingPlan';
import { readUpcomingList, type UpcomingList } from '@/lib/overview/upcomingOverview';

/** What the popup shows at the top, read before React draws anything. */
export interface PopupFirstScreen {
  upcoming: UpcomingList;
  needsPlan: MeetingRecord[];
}

/** Reads both lists at the top of the popup, in parallel. */
export async function readPopupLists(now = Date.now()): Promise<PopupFirstScreen> {
  const [upcoming, needsPlan] = await Promise.all([readUpcomingList(now), meetingsNeedingPlan(now)]);
  return { upcoming, needsPlan };
}

/**
 * `read`, or undefined — never a rejection — when it fails or takes longer than `patienceMs` (a
 * database upgrade waiting on another tab, say): the popup then draws at once, and its live queries
 * fill the lists in when they can.
 */
export function readPopupFirstScreen(
  patienceMs: number,
  read: () => Promise<PopupFirstScreen> = readPopupLists,
): Promise<PopupFirstScreen | undefined> {
  const lists = read().catch((error: unknown) => {
    console.warn('Four Ps: the popup could not read its lists early', error);
    return undefined;
  });
  const patience = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), patienceMs));
  return Promise.race([lists, patience]);
}
