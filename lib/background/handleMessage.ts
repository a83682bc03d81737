import { browser } from 'wxt/browser';
import { linkCallToMeeting, reportMeetStatus, startAdHocCall } from '@/lib/background/callLifecycle';
import { coalesce } from '@/lib/background/coalesce';
import { syncMeetingEndAlarms } from '@/lib/background/meetingEndAlarms';
import { refreshMeetingSignals } from '@/lib/background/meetingSignals';
import { chipPrefilterInputs } from '@/lib/db/chipPrefilterInputs';
import { db } from '@/lib/db/database';
import { isMentoringMeeting, setMentoringOverride, storeCalendarEvents } from '@/lib/db/meetings';
import { prepProgress } from '@/lib/db/preps';
import type { MeetingRecord } from '@/lib/db/records';
import { readStoredRows } from '@/lib/db/storedRows';
import {
  type Envelope,
  type EventVerdict,
  type Message,
  type MessageType,
  parseMessage,
} from '@/lib/messages';
import { fromAnotherExtension, fromOwnExtensionPage } from './senderChecks';
import { mayChangeSignals } from './signalWindow';

/** The parts of a runtime message sender that decide whether a message is allowed. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
}

/**
 * How often calendar reports may recompute the badge, the reminders and the end alarms. Calendar sends
 * a report for every week and view it renders, often several a second; recomputing after each one put
 * the background behind. The recompute reads the whole upcoming window from the database, so one
 * trailing run covers every report before it.
 */
export const CALENDAR_SIGNALS_INTERVAL_MS = 1000;

/**
 * The badge/reminder refresh and the end-alarm sync after calendar reports, coalesced. A trailing run
 * lost with a stopped service worker is caught up by the periodic signals alarm (see meetingSignals.ts).
 */
export const calendarSignals = coalesce(
  async () => {
    await refreshMeetingSignals();
    await syncMeetingEndAlarms();
  },
  CALENDAR_SIGNALS_INTERVAL_MS,
  (error) => console.warn('Four Ps: could not refresh signals after a calendar report', error),
);

/** Stands for the extension's own pages, whose origin is only known at run time. */
const EXTENSION_PAGES = 'extension-pages';

/** Which page may send which message: a calendar tab cannot report Meet calls and the reverse. */
const ALLOWED_ORIGINS: Record<MessageType, readonly string[]> = {
  'calendar/events-seen': ['https://calendar.google.com'],
  'calendar/set-mentoring': ['https://calendar.google.com'],
  'calendar/chip-prefilter': ['https://calendar.google.com'],
  'meet/status': ['https://meet.google.com'],
  'call/link': [EXTENSION_PAGES],
  'call/ad-hoc': [EXTENSION_PAGES],
  'sidepanel/open': ['https://meet.google.com', 'https://calendar.google.com'],
  'badge/refresh': [EXTENSION_PAGES],
};

function senderOrigin(sender: SenderInfo): string | undefined {
  try {
    return sender.url ? new URL(sender.url).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Validates a message from a content script or page and carries it out. Never throws: every failure
 * becomes `{ ok: false, error }`, and nothing is written unless the message is valid and allowed.
 */
export async function handleMessage(raw: unknown, sender: SenderInfo): Promise<Envelope<unknown>> {
  const parsed = parseMessage(raw);
  if (!parsed.ok) return parsed;
  const { message } = parsed;
  if (fromAnotherExtension(sender)) {
    return { ok: false, error: 'Rejected message: it came from another extension.' };
  }
  const origin = senderOrigin(sender);
  const fromOwnPage = fromOwnExtensionPage(sender);
  const allowed = ALLOWED_ORIGINS[message.type];
  if (!(origin && allowed.includes(origin)) && !(fromOwnPage && allowed.includes(EXTENSION_PAGES))) {
    return {
      ok: false,
      error: `Rejected message: ${message.type} is not accepted from ${origin ?? 'an unknown page'}.`,
    };
  }
  try {
    return { ok: true, reply: await carryOut(message, sender) };
  } catch (error) {
    return { ok: false, error: `Four Ps could not handle ${message.type}: ${String(error)}` };
  }
}

async function carryOut(message: Message, sender: SenderInfo): Promise<unknown> {
  switch (message.type) {
    case 'calendar/events-seen': {
      const now = Date.now();
      const { meetings, writtenStarts } = await storeCalendarEvents(message.events, now);
      const verdicts = await verdictsFor(meetings);
      // New, moved or cancelled meetings change the badge and move or drop their reminders; a report
      // that wrote nothing, or only meetings far from today (weeks browsed ahead or back), changes none.
      // The first recompute after a quiet second is awaited; a burst of reports shares one trailing run.
      if (mayChangeSignals(writtenStarts, now)) await calendarSignals.request();
      return { verdicts };
    }
    case 'calendar/set-mentoring': {
      const meeting = await setMentoringOverride(message.event, message.mentoring, message.scope);
      const [verdict] = await verdictsFor([meeting]);
      await refreshMeetingSignals();
      await syncMeetingEndAlarms();
      return { verdict };
    }
    case 'calendar/chip-prefilter':
      return chipPrefilterInputs();
    case 'meet/status': {
      const tab = { tabId: sender.tab?.id, windowId: sender.tab?.windowId };
      return { meetingId: await reportMeetStatus(tab, message.meetCode, message.stage, Date.now()) };
    }
    case 'call/link':
      await linkCallToMeeting(message.meetCode, message.meetingId, Date.now());
      await syncMeetingEndAlarms();
      return { meetingId: message.meetingId };
    case 'call/ad-hoc':
      return { meetingId: await startAdHocCall(message.meetCode, message.relationshipId, Date.now()) };
    case 'sidepanel/open': {
      // First thing, before any await: the panel may only open while the click's gesture holds.
      const tabId = sender.tab?.id;
      // Firefox has no sidePanel API: its sidebar (WXT's sidebar_action) is opened from the browser's UI.
      if (tabId === undefined || !('sidePanel' in browser)) return { opened: false };
      await browser.sidePanel.open({ tabId });
      return { opened: true };
    }
    case 'badge/refresh':
      await refreshMeetingSignals();
      return { refreshed: true };
  }
}

async function verdictsFor(meetings: MeetingRecord[]): Promise<EventVerdict[]> {
  // Only a mentoring meeting shows how far it is prepared. The other events of a week (most of them)
  // would each cost a read of a prep that nothing shows.
  const mentoring = meetings.filter(isMentoringMeeting);
  // Most meetings a week shows were never prepared: their preps are found through the table's keys.
  const preps = await readStoredRows(
    db.preps,
    mentoring.map((m) => m.id),
  );
  const statusById = new Map(mentoring.map((m, index) => [m.id, prepProgress(preps[index]).status]));
  return meetings.map((meeting) => ({
    eventId: meeting.calendarEventId ?? meeting.id,
    meetingId: meeting.id,
    mentoring: isMentoringMeeting(meeting),
    prepStatus: statusById.get(meeting.id) ?? 'none',
  }));
}
