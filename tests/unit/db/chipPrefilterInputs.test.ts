import { beforeEach, describe, expect, it } from 'vitest';
import { chipPrefilterInputs } from '@/lib/db/chipPrefilterInputs';
import { db } from '@/lib/db/database';
import {
  meetingIdForCalendarEvent,
  setMentoringOverride,
  upsertMeetingsFromCalendar,
} from '@/lib/db/meetings';
import { saveDetectionRules } from '@/lib/db/settings';
import { ChipPrefilter, idHash } from '@/lib/detect/chipPrefilter';
import type { CalendarEvent } from '@/lib/gcal/calendarEvent';
import { calendarEvent } from '../calendarEventFactory';
import { resetDatabase } from '../resetDatabase';
import { SeededRandom } from '../trust/seededRandom';

beforeEach(resetDatabase);

const SAM = { email: 'sam.rivera@example.com', name: 'Sam Rivera', response: 'accepted' as const };
const TITLES = ['Coffee', 'Mentoring with Sam', 'Team standup', 'Catch-up', 'Mentor Graphics call'];

/** A chip of one of a few events: single events and instances of two series, any title. */
function chipOf(random: SeededRandom): CalendarEvent {
  const series = [undefined, 'serA', 'serB'][random.int(0, 2)];
  const eventId = series ? `${series}_2026091${random.int(0, 4)}T090000Z` : `evt${random.int(0, 5)}`;
  return calendarEvent({
    eventId,
    ...(series ? { seriesId: series } : {}),
    title: random.pick(TITLES),
    guests: [],
    source: 'chip',
  });
}

/**
 * The contract with the page: a chip the prefilter built from these inputs skips is one the
 * background would neither call mentoring nor store, nor hold a row for that a report would update.
 */
async function expectSkippedChipsChangeNothing(chips: CalendarEvent[]): Promise<number> {
  const prefilter = new ChipPrefilter(await chipPrefilterInputs());
  let skipped = 0;
  for (const chip of chips) {
    if (prefilter.admits(chip, chip.title)) continue;
    skipped++;
    const id = meetingIdForCalendarEvent(chip.eventId);
    expect(await db.meetings.get(id), `${chip.eventId} "${chip.title}" is stored`).toBeUndefined();
    const [judged] = await upsertMeetingsFromCalendar([chip]);
    expect(judged?.detection.mentoring, `${chip.eventId} "${chip.title}"`).toBe(false);
    expect(await db.meetings.get(id)).toBeUndefined();
  }
  return skipped;
}

describe('chipPrefilterInputs', () => {
  it('hands the page the keywords, and the hash of every stored event, series and series mark', async () => {
    await saveDetectionRules({
      keywords: ['mentor', 'career chat'],
      excludedWords: ['x'],
      partnerEmails: [],
    });
    await upsertMeetingsFromCalendar([
      calendarEvent({ eventId: 'one_20260915T090000Z', seriesId: 'one', title: 'Mentor chat' }),
    ]);
    await setMentoringOverride(calendarEvent({ eventId: 'two', title: 'Lunch' }), true, 'event');
    await setMentoringOverride(
      calendarEvent({ eventId: 'three_20260915T090000Z', seriesId: 'three', title: 'Standup' }),
      false,
      'series',
    );
    // A call on no calendar has a meeting of its own, which no chip shows.
    const marked = await db.meetings.get('gcal:two');
    if (!marked) throw new Error('The marked event was not stored.');
    await db.meetings.put({ ...marked, id: 'adhoc:abc', calendarEventId: undefined });
    const inputs = await chipPrefilterInputs();
    expect(inputs.keywordLiterals.sort()).toEqual(['career', 'mentor']);
    // "Not mentoring" for a whole series stores no row for the instance, only the series' mark.
    const expected = ['one_20260915T090000Z', 'one', 'two', 'three'].map(idHash);
    expect([...inputs.knownIds].sort()).toEqual([...expected].sort());
  });

  it('skips only chips that change nothing, through reports, dialogs with a partner, and marks', async () => {
    await db.relationships.put({
      id: 'rel-sam',
      partnerName: 'Sam Rivera',
      partnerEmails: [SAM.email],
      myRole: 'mentee',
      learningGoals: '',
      phase: 'cultivation',
      archived: false,
      createdAt: 1,
    });
    const random = new SeededRandom(20261206);
    let skipped = 0;
    for (let step = 0; step < 60; step++) {
      const event = chipOf(random);
      const action = random.int(0, 3);
      if (action === 0) await upsertMeetingsFromCalendar([event]);
      // The details dialog shows the guests: Sam makes it a meeting of the relationship.
      if (action === 1) await upsertMeetingsFromCalendar([{ ...event, guests: [SAM], source: 'dialog' }]);
      if (action === 2) await setMentoringOverride(event, random.bool(), event.seriesId ? 'series' : 'event');
      skipped += await expectSkippedChipsChangeNothing(Array.from({ length: 12 }, () => chipOf(random)));
    }
    // The prefilter did skip chips along the way, so the checks above ran.
    expect(skipped).toBeGreaterThan(20);
  });
});
