/**
 * A cheap test a calendar page runs on each chip before it parses the chip in full and reports it.
 * A week shows dozens of chips and most are not mentoring meetings; the background still decides
 * everything. The test may admit a chip the background then turns down, but it must never turn down
 * a chip the background would judge a mentoring meeting, or one the background stores.
 *
 * What can make a chip a mentoring meeting? A chip carries no guests and no description. So for a
 * chip, detectMentoring can only answer yes for two reasons:
 * - a keyword in its title;
 * - what the background already holds about the event: an override, a relationship, or a stored
 *   description or guest list. Every such event has a stored meeting, or its series has one or an
 *   override.
 * Stored meetings must also hear about renames and moves even when the new title has no keyword.
 * So a chip is admitted when:
 * - its title holds a literal that every match of some keyword holds (a "phone" call is admitted for
 *   "one-on-one", and then turned down by the background), or
 * - its event id or series id is one the background knows.
 */
import { normalizeForMatching } from './normalizeForMatching';

/** What the background hands a calendar page for this test. */
export interface ChipPrefilterInputs {
  /**
   * compileDetectionRules.ts#keywordLiterals of the user's keywords: any keyword match holds one.
   * Testing for them costs a few substring searches, where the keyword regex costs milliseconds to
   * compile in each page. Excluded words stay with the background: they only turn a match down.
   */
  keywordLiterals: string[];
  /** `idHash` of every event id and series id the background holds a meeting or an override for. */
  knownIds: number[];
}

export interface ChipIds {
  eventId: string;
  seriesId?: string;
}

/**
 * A 32-bit FNV-1a hash of an event or series id. The page keeps hashes, not ids: a number each rather
 * than a string of dozens of characters, and no id of a stored meeting it has not shown. A collision
 * only admits one chip too many.
 */
export function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

export class ChipPrefilter {
  private readonly literals: readonly string[];
  private readonly known: Set<number>;

  constructor(inputs: ChipPrefilterInputs) {
    this.literals = inputs.keywordLiterals;
    this.known = new Set(inputs.knownIds);
  }

  /** Adds an event (and its series) the background now holds, as this page learns of it. */
  learn(ids: ChipIds): void {
    this.known.add(idHash(ids.eventId));
    if (ids.seriesId !== undefined) this.known.add(idHash(ids.seriesId));
  }

  /**
   * Whether the chip may be a mentoring meeting, or is one the background holds. `title` is the title
   * its event carries (lib/gcal/parseChip.ts#chipTitle): the very text detection judges.
   */
  admits(ids: ChipIds, title: string): boolean {
    if (this.known.has(idHash(ids.eventId))) return true;
    if (ids.seriesId !== undefined && this.known.has(idHash(ids.seriesId))) return true;
    const folded = normalizeForMatching(title);
    return this.literals.some((literal) => folded.includes(literal));
  }
}
