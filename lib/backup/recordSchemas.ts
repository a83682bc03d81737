/**
 * One zod schema per stored record, used to check every row of a backup before it is written.
 * Each is tied to its record type twice: `satisfies z.ZodType<Record>` fails the build when the schema
 * accepts something the type does not allow, and `RowSchemasMirrorRecords` fails it when the type gains
 * or loses a field the schema does not list, so the two cannot drift apart.
 */

import type {
  ActionItemRecord,
  MeetingRecord,
  NotesRecord,
  PlanRecord,
  PrepRecord,
  QuestionToBring,
  RelationshipRecord,
  SettingRecord,
} from '@/lib/db/records';
import { SETTING_KEYS } from '@/lib/db/settings';
import type { DetectionResult, DetectionRules } from '@/lib/detect/detectMentoring';
import type { CalendarGuest } from '@/lib/gcal/calendarEvent';
import { z } from '@/lib/zod';

/**
 * Generous on purpose: they exist to refuse absurd or hostile files, and must never refuse a backup
 * of data the extension itself stored.
 */
export const BACKUP_LIMITS = {
  id: 1_024,
  shortText: 10_000,
  longText: 1_000_000,
  listItems: 10_000,
} as const;

/**
 * Keys that would reach an object's prototype when copied with plain assignment. `parseBackup` refuses
 * them anywhere in a file; the key schema refuses them again so no record map can ever hold one.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const id = z.string().min(1, 'an id must not be empty').max(BACKUP_LIMITS.id);
const mapKey = id.refine((key) => !FORBIDDEN_KEYS.has(key), 'this key name is not allowed');
const shortText = z.string().max(BACKUP_LIMITS.shortText);
const longText = z.string().max(BACKUP_LIMITS.longText);
const epochMs = z.number().int().nonnegative().max(8.64e15);
const role = z.enum(['mentor', 'mentee']);
const phase = z.enum(['initiation', 'cultivation', 'separation', 'redefinition']);
const list = <Item extends z.ZodType>(item: Item) => z.array(item).max(BACKUP_LIMITS.listItems);

export const relationshipRow = z.strictObject({
  id,
  partnerName: shortText,
  partnerEmails: list(shortText),
  myRole: role,
  learningGoals: longText,
  phase,
  archived: z.boolean(),
  createdAt: epochMs,
}) satisfies z.ZodType<RelationshipRecord>;

const guestSchema = z.strictObject({
  email: shortText,
  name: shortText.optional(),
  response: z.enum(['accepted', 'declined', 'tentative', 'needsAction', 'unknown']),
  organizer: z.boolean().optional(),
}) satisfies z.ZodType<CalendarGuest>;

const detectionSchema = z.strictObject({
  mentoring: z.boolean(),
  reason: z.enum([
    'event-override',
    'series-override',
    'relationship-guest',
    'partner-email',
    'keyword',
    'excluded-word',
    'no-match',
  ]),
  matched: shortText.optional(),
  relationshipId: id.optional(),
}) satisfies z.ZodType<DetectionResult>;

export const meetingRow = z.strictObject({
  id,
  calendarEventId: id.optional(),
  seriesId: id.optional(),
  calendarId: shortText.optional(),
  relationshipId: id.optional(),
  title: shortText,
  start: epochMs.optional(),
  end: epochMs.optional(),
  allDay: z.boolean(),
  recurrenceText: shortText.optional(),
  location: shortText.optional(),
  description: longText.optional(),
  guests: list(guestSchema),
  organizer: shortText.optional(),
  meetCode: shortText.optional(),
  source: z.enum(['calendar', 'ad-hoc']),
  seenIn: z.enum(['chip', 'dialog', 'event-page']).optional(),
  detection: detectionSchema,
  userOverride: z.boolean().optional(),
  declined: z.boolean(),
  cancelled: z.boolean(),
  state: z.enum(['scheduled', 'in-call', 'ended']),
  endedAt: epochMs.optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
}) satisfies z.ZodType<MeetingRecord>;

const questionToBringSchema = z.strictObject({
  id,
  text: longText,
  askedAt: epochMs.optional(),
}) satisfies z.ZodType<QuestionToBring>;

export const prepRow = z.strictObject({
  meetingId: id,
  role,
  answers: z.record(mapKey, longText),
  questionsToBring: list(questionToBringSchema),
  answerEditedAt: z.record(mapKey, epochMs),
  updatedAt: epochMs,
}) satisfies z.ZodType<PrepRecord>;

export const notesRow = z.strictObject({
  meetingId: id,
  text: longText,
  feedbackHeard: longText,
  fieldEditedAt: z.record(mapKey, epochMs).optional(),
  updatedAt: epochMs,
}) satisfies z.ZodType<NotesRecord>;

export const actionItemRow = z.strictObject({
  id,
  relationshipId: id.optional(),
  meetingId: id,
  text: longText,
  owner: z.enum(['me', 'partner']),
  due: epochMs,
  doneAt: epochMs,
  createdAt: epochMs,
}) satisfies z.ZodType<ActionItemRecord>;

export const planRow = z.strictObject({
  meetingId: id,
  menteeNeeds: longText,
  accountability: longText,
  learned: longText,
  feedback: longText,
  nextMeetingDate: epochMs.optional(),
  nextMeetingGoal: longText,
  checked: z.record(mapKey, z.boolean()),
  doneAt: epochMs.optional(),
  fieldEditedAt: z.record(mapKey, epochMs).optional(),
  updatedAt: epochMs,
}) satisfies z.ZodType<PlanRecord>;

const detectionRulesSchema = z.strictObject({
  keywords: list(shortText),
  excludedWords: list(shortText),
  partnerEmails: list(shortText),
}) satisfies z.ZodType<DetectionRules>;

/** Settings the app reads back with a cast, so a wrong shape here would surface later as a crash. */
const KNOWN_SETTING_VALUES: Readonly<Record<string, z.ZodType>> = {
  [SETTING_KEYS.detectionRules]: detectionRulesSchema,
  [SETTING_KEYS.seriesOverrides]: z.record(mapKey, z.boolean()),
  [SETTING_KEYS.defaultRole]: role,
};

