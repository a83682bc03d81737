import type { NotesField } from '@/lib/db/notes';
import type { PlanTextField } from '@/lib/db/plans';

/** The text field a draft belongs to: a prep answer, a notes field or a Plan answer of one meeting. */
export type DraftTarget =
  | { kind: 'prep'; meetingId: string; field: string }
  | { kind: 'notes'; meetingId: string; field: NotesField }
  | { kind: 'plan'; meetingId: string; field: PlanTextField };

export type DraftKind = DraftTarget['kind'];

const NOTES_FIELDS: readonly string[] = ['text', 'feedbackHeard'] satisfies NotesField[];
const PLAN_FIELDS: readonly string[] = [
  'menteeNeeds',
  'accountability',
  'learned',
  'feedback',
  'nextMeetingGoal',
] satisfies PlanTextField[];

/** The target named by a kind, meeting and field, or undefined when no autosaved field is called so. */
export function draftTarget(kind: string, meetingId: string, field: string): DraftTarget | undefined {
  if (meetingId === '' || field === '') return undefined;
  if (kind === 'prep') return { kind, meetingId, field };
  if (kind === 'notes' && NOTES_FIELDS.includes(field)) {
    return { kind, meetingId, field: field as NotesField };
  }
  if (kind === 'plan' && PLAN_FIELDS.includes(field)) {
    return { kind, meetingId, field: field as PlanTextField };
  }
  return undefined;
}

/**
 * Reads a draft key, `<kind>:<meeting id>:<field>` (the keys of the draft journal). Meeting ids may
 * hold colons, fields never do.
 */
export function parseDraftKey(key: string): DraftTarget | undefined {
  const kindEnd = key.indexOf(':');
  const fieldStart = key.lastIndexOf(':');
  if (kindEnd < 0 || fieldStart <= kindEnd) return undefined;
  return draftTarget(key.slice(0, kindEnd), key.slice(kindEnd + 1, fieldStart), key.slice(fieldStart + 1));
}
