import type { ChipIds } from '@/lib/detect/chipPrefilter';
import type { CalendarEvent, CalendarGuest } from '@/lib/gcal/calendarEvent';
import { RecentMap } from '@/lib/gcal/recentValues';
import type { EventVerdict } from '@/lib/messages';
import { MESSAGE_LIMITS } from '@/lib/messaging/limits';
import { sendMessage } from '@/lib/messaging/sendMessage';

/**
 * How many events the page remembers at least (at most twice as many). Weeks of browsing show thousands
 * of events; remembering only the most recent keeps the content script's memory flat (an event
 * forgotten here is only reported once more).
 */
const MAX_REMEMBERED_EVENTS = 1_000;

const FNV_PRIME = 0x01000193;

/**
 * FNV-1a over one field: a string's char codes or a number's two 32-bit halves (times are integers),
 * then a marker of the value's type, above any char code, that also ends the field.
 */
function mix(hash: number, value: string | number | boolean | undefined): number {
  let marker = 0x10000;
  if (typeof value === 'string') {
    for (let i = 0; i < value.length; i += 1) hash = Math.imul(hash ^ value.charCodeAt(i), FNV_PRIME);
    marker += 1;
  } else if (typeof value === 'number') {
    hash = Math.imul(Math.imul(hash ^ value, FNV_PRIME) ^ (value / 0x100000000), FNV_PRIME);
    marker += 2;
  } else if (value !== undefined) {
    marker += value ? 3 : 4;
  }
  return Math.imul(hash ^ marker, FNV_PRIME);
}

/**
 * A short fingerprint of what the page showed of an event (32-bit FNV-1a over its field values, in the
 * order its reader writes them). Hashing the values directly costs a fraction of hashing their JSON
 * form, which every chip on screen would pay.
 */
function fingerprint(event: CalendarEvent): number {
  let hash = 0x811c9dc5;
  for (const value of Object.values(event)) {
    if (!Array.isArray(value)) {
      hash = mix(hash, value);
      continue;
    }
    hash = mix(hash, value.length);
    for (const guest of value as CalendarGuest[])
      for (const part of Object.values(guest)) hash = mix(hash, part);
  }
  return hash >>> 0;
}

/**
 * Reports events to the background and remembers its verdicts for this page, so an event reopened
 * gets its button at once, and an unchanged event is not reported twice.
 */
export class VerdictCache {
  /** @param learn hears of each event the background now holds: a mentoring verdict, or the user's mark. */
  constructor(private readonly learn: (ids: ChipIds) => void = () => {}) {}

  private readonly verdicts = new RecentMap<string, EventVerdict>(MAX_REMEMBERED_EVENTS);
  /** Per event: the fingerprint last reported, and the report while it is still on its way. */
  private readonly reported = new RecentMap<string, { form: number; sent?: Promise<void> }>(
    MAX_REMEMBERED_EVENTS,
  );

  get(eventId: string): EventVerdict | undefined {
    return this.verdicts.get(eventId);
  }

  /** Sends the events the background has not seen in this exact form; resolves with all their verdicts. */
  async report(reported: CalendarEvent[]): Promise<EventVerdict[]> {
    // An id longer than any real Calendar id would get the whole batch refused: leave that event out.
    const events = reported.filter(
      (event) =>
        event.eventId.length <= MESSAGE_LIMITS.id && (event.seriesId?.length ?? 0) <= MESSAGE_LIMITS.id,
    );
    const fresh = events
      .map((event) => ({ event, form: fingerprint(event) }))
      .filter(({ event, form }) => this.reported.get(event.eventId)?.form !== form);
    if (fresh.length > 0) {
      const sent = sendMessage({
        type: 'calendar/events-seen',
        events: fresh.map(({ event }) => event),
      }).then(({ verdicts }) => {
        this.remember(verdicts);
        for (const { event } of fresh) if (this.verdicts.get(event.eventId)?.mentoring) this.learn(event);
      });
      for (const { event, form } of fresh) this.reported.set(event.eventId, { form, sent });
      sent.then(
        () => {
          // Settled: keep only the fingerprint, not the promise and its closure.
          for (const { event, form } of fresh) {
            if (this.reported.get(event.eventId)?.sent === sent) this.reported.set(event.eventId, { form });
          }
        },
        () => {
          for (const { event } of fresh) this.reported.delete(event.eventId);
        },
      );
    }
    // Wait for every report these events are part of, including ones another caller started.
    await Promise.all(new Set(events.map((event) => this.reported.get(event.eventId)?.sent)));
    return events.flatMap((event) => this.verdicts.get(event.eventId) ?? []);
  }

  /** Asks again for events already reported, e.g. after the prep panel closed and progress changed. */
  async refresh(events: CalendarEvent[]): Promise<EventVerdict[]> {
    for (const event of events) this.reported.delete(event.eventId);
    return this.report(events);
  }

  async setMentoring(event: CalendarEvent, mentoring: boolean): Promise<EventVerdict> {
    const scope = event.seriesId ? 'series' : 'event';
    const { verdict } = await sendMessage({ type: 'calendar/set-mentoring', event, mentoring, scope });
    this.remember([verdict]);
    this.learn(event);
    return verdict;
  }

  private remember(verdicts: EventVerdict[]): void {
    for (const verdict of verdicts) this.verdicts.set(verdict.eventId, verdict);
  }
}
