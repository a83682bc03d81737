/**
 * The shapes stored in the "fourps" database. Keys are strings (calendar ids or UUIDs), never
 * auto-increment, so the data can later sync across devices without re-keying (ARCHITECTURE rule 6).
 */
import type { DetectionResult } from '@/lib/detect/detectMentoring';
import type { Phase, Role } from '@/lib/fourps/types';
import type { CalendarEventSource, CalendarGuest } from '@/lib/gcal/calendarEvent';

export interface RelationshipRecord {
  id: string;
  partnerName: string;
  /** Lower-cased; multi-entry indexed so a guest's e-mail finds its relationship. */
  partnerEmails: string[];
  myRole: Role;
  learningGoals: string;
  phase: Phase;
  archived: boolean;
  createdAt: number;
}

export type MeetingState = 'scheduled' | 'in-call' | 'ended';

export interface MeetingRecord {
  id: string;
  /** Decoded Google Calendar event id (with the instance suffix of a recurring event). */
  calendarEventId?: string;
  seriesId?: string;
  calendarId?: string;
  relationshipId?: string;
  title: string;
  /** Epoch ms; indexed for the upcoming-meetings query. */
  start?: number;
  end?: number;
  allDay: boolean;
  recurrenceText?: string;
  location?: string;
  description?: string;
  guests: CalendarGuest[];
  organizer?: string;
  meetCode?: string;
  source: 'calendar' | 'ad-hoc';
  /** The richest calendar view this meeting was read from; a chip never overwrites what a dialog told. */
  seenIn?: CalendarEventSource;
  detection: DetectionResult;
  /** The user's own verdict for this event; wins over detection. */
  userOverride?: boolean;
  declined: boolean;
  cancelled: boolean;
  state: MeetingState;
  endedAt?: number;
  createdAt: number;
  updatedAt: number;
}

export interface QuestionToBring {
  id: string;
  text: string;
  askedAt?: number;
}

export interface PrepRecord {
  meetingId: string;
  role: Role;
  /** Answer text per catalogue question id. */
  answers: Record<string, string>;
  questionsToBring: QuestionToBring[];
  /** When each answer was last edited, so an older save from another view never overwrites newer text. */
  answerEditedAt: Record<string, number>;
  updatedAt: number;
}

export interface NotesRecord {
  meetingId: string;
  text: string;
  feedbackHeard: string;
  /** When each field was last typed, so a late save of older text never overwrites newer (rule 8). */
  fieldEditedAt?: Record<string, number>;
  updatedAt: number;
}

export type ActionOwner = 'me' | 'partner';

export interface ActionItemRecord {
  id: string;
  relationshipId?: string;
  meetingId: string;
  text: string;
  owner: ActionOwner;
  /** Epoch ms of the due day, or 0 when none (IndexedDB cannot index a missing value for range queries). */
  due: number;
  /** Epoch ms when ticked, 0 while open: 0 keeps open items indexable (IndexedDB cannot index null). */
  doneAt: number;
  createdAt: number;
}

/**
 * How action items are stored: one record per meeting holding all its items. A 10-year database has
 * 50,000 items, and Chromium spends about 0.1 ms of work on every IndexedDB record written, whatever its
 * size: a restore of one record per item took 5–14 s, of one per meeting well under 2 s. The two key
 * arrays are derived from the items (lib/db/actionItemLists.ts) and only exist to be indexed.
 */
export interface ActionItemListRecord {
  meetingId: string;
  /** The meeting's items, oldest first; each keeps its own global id, meeting and relationship. */
  items: ActionItemRecord[];
  /**
   * One key per open item, `[due, createdAt, id]`, undated items after every date: the multi-entry
   * index lists open items overdue first, then by due date, undated last, oldest first on a tie.
   */
  openOrder: [number, number, string][];
  /** The relationships that have an open item here (multi-entry index: one relationship's open items). */
  openRelationships: string[];
}

export interface PlanRecord {
  meetingId: string;
  menteeNeeds: string;
  accountability: string;
  learned: string;
  feedback: string;
  nextMeetingDate?: number;
  nextMeetingGoal: string;
  checked: Record<string, boolean>;
  doneAt?: number;
  /** When each field was last edited, so a late save of older text never overwrites newer (rule 8). */
  fieldEditedAt?: Record<string, number>;
  updatedAt: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * Derived, not entered: one row per relationship that has open action items, with their due dates,
 * kept exact by lib/db/openItemTallyMiddleware.ts in the transaction of every action item write, so
 * the popup counts open and overdue items by reading a row per relationship instead of walking an
 * index. Never backed up: the items are, and an import rebuilds the tally from them.
 */
export interface OpenItemTallyRecord {
  /** The items' `relationshipId`, or `NO_RELATIONSHIP` (lib/db/openItemTally.ts) for items without one. */
  relationshipKey: string;
  /** The `due` of every open item, ascending, one entry per item (undated items are the 0s first). */
  dues: number[];
}
