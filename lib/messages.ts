/**
 * The closed set of messages a content script or extension page may send to the background, each
 * with a zod schema. The background parses every message with `parseMessage` before anything
 * touches the database (ARCHITECTURE rule 5). Content scripts import only the types from here
 * (`import type`), so zod never enters their bundles.
 */

import type { ChipPrefilterInputs } from '@/lib/detect/chipPrefilter';
import { draftTarget } from '@/lib/drafts/draftTarget';
import type { CalendarEvent } from '@/lib/gcal/calendarEvent';
import { MESSAGE_LIMITS } from '@/lib/messaging/limits';
import { z } from '@/lib/zod';

const shortText = z.string().max(MESSAGE_LIMITS.shortText);
const id = z.string().min(1).max(MESSAGE_LIMITS.id);
const epochMs = z.number().int().nonnegative().max(8.64e15);
const meetCode = z.string().regex(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/, 'a Meet code looks like abc-defg-hij');

const calendarGuestSchema = z.strictObject({
  email: shortText,
  name: shortText.optional(),
  response: z.enum(['accepted', 'declined', 'tentative', 'needsAction', 'unknown']),
  organizer: z.boolean().optional(),
});

export const calendarEventSchema = z.strictObject({
  eventId: id,
  seriesId: id.optional(),
  calendarId: shortText.optional(),
  title: shortText,
  start: epochMs.optional(),
  end: epochMs.optional(),
  allDay: z.boolean(),
  recurrenceText: shortText.optional(),
  location: shortText.optional(),
  guests: z.array(calendarGuestSchema).max(MESSAGE_LIMITS.guests),
  organizer: shortText.optional(),
  description: z.string().max(MESSAGE_LIMITS.description).optional(),
  meetCode: meetCode.optional(),
  declined: z.boolean(),
  cancelled: z.boolean(),
  source: z.enum(['chip', 'dialog', 'event-page']),
}) satisfies z.ZodType<CalendarEvent>;

export const messageSchema = z.discriminatedUnion('type', [
  /** Calendar content script: events it can see right now (chips, a details dialog, an event page). */
  z.strictObject({
    type: z.literal('calendar/events-seen'),
    events: z.array(calendarEventSchema).min(1).max(MESSAGE_LIMITS.eventsPerMessage),
  }),
  /**
   * Calendar content script: what it needs to skip the chips that cannot be mentoring meetings (see
   * lib/detect/chipPrefilter.ts), asked when it loads, when its tab is shown again and after each change to detection.
   */
  z.strictObject({ type: z.literal('calendar/chip-prefilter') }),
  /** Calendar content script: the user marked an event (and by default its series) as mentoring or not. */
  z.strictObject({
    type: z.literal('calendar/set-mentoring'),
    event: calendarEventSchema,
    mentoring: z.boolean(),
    scope: z.enum(['event', 'series']),
  }),
  /**
   * Meet content script: the call in this tab started ('in-call', also after a rejoin, which undoes an
   * end within the grace) or is over ('ended'); 'lobby' only links the tab to its meeting.
   */
  z.strictObject({
    type: z.literal('meet/status'),
    meetCode,
    stage: z.enum(['lobby', 'in-call', 'ended']),
  }),
  /** A click in a host page asks for the side panel of that tab (the click is the user gesture). */
  z.strictObject({ type: z.literal('sidepanel/open') }),
  /**
   * An extension page (popup, dashboard) changed preps, meetings or preferences: recompute the toolbar
   * badge and the reminder alarms now rather than at the next periodic refresh.
   */
  z.strictObject({ type: z.literal('badge/refresh') }),
  /** Side panel: the user says which meeting a Meet call that matched none is. */
  z.strictObject({ type: z.literal('call/link'), meetCode, meetingId: id }),
  /** Side panel: the Meet call is a mentoring conversation that is on no calendar. */
  z.strictObject({ type: z.literal('call/ad-hoc'), meetCode, relationshipId: id.optional() }),
]);

export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];

export type PrepStatus = 'none' | 'partial' | 'done';

/** What the background tells a content script about one event it reported. */
export interface EventVerdict {
  eventId: string;
  meetingId: string;
  mentoring: boolean;
  prepStatus: PrepStatus;
}

export interface MessageReplies {
  'calendar/events-seen': { verdicts: EventVerdict[] };
  'calendar/set-mentoring': { verdict: EventVerdict };
  'calendar/chip-prefilter': ChipPrefilterInputs;
  'meet/status': { meetingId: string | null };
  'sidepanel/open': { opened: boolean };
  'badge/refresh': { refreshed: true };
  'call/link': { meetingId: string };
  'call/ad-hoc': { meetingId: string };
}

export type Reply<T extends MessageType> = MessageReplies[T];

/** Every answer is wrapped so a content script can tell a rejection from a reply. */
export type Envelope<T> = { ok: true; reply: T } | { ok: false; error: string };

export function parseMessage(raw: unknown): { ok: true; message: Message } | { ok: false; error: string } {
  const result = messageSchema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return { ok: false, error: `Rejected message: ${first?.message ?? 'invalid'}${where}` };
}

/** Longest text a page may hand the background over the draft port (a whole notes field fits). */
const DRAFT_TEXT_MAX = 1_000_000;

const draftTargetShape = {
  kind: z.enum(['prep', 'notes', 'plan']),
  meetingId: id,
  field: id,
};

/**
 * Extension pages → background, over the long-lived draft port (see lib/drafts/draftRelay.ts and
 * lib/background/draftPort.ts), never from a content script: 'draft/changed' carries each keystroke's
 * unsaved text, 'draft/saved' says the page stored it itself up to `editedAt`.
 */
export const draftPortMessageSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('draft/changed'),
      ...draftTargetShape,
      text: z.string().max(DRAFT_TEXT_MAX),
      editedAt: epochMs,
    }),
    z.strictObject({ type: z.literal('draft/saved'), ...draftTargetShape, editedAt: epochMs }),
  ])
  .refine((message) => draftTarget(message.kind, message.meetingId, message.field) !== undefined, {
    message: 'no autosaved field of that kind is called so',
    path: ['field'],
  });

export type DraftPortMessage = z.infer<typeof draftPortMessageSchema>;

export function parseDraftPortMessage(
  raw: unknown,
): { ok: true; message: DraftPortMessage } | { ok: false; error: string } {
  const result = draftPortMessageSchema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return { ok: false, error: `Rejected draft message: ${first?.message ?? 'invalid'}${where}` };
}