/**
 * A setting the app does not know yet (added by another feature) is kept as any JSON value, so a
 * backup never drops a preference; the ones it knows must have the shape their readers expect.
 */
export const settingRow = z.strictObject({ key: id, value: z.json() }).superRefine((row, ctx) => {
  const valueSchema = Object.hasOwn(KNOWN_SETTING_VALUES, row.key)
    ? KNOWN_SETTING_VALUES[row.key]
    : undefined;
  const result = valueSchema?.safeParse(row.value);
  for (const issue of result?.error?.issues ?? []) {
    ctx.addIssue({ code: 'custom', message: issue.message, path: ['value', ...issue.path] });
  }
}) satisfies z.ZodType<SettingRecord>;

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Mirrors<Schema extends z.ZodType, Row> = SameKeys<z.output<Schema>, Row>;
type Assert<Condition extends true> = Condition;

/** Compile-time only: a record field missing from its schema (or the reverse) turns one entry false. */
export type RowSchemasMirrorRecords = [
  Assert<Mirrors<typeof relationshipRow, RelationshipRecord>>,
  Assert<Mirrors<typeof guestSchema, CalendarGuest>>,
  Assert<Mirrors<typeof detectionSchema, DetectionResult>>,
  Assert<Mirrors<typeof meetingRow, MeetingRecord>>,
  Assert<Mirrors<typeof questionToBringSchema, QuestionToBring>>,
  Assert<Mirrors<typeof prepRow, PrepRecord>>,
  Assert<Mirrors<typeof notesRow, NotesRecord>>,
  Assert<Mirrors<typeof actionItemRow, ActionItemRecord>>,
  Assert<Mirrors<typeof planRow, PlanRecord>>,
  Assert<Mirrors<typeof detectionRulesSchema, DetectionRules>>,
  Assert<Mirrors<typeof settingRow, SettingRecord>>,
];
