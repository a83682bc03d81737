import { normalizeForMatching } from '@/lib/detect/normalizeForMatching';
import type { MeetingExportData } from '@/lib/export/meetingMarkdown';

/** Every text the user wrote about a meeting, and its title, as one searchable string. */
function searchableText(data: MeetingExportData): string {
  const { meeting, prep, notes, plan, actionItems } = data;
  return [
    meeting.title,
    ...Object.values(prep?.answers ?? {}),
    ...(prep?.questionsToBring.map((q) => q.text) ?? []),
    notes?.text,
    notes?.feedbackHeard,
    plan?.menteeNeeds,
    plan?.accountability,
    plan?.learned,
    plan?.feedback,
    plan?.nextMeetingGoal,
    ...actionItems.map((item) => item.text),
  ]
    .filter((text): text is string => typeof text === 'string' && text !== '')
    .join('\n');
}

/**
 * Whether a meeting matches a search: every word of the query appears somewhere in it, ignoring case
 * and accents (the same folding detection uses, so "resume" finds "résumé").
 */
export function meetingMatchesSearch(data: MeetingExportData, query: string): boolean {
  const words = normalizeForMatching(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalizeForMatching(searchableText(data));
  return words.every((word) => haystack.includes(word));
}
