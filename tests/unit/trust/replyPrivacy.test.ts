import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type SenderInfo } from '@/lib/background/handleMessage';
import { type Message, type MessageType, messageSchema } from '@/lib/messages';
import { calendarEvent } from '../calendarEventFactory';
import { resetDatabase } from '../resetDatabase';
import {
  calendarSender,
  meetSender,
  PRIVATE_WORDS,
  SEEDED_MEETING_ID,
  seedPrivateData,
} from './seedPrivateData';

/**
 * A content script runs in Google's page, so whatever the background answers it, the page could read.
 * With a prep, notes, a plan and an action item stored for the very meeting a message names, no reply
 * to any message in the closed set may carry any of that writing: only ids, flags and a prep status.
 */
const ownPage: SenderInfo = {
  id: fakeBrowser.runtime.id,
  url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html`,
};

/** One valid message per type, aimed at the seeded meeting, with the sender it is accepted from. */
const SAMPLES: Record<MessageType, { message: Message; sender: SenderInfo }> = {
  'calendar/events-seen': {
    message: { type: 'calendar/events-seen', events: [calendarEvent({ meetCode: 'abc-defg-hij' })] },
    sender: calendarSender,
  },
  'calendar/set-mentoring': {
    message: { type: 'calendar/set-mentoring', event: calendarEvent(), mentoring: true, scope: 'event' },
    sender: calendarSender,
  },
  'meet/status': {
    message: { type: 'meet/status', meetCode: 'abc-defg-hij', stage: 'in-call' },
    sender: meetSender,
  },
  'calendar/chip-prefilter': { message: { type: 'calendar/chip-prefilter' }, sender: calendarSender },
  'sidepanel/open': { message: { type: 'sidepanel/open' }, sender: meetSender },
  'badge/refresh': { message: { type: 'badge/refresh' }, sender: ownPage },
  'call/link': {
    message: { type: 'call/link', meetCode: 'abc-defg-hij', meetingId: SEEDED_MEETING_ID },
    sender: ownPage,
  },
  'call/ad-hoc': {
    message: { type: 'call/ad-hoc', meetCode: 'abc-defg-hij', relationshipId: 'rel-sam' },
    sender: ownPage,
  },
};

/**
 * Every key a reply may contain, at any depth: identifiers, flags and the prep status, nothing else.
 * The prefilter's answer adds pieces of the detection keywords (the calendar page looks for them
 * itself) and known events as hashes of their ids.
 */
const REPLY_KEYS = new Set([
  'keywordLiterals',
  'knownIds',
  'verdicts',
  'verdict',
  'eventId',
  'meetingId',
  'mentoring',
  'prepStatus',
  'opened',
  'refreshed',
]);

function keysDeep(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysDeep(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      out.add(key);
      keysDeep(child, out);
    }
  }
  return out;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDatabase();
  await seedPrivateData();
});

describe('replies never carry private writing', () => {
  it('every message type of the closed set has a sample here', () => {
    const declared = messageSchema.options.map((option) => option.shape.type.value).sort();
    expect(Object.keys(SAMPLES).sort()).toEqual(declared);
  });

  it.each(Object.entries(SAMPLES))('%s answers with ids, flags and a status only', async (_type, sample) => {
    const reply = await handleMessage(sample.message, sample.sender);
    const text = JSON.stringify(reply);
    for (const word of Object.values(PRIVATE_WORDS)) expect(text).not.toContain(word);
    if (reply.ok) {
      expect([...keysDeep(reply.reply)].filter((key) => !REPLY_KEYS.has(key))).toEqual([]);
    } else {
      // A refusal names what went wrong, never what is stored.
      expect(reply.error.length).toBeLessThan(300);
    }
  });

  it('a calendar page learns of stored meetings only the hash of their event and series ids', async () => {
    const reply = await handleMessage(SAMPLES['calendar/chip-prefilter'].message, calendarSender);
    if (!reply.ok) throw new Error(reply.error);
    const { knownIds } = reply.reply as { knownIds: unknown[] };
    expect(knownIds.length).toBeGreaterThan(0);
    expect(knownIds.every((id) => Number.isInteger(id))).toBe(true);
  });

  it('a calendar page learns of a meeting it reports only whether it is mentoring and how far prepared', async () => {
    const reply = await handleMessage(SAMPLES['calendar/events-seen'].message, calendarSender);
    expect(reply).toEqual({
      ok: true,
      reply: {
        verdicts: [{ eventId: 'evt1', meetingId: SEEDED_MEETING_ID, mentoring: true, prepStatus: 'partial' }],
      },
    });
  });
});
