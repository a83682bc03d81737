import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type SenderInfo } from '@/lib/background/handleMessage';
import { type MessageType, messageSchema } from '@/lib/messages';
import { MESSAGE_LIMITS } from '@/lib/messaging/limits';
import { calendarEvent } from '../calendarEventFactory';
import { resetDatabase } from '../resetDatabase';
import { SeededRandom } from './seededRandom';
import { calendarSender, meetSender, seedPrivateData, snapshotDatabase } from './seedPrivateData';

/**
 * Hundreds of broken and hostile messages, as a compromised or buggy content script could send them:
 * valid messages mutated one way each (wrong types, extra and prototype-polluting keys, huge strings,
 * nested junk, missing fields, confused types), plain junk, and valid messages from the wrong sender.
 * Every one must be rejected with a "Rejected message: …" error, and nothing may change.
 */
const SEED = 20260915;
const MUTATED_MESSAGES = 600;
const JUNK_MESSAGES = 120;

type Path = (string | number)[];
type Container = Record<string, unknown> | unknown[];

const ownPage: SenderInfo = {
  id: fakeBrowser.runtime.id,
  url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html`,
};

function validMessage(type: MessageType, random: SeededRandom): Record<string, unknown> {
  const event = calendarEvent({
    eventId: `evt${random.int(1, 50)}`,
    seriesId: 'series1',
    location: 'Room 4',
    description: 'Monthly mentoring',
    organizer: 'alex@example.com',
    meetCode: 'abc-defg-hij',
    guests: [
      { email: 'sam.rivera@example.com', name: 'Sam Rivera', response: 'accepted', organizer: false },
      { email: 'alex@example.com', response: 'needsAction' },
    ],
  });
  switch (type) {
    case 'calendar/events-seen':
      return { type, events: [event, { ...event, eventId: 'evt-other', source: 'chip' }] };
    case 'calendar/set-mentoring':
      return { type, event, mentoring: random.bool(), scope: random.pick(['event', 'series']) };
    case 'meet/status':
      return { type, meetCode: 'abc-defg-hij', stage: random.pick(['lobby', 'in-call', 'ended']) };
    case 'call/link':
      return { type, meetCode: 'abc-defg-hij', meetingId: 'gcal:evt1' };
    case 'call/ad-hoc':
      return { type, meetCode: 'abc-defg-hij', relationshipId: 'rel-sam' };
    case 'calendar/chip-prefilter':
    case 'sidepanel/open':
    case 'badge/refresh':
      return { type };
  }
}

const MESSAGE_TYPES = messageSchema.options.map((option) => option.shape.type.value);

/** The sender each message type is accepted from. */
const ALLOWED_SENDER: Record<MessageType, SenderInfo> = {
  'calendar/events-seen': calendarSender,
  'calendar/set-mentoring': calendarSender,
  'calendar/chip-prefilter': calendarSender,
  'meet/status': meetSender,
  'sidepanel/open': meetSender,
  'badge/refresh': ownPage,
  'call/link': ownPage,
  'call/ad-hoc': ownPage,
};

/** Senders that are never allowed to send the message types whose allowed sender they are not. */
const HOSTILE_SENDERS: SenderInfo[] = [
  { url: 'https://evil.example/calendar.google.com' },
  { url: 'http://calendar.google.com/calendar/u/0/r' },
  { url: 'https://calendar.google.com.evil.example/' },
  { url: 'https://evil.example/?next=https://calendar.google.com/' },
  { url: 'https://meet.google.com.evil.example/abc-defg-hij' },
  { url: 'chrome-extension://another-extension/popup.html' },
  { url: 'javascript:alert(1)' },
  { url: 'data:text/html,<script>alert(1)</script>' },
  { url: 'not a url' },
  { url: '' },
  {},
  { ...calendarSender, id: 'another-extension' },
  { ...meetSender, id: 'another-extension' },
  { ...ownPage, id: 'another-extension' },
  calendarSender,
  meetSender,
  ownPage,
];

function allowedOrigin(type: MessageType, sender: SenderInfo): boolean {
  const allowed = ALLOWED_SENDER[type];
  return sender.url === allowed.url && sender.id === allowed.id;
}

// Strings with a fixed vocabulary or format: a different string is already wrong.
const VOCABULARY_FIELDS = new Set(['type', 'response', 'source', 'stage', 'scope', 'meetCode']);
const WRONG_WORDS = ['', 'ACCEPTED', 'in call', ' dialog', 'series ', 'ABC-DEFG-HIJ', 'abc-defg-hijk', 'x'];
const REQUIRED_KEYS: Record<string, readonly string[]> = {
  event: ['eventId', 'title', 'allDay', 'guests', 'declined', 'cancelled', 'source'],
  guest: ['email', 'response'],
};
const OPTIONAL_MESSAGE_KEYS = ['relationshipId'];
const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function nodes(value: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []) {
  out.push({ path, value });
  if (Array.isArray(value)) {
    for (const [index, child] of value.entries()) nodes(child, [...path, index], out);
  } else if (isContainer(value)) {
    for (const [key, child] of Object.entries(value)) nodes(child, [...path, key], out);
  }
  return out;
}

function parentOf(root: Container, path: Path): Container {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  if (!isContainer(node)) throw new Error(`no container at ${path.join('.')}`);
  return node;
}

function setAt(root: Container, path: Path, value: unknown): void {
  const key = path.at(-1);
  if (key === undefined) throw new Error('cannot set the root');
  (parentOf(root, path) as Record<string | number, unknown>)[key] = value;
}

/** What kind of object a path points at: the message itself, a calendar event or a guest. */
function objectKind(path: Path): 'message' | 'event' | 'guest' {
  if (path.length === 0) return 'message';
  return path.at(-2) === 'guests' ? 'guest' : 'event';
}

function stringLimit(key: string | number | undefined): number {
  if (key === 'eventId' || key === 'seriesId') return MESSAGE_LIMITS.id;
  if (key === 'description') return MESSAGE_LIMITS.description;
  return MESSAGE_LIMITS.shortText;
}

function deepJunk(random: SeededRandom): unknown {
  let junk: unknown = random.text(8);
  for (let depth = random.int(20, 400); depth > 0; depth -= 1) junk = random.bool() ? [junk] : { a: junk };
  return junk;
}

function wrongValueFor(value: unknown, key: string | number | undefined, random: SeededRandom): unknown {
  if (typeof value === 'string') {
    if (typeof key === 'string' && VOCABULARY_FIELDS.has(key) && random.bool())
      return random.pick(WRONG_WORDS);
    if (key === 'eventId' || key === 'seriesId') return random.pick<unknown>(['', 42, null, {}, []]);
    return random.pick<unknown>([42, true, null, {}, [], ['x'], { toString: 'x' }]);
  }
  if (typeof value === 'number')
    return random.pick<unknown>(['1789000000000', null, Number.NaN, Infinity, -1, 0.5, 9e15, {}]);
  if (typeof value === 'boolean') return random.pick<unknown>(['true', 'false', 1, 0, null, {}, []]);
  if (Array.isArray(value)) return random.pick<unknown>([{}, 'x', 7, null, { length: 1, 0: value[0] }]);
  return random.pick<unknown>(['x', 7, null, [], true]);
}

type Mutation = (message: Record<string, unknown>, random: SeededRandom) => void;

/** Each mutation makes a valid message invalid in exactly one way. */
const MUTATIONS: Record<string, Mutation> = {
  wrongType(message, random) {
    const leaves = nodes(message).filter((node) => node.path.length > 0);
    if (leaves.length === 0) {
      message.type = random.pick(WRONG_WORDS);
      return;
    }
    const { path, value } = random.pick(leaves);
    setAt(message, path, wrongValueFor(value, path.at(-1), random));
  },
  extraKey(message, random) {
    const objects = nodes(message).filter((node) => isContainer(node.value) && !Array.isArray(node.value));
    const target = random.pick(objects).value as Record<string, unknown>;
    const key = random.pick([
      ...POLLUTING_KEYS,
      'html',
      'onerror',
      'eventid',
      'Type',
      'notes',
      'prepAnswers',
      `k${random.text(6)}`,
    ]);
    const value = random.pick<unknown>([{ polluted: true }, '<img src=x onerror=alert(1)>', 1, null]);
    // defineProperty, so "__proto__" becomes an own key as JSON.parse or structured clone would make it.
    Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  },
  hugeString(message, random) {
    const strings = nodes(message).filter(
      (node) => typeof node.value === 'string' && !VOCABULARY_FIELDS.has(String(node.path.at(-1))),
    );
    if (strings.length === 0) {
      message.type = `${String(message.type)}${'x'.repeat(random.int(1, 200_000))}`;
      return;
    }
    const { path } = random.pick(strings);
    const length = stringLimit(path.at(-1)) + random.int(1, 1_200_000);
    setAt(message, path, random.text(16).repeat(Math.ceil(length / 16)));
  },
  missingKey(message, random) {
    const objects = nodes(message).filter((node) => isContainer(node.value) && !Array.isArray(node.value));
    const { path, value } = random.pick(objects);
    const kind = objectKind(path);
    const required =
      kind === 'message'
        ? Object.keys(value as object).filter((k) => !OPTIONAL_MESSAGE_KEYS.includes(k))
        : (REQUIRED_KEYS[kind] ?? []).filter((k) => k in (value as object));
    delete (value as Record<string, unknown>)[random.pick(required)];
  },
  nestedJunk(message, random) {
    const targets = nodes(message).filter((node) => node.path.length > 0);
    setAt(message, random.pick(targets).path, deepJunk(random));
    // A bodyless message's only field is its type: the junk replaced it.
  },
  badArrayLength(message, random) {
    const events = message.events;
    const event = message.event ?? (Array.isArray(events) ? events[0] : undefined);
    if (Array.isArray(events) && random.bool()) {
      message.events = random.bool()
        ? []
        : Array.from({ length: MESSAGE_LIMITS.eventsPerMessage + 1 }, () => events[0]);
    } else if (isContainer(event) && !Array.isArray(event)) {
      const guest = { email: 'g@example.com', response: 'accepted' };
      event.guests = Array.from({ length: MESSAGE_LIMITS.guests + random.int(1, 50) }, () => guest);
    } else {
      // A message without arrays: give it a type whose fields it lacks.
      message.type = random.pick(
        ['calendar/events-seen', 'calendar/set-mentoring'].filter((t) => t !== message.type),
      );
    }
  },
  badEpoch(message, random) {
    const numbers = nodes(message).filter(
      (node) => node.path.at(-1) === 'start' || node.path.at(-1) === 'end',
    );
    const bad = random.pick([-1, 1.5, Number.NaN, Infinity, -Infinity, 8.64e15 + 1, Number.MAX_VALUE]);
    if (numbers.length > 0) setAt(message, random.pick(numbers).path, bad);
    else
      message.type = random.pick(['calendar/events-seen ', 'Calendar/Events-Seen', 'db/delete-everything']);
  },
  confusedType(message, random) {
    const bodyless = ['sidepanel/open', 'badge/refresh'];
    const others = MESSAGE_TYPES.filter(
      (type) =>
        type !== message.type && !(bodyless.includes(type) && bodyless.includes(String(message.type))),
    );
    message.type = random.pick([...others, 'db/delete-everything', '__proto__', 'constructor', '', 7, null]);
  },
};

function junkMessage(random: SeededRandom): unknown {
  const valid = validMessage(random.pick(MESSAGE_TYPES), random);
  return random.pick<() => unknown>([
    () => null,
    () => undefined,
    () => 0,
    () => Number.NaN,
    () => '',
    () => random.text(random.int(0, 5000)),
    () => JSON.stringify(valid),
    () => [valid],
    () => [],
    () => ({}),
    () => Object.create(null),
    () => new Date(),
    () => new Map([['type', valid.type]]),
    () => () => valid,
    () => deepJunk(random),
    () => JSON.parse(`{"__proto__": {"polluted": true}, "type": "badge/refresh"}`),
    () => JSON.parse(`{"constructor": {"prototype": {"polluted": true}}, "type": "sidepanel/open"}`),
    () => ({ type: valid.type, ...Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i])) }),
  ])();
}

function rejectionOf(reply: Awaited<ReturnType<typeof handleMessage>>): string {
  if (reply.ok) throw new Error(`accepted: ${JSON.stringify(reply.reply)}`);
  return reply.error;
}

function prototypeSnapshot() {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((proto) =>
    Object.getOwnPropertyNames(proto).sort(),
  );
}

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDatabase();
  await seedPrivateData();
});

describe('message fuzzing', () => {
  it('the generator is deterministic, so a failure can be replayed from its seed', () => {
    const first = new SeededRandom(SEED);
    const second = new SeededRandom(SEED);
    const draw = (random: SeededRandom) => Array.from({ length: 20 }, () => random.int(0, 1_000_000));
    expect(draw(first)).toEqual(draw(second));
  });

  it(`rejects ${MUTATED_MESSAGES} mutated and ${JUNK_MESSAGES} junk messages with a clear error, changing nothing`, async () => {
    const random = new SeededRandom(SEED);
    const before = await snapshotDatabase();
    const prototypesBefore = prototypeSnapshot();
    const used: Record<string, number> = {};
    const cases: { name: string; raw: unknown; sender: SenderInfo }[] = [];
    const mutationNames = Object.keys(MUTATIONS);
    for (let i = 0; i < MUTATED_MESSAGES; i += 1) {
      const type = random.pick(MESSAGE_TYPES);
      const message = validMessage(type, random);
      const name = random.pick(mutationNames);
      MUTATIONS[name]?.(message, random);
      used[name] = (used[name] ?? 0) + 1;
      const sender = random.bool() ? ALLOWED_SENDER[type] : random.pick(HOSTILE_SENDERS);
      cases.push({ name: `#${i} ${name} of ${type}`, raw: message, sender });
    }
    for (let i = 0; i < JUNK_MESSAGES; i += 1) {
      cases.push({ name: `#${i} junk`, raw: junkMessage(random), sender: random.pick(HOSTILE_SENDERS) });
    }

    const accepted: string[] = [];
    for (const { name, raw, sender } of cases) {
      const reply = await handleMessage(raw, sender);
      if (reply.ok) accepted.push(name);
      else expect(reply.error, name).toMatch(/^Rejected message: \S/);
    }
    expect(accepted.join('\n')).toEqual('');
    // Every kind of mutation was really tried, many times.
    for (const name of mutationNames) expect(used[name], name).toBeGreaterThan(30);

    expect(await snapshotDatabase()).toEqual(before);
    expect(prototypeSnapshot()).toEqual(prototypesBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('rejects every valid message that comes from a page not allowed to send it, changing nothing', async () => {
    const random = new SeededRandom(SEED + 1);
    const before = await snapshotDatabase();
    let tried = 0;
    for (const type of MESSAGE_TYPES) {
      for (const sender of HOSTILE_SENDERS) {
        if (allowedOrigin(type, sender)) continue;
        // The side panel may be asked for from either Google site; that is not a hostile sender.
        if (
          type === 'sidepanel/open' &&
          sender.id === fakeBrowser.runtime.id &&
          sender.url === calendarSender.url
        )
          continue;
        const error = rejectionOf(await handleMessage(validMessage(type, random), sender));
        expect(error, `${type} from ${JSON.stringify(sender)}`).toMatch(
          /^Rejected message: (.+ is not accepted from .+|it came from another extension)\.$/,
        );
        tried += 1;
      }
    }
    expect(tried).toBeGreaterThan(60);
    expect(await snapshotDatabase()).toEqual(before);
  });

  it('names the problem in the error: the field, or the sender', async () => {
    expect(
      rejectionOf(await handleMessage({ type: 'meet/status', meetCode: 'x', stage: 'lobby' }, meetSender)),
    ).toBe('Rejected message: a Meet code looks like abc-defg-hij at meetCode');
    expect(
      rejectionOf(await handleMessage(JSON.parse('{"type":"badge/refresh","__proto__":{"a":1}}'), ownPage)),
    ).toBe('Rejected message: Unrecognized key: "__proto__"');
    expect(rejectionOf(await handleMessage({ type: 'badge/refresh' }, calendarSender))).toBe(
      'Rejected message: badge/refresh is not accepted from https://calendar.google.com.',
    );
  });
});
