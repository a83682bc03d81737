import { compileDetectionRules, normalizeEmail } from './compileDetectionRules';
import type { DetectableEvent, DetectionContext, DetectionRelationship, DetectionResult } from './types';

export type {
  DetectableEvent,
  DetectionContext,
  DetectionReason,
  DetectionRelationship,
  DetectionResult,
  DetectionRules,
} from './types';

const partnerIndexes = new WeakMap<readonly DetectionRelationship[], ReadonlyMap<string, string>>();

/** Partner email → relationship id over the active relationships; the first relationship listed wins. */
function partnerIndex(relationships: readonly DetectionRelationship[]): ReadonlyMap<string, string> {
  let index = partnerIndexes.get(relationships);
  if (index === undefined) {
    const built = new Map<string, string>();
    for (const relationship of relationships) {
      if (relationship.archived) continue;
      for (const email of relationship.partnerEmails) {
        const key = normalizeEmail(email);
        if (key !== '' && !built.has(key)) built.set(key, relationship.id);
      }
    }
    index = built;
    partnerIndexes.set(relationships, index);
  }
  return index;
}

/**
 * Is this calendar event a mentoring meeting? Pure; cheap enough for every chip on the grid.
 *
 * Precedence, first that applies decides:
 * 1. the user's override for this event, then for its series — the user's word always wins;
 * 2. a guest who is the partner of a known, non-archived relationship (relationshipId is set);
 * 3. a guest listed in rules.partnerEmails;
 * 4. a keyword in the title or description — unless an excluded word appears there too.
 *
 * Excluded words only veto keywords. A partner is a person the user named on purpose, while excluded
 * words are a blunt text filter against false keyword hits ("Mentor Graphics"); letting them hide
 * meetings with a known partner would silently drop real sessions. For a partner meeting that is not
 * mentoring, the per-event or per-series override is the precise tool.
 */
export function detectMentoring(event: DetectableEvent, context: DetectionContext): DetectionResult {
  if (context.eventOverride !== undefined)
    return { mentoring: context.eventOverride, reason: 'event-override' };
  if (context.seriesOverride !== undefined) {
    return { mentoring: context.seriesOverride, reason: 'series-override' };
  }

  const partners = partnerIndex(context.relationships);
  if (partners.size > 0) {
    for (const guest of event.guests) {
      const relationshipId = partners.get(normalizeEmail(guest.email));
      if (relationshipId !== undefined) {
        return { mentoring: true, reason: 'relationship-guest', matched: guest.email, relationshipId };
      }
    }
  }

  const rules = compileDetectionRules(context.rules);
  for (const guest of event.guests) {
    const entry = rules.findPartnerEmail(guest.email);
    if (entry !== undefined) return { mentoring: true, reason: 'partner-email', matched: entry };
  }

  const text = event.description ? `${event.title}\n${event.description}` : event.title;
  const keyword = rules.findKeyword(text);
  if (keyword === undefined) return { mentoring: false, reason: 'no-match' };
  const excluded = rules.findExcludedWord(text);
  if (excluded !== undefined) return { mentoring: false, reason: 'excluded-word', matched: excluded };
  return { mentoring: true, reason: 'keyword', matched: keyword };
}
