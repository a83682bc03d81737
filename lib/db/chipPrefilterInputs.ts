import { type ChipPrefilterInputs, idHash } from '@/lib/detect/chipPrefilter';
import { keywordLiterals } from '@/lib/detect/compileDetectionRules';
import { db } from './database';
import { CALENDAR_MEETING_ID_PREFIX } from './meetings';
import { getDetectionInputs } from './settings';

/**
 * What a calendar page needs to skip the chips that cannot be mentoring meetings (see
 * lib/detect/chipPrefilter.ts). The page learns of every event the background holds, by the hash of
 * its id. Events are listed by their meeting's key and series by the series index, so no meeting row
 * is read: the page asks when it loads, after each change to detection, and when its tab is shown.
 */
export async function chipPrefilterInputs(): Promise<ChipPrefilterInputs> {
  return db.transaction('r', db.meetings, db.settings, async () => {
    const [{ rules, seriesOverrides }, meetingIds, seriesIds] = await Promise.all([
      getDetectionInputs(),
      db.meetings.toCollection().primaryKeys(),
      db.meetings.orderBy('seriesId').uniqueKeys(),
    ]);
    const knownIds = new Set<number>();
    for (const id of meetingIds) {
      // Calls that are on no calendar have meetings of their own, with no chip to match.
      if (id.startsWith(CALENDAR_MEETING_ID_PREFIX))
        knownIds.add(idHash(id.slice(CALENDAR_MEETING_ID_PREFIX.length)));
    }
    for (const seriesId of seriesIds) knownIds.add(idHash(String(seriesId)));
    for (const seriesId of Object.keys(seriesOverrides)) knownIds.add(idHash(seriesId));
    return { keywordLiterals: keywordLiterals(rules.keywords), knownIds: [...knownIds] };
  });
}
