import type { CalendarEvent } from '../gcal/calendarEvent';

/** The user's detection settings. Treat as immutable: compiled matchers are memoized by object identity. */
export interface DetectionRules {
  /**
   * Words or phrases that mark a mentoring meeting when found in the title or description.
   * Matched as whole words, ignoring case and accents; spaces and hyphens inside a phrase are
   * interchangeable ("1-on-1" also finds "1 on 1" and "1on1"); a plural "s" is accepted; a trailing
   * `*` matches any word starting with it ("Mentoring*" finds "Mentoringgespräch"). Keywords in
   * Japanese, Chinese or Korean script match anywhere, as those languages do not space their words.
   */
  keywords: string[];
  /** Words that veto a keyword match (same matching as keywords). A known partner still counts. */
  excludedWords: string[];
  /** Guests whose presence marks a meeting as mentoring; an entry starting with `@` matches a whole domain. */
  partnerEmails: string[];
}

export interface DetectionRelationship {
  id: string;
  partnerEmails: string[];
  archived?: boolean;
}

export interface DetectionContext {
  rules: DetectionRules;
  /** Treat as immutable: the partner lookup is memoized by array identity, so pass a new array after a change. */
  relationships: readonly DetectionRelationship[];
  /** The user's choice for this event; wins over everything. */
  eventOverride?: boolean;
  /** The user's choice for the recurring series this event belongs to. */
  seriesOverride?: boolean;
}

export type DetectionReason =
  | 'event-override'
  | 'series-override'
  | 'relationship-guest'
  | 'partner-email'
  | 'keyword'
  | 'excluded-word'
  | 'no-match';

export interface DetectionResult {
  mentoring: boolean;
  reason: DetectionReason;
  /** What matched, as written: the keyword, the excluded word, the `partnerEmails` entry, or the guest's email. */
  matched?: string;
  /** Set when a guest is the partner of a known relationship. */
  relationshipId?: string;
}

export type DetectableEvent = Pick<
  CalendarEvent,
  'title' | 'description' | 'guests' | 'eventId' | 'seriesId'
>;
