import { db } from '@/lib/db/database';
import { findMeetingForCall } from '@/lib/db/meetCalls';
import type { MeetingRecord } from '@/lib/db/records';
import { DEFAULT_REJOIN_GRACE_MS } from '@/lib/meet/callEndTracker';
import type { CallStage } from '@/lib/meet/readMeetPage';
import { isMeetLookupUrl, meetCodeFromUrl } from '@/lib/meet/readMeetPage';
import { endMeeting, joinMeeting } from './meetingTransitions';
import { allTabCalls, getTabCall, removeTabCall, setTabCall, type TabCall } from './tabCalls';

/**
 * A Meet call's life as the background sees it: the Meet tab reports when the call starts and ends,
 * and the browser reports when the tab closes or leaves the call. Everything is read from and written
 * to the database and `storage.session`, so any step works in a freshly started service worker.
 */

/** A rejoin this soon after an end undoes it; the same grace as the Meet page's own tracker. */
export const REJOIN_GRACE_MS = DEFAULT_REJOIN_GRACE_MS;

export interface CallTab {
  tabId?: number;
  windowId?: number;
}

/**
 * The Meet tab says what it shows. Links the code to its meeting, remembers the tab's call, and starts
 * or ends the meeting. Returns the linked meeting's id, or null when no meeting carried the code.
 */
export async function reportMeetStatus(
  tab: CallTab,
  meetCode: string,
  stage: CallStage,
  now: number,
): Promise<string | null> {
  const previous = tab.tabId === undefined ? undefined : await getTabCall(tab.tabId);
  if (tab.tabId !== undefined && previous && previous.meetCode !== meetCode && previous.inCall) {
    // The tab went straight from one call into another without a page of its own in between.
    await endCallOfTab(tab.tabId, previous, now);
  }
  // Resolved afresh each time rather than taken from the tab: a meeting whose end stands is not rejoined.
  const meetingId = (await findMeetingForCall(meetCode, now, REJOIN_GRACE_MS))?.id ?? null;
  const inCall = stage === 'in-call';
  if (tab.tabId !== undefined) {
    await setTabCall(tab.tabId, { meetCode, meetingId, inCall, windowId: tab.windowId });
  }
  if (meetingId !== null) {
    if (inCall) await joinMeeting(meetingId, now);
    else if (stage === 'ended') {
      // The same rule as a closed tab: "Switch here" moves the call to another tab, and the tab left
      // behind shows a screen without controls, which is no end while the other tab is in the call.
      const call: TabCall = { meetCode, meetingId, inCall, windowId: tab.windowId };
      if (tab.tabId === undefined) await endMeeting(meetingId, now, tab.windowId);
      else await endCallOfTab(tab.tabId, call, now);
    }
  }
  return meetingId;
}

/** Ends the tab's meeting unless the user is still in the same call in another tab. */
async function endCallOfTab(tabId: number, call: TabCall, now: number): Promise<void> {
  const meetingId =
    call.meetingId ?? (await findMeetingForCall(call.meetCode, now, REJOIN_GRACE_MS))?.id ?? null;
  if (meetingId === null) return;
  const others = [...(await allTabCalls())].filter(
    ([otherTab, other]) => otherTab !== tabId && other.inCall && other.meetingId === meetingId,
  );
  if (others.length === 0) await endMeeting(meetingId, now, call.windowId);
}

/** The Meet tab was closed: a call still on in it is over. */
export async function callTabRemoved(tabId: number, now: number): Promise<void> {
  const call = await getTabCall(tabId);
  if (!call) return;
  await removeTabCall(tabId);
  if (call.inCall) await endCallOfTab(tabId, call, now);
}

/**
 * The tab changed. A navigation that leaves the call's code (another site, Meet's home) ends it.
 * `tab.url` is only present for sites Four Ps may read, so a missing URL means the tab left Meet.
 */
export async function callTabUpdated(
  tabId: number,
  change: { status?: string; url?: string },
  tab: { url?: string },
  now: number,
): Promise<void> {
  // Title, favicon and sound changes are frequent during a call and never a navigation.
  if (change.status === undefined && change.url === undefined) return;
  const call = await getTabCall(tabId);
  if (!call) return;
  const url = change.url ?? tab.url;
  if (url !== undefined && meetCodeFromUrl(url) === call.meetCode) return;
  // A `/lookup/…` call's URL never shows its code: its page reports the code, and a move to another
  // call, itself (the previous call is ended then, in reportMeetStatus).
  if (url !== undefined && isMeetLookupUrl(url)) return;
  await removeTabCall(tabId);
  if (call.inCall) await endCallOfTab(tabId, call, now);
}

/**
 * The user picked, in the side panel, which meeting an unlinked call is: the code is remembered on the
 * meeting (so the next report from the tab links by itself), the tabs in that call are linked, and the
 * meeting is in the call.
 */
export async function linkCallToMeeting(meetCode: string, meetingId: string, now: number): Promise<void> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting) throw new Error('That meeting is no longer stored.');
  await db.meetings.update(meetingId, { meetCode, updatedAt: now });
  await attachTabs(meetCode, meetingId);
  await joinMeeting(meetingId, now);
}

/**
 * The call is a mentoring conversation that was never on the calendar: a meeting is created for it,
 * starting now, with the chosen relationship (or none yet).
 */
export async function startAdHocCall(
  meetCode: string,
  relationshipId: string | undefined,
  now: number,
): Promise<string> {
  const relationship = relationshipId === undefined ? undefined : await db.relationships.get(relationshipId);
  if (relationshipId !== undefined && !relationship)
    throw new Error('That relationship is no longer stored.');
  const meeting: MeetingRecord = {
    id: `adhoc:${crypto.randomUUID()}`,
    relationshipId,
    title: relationship ? `Mentoring with ${relationship.partnerName}` : 'Mentoring conversation',
    start: now,
    allDay: false,
    guests: [],
    meetCode,
    source: 'ad-hoc',
    // The user said it is mentoring, which wins over any detection.
    detection: { mentoring: true, reason: 'event-override' },
    userOverride: true,
    declined: false,
    cancelled: false,
    state: 'in-call',
    createdAt: now,
    updatedAt: now,
  };
  await db.meetings.add(meeting);
  await attachTabs(meetCode, meeting.id);
  return meeting.id;
}

async function attachTabs(meetCode: string, meetingId: string): Promise<void> {
  for (const [tabId, call] of await allTabCalls()) {
    if (call.meetCode === meetCode) await setTabCall(tabId, { ...call, meetingId });
  }
}

/**
 * At browser start no call can still be on (calls and `storage.session` die with the browser), so a
 * meeting left 'in-call' by a crash or a quit is ended: its plan comes up instead of a stale call view.
 */
export async function endCallsLeftOpen(now: number): Promise<void> {
  const open = await db.meetings.filter((m) => m.state === 'in-call').toArray();
  for (const meeting of open) await endMeeting(meeting.id, now);
}
