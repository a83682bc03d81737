import { browser } from 'wxt/browser';
import { db } from '@/lib/db/database';
import { linkMeetCall } from '@/lib/db/meetCalls';
import { setMentoringOverride, upsertMeetingsFromCalendar } from '@/lib/db/meetings';
import { prepProgress } from '@/lib/db/preps';
import type { MeetingRecord } from '@/lib/db/records';
import {
  type Envelope,
  type EventVerdict,
  type Message,
  type MessageType,
  parseMessage,
} from '@/lib/messages';

/** The parts of a runtime message sender that decide whether a message is allowed. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** Which page may send which message: a calendar tab cannot report Meet calls and the reverse. */
const ALLOWED_ORIGINS: Record<MessageType, readonly string[]> = {
  'calendar/events-seen': ['https://calendar.google.com'],
  'calendar/set-mentoring': ['https://calendar.google.com'],
  'meet/status': ['https://meet.google.com'],
  'sidepanel/open': ['https://meet.google.com', 'https://calendar.google.com'],
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
  if (sender.id !== undefined && sender.id !== browser.runtime.id) {
    return { ok: false, error: 'Rejected message: it came from another extension.' };
  }
  const origin = senderOrigin(sender);
  if (!origin || !ALLOWED_ORIGINS[message.type].includes(origin)) {
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
      const meetings = await upsertMeetingsFromCalendar(message.events);
      return { verdicts: await verdictsFor(meetings) };
    }
    case 'calendar/set-mentoring': {
      const meeting = await setMentoringOverride(message.event, message.mentoring, message.scope);
      const [verdict] = await verdictsFor([meeting]);
      return { verdict };
    }
    case 'meet/status':
      return { meetingId: await linkMeetCall(message.meetCode, message.stage, Date.now()) };
    case 'sidepanel/open': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { opened: false };
      await browser.sidePanel.open({ tabId });
      return { opened: true };
    }
  }
}

async function verdictsFor(meetings: MeetingRecord[]): Promise<EventVerdict[]> {
  const preps = await db.preps.bulkGet(meetings.map((m) => m.id));
  return meetings.map((meeting, index) => ({
    eventId: meeting.calendarEventId ?? meeting.id,
    meetingId: meeting.id,
    mentoring: meeting.detection.mentoring,
    prepStatus: prepProgress(preps[index]).status,
  }));
}
