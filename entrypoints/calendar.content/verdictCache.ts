import type { CalendarEvent } from '@/lib/gcal/calendarEvent';
import type { EventVerdict } from '@/lib/messages';
import { MESSAGE_LIMITS } from '@/lib/messaging/limits';
import { sendMessage } from '@/lib/messaging/sendMessage';

/**
 * How many events the page remembers. Weeks of browsing show thousands of events; remembering only
 * the most recent keeps the content script's memory flat (the background stores everything anyway).
 */
const MAX_REMEMBERED_EVENTS = 1_000;

/** A short fingerprint of what the page showed of an event (32-bit FNV-1a of its JSON form). */
function fingerprint(event: CalendarEvent): number {
  const text = JSON.stringify(event);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Sets a key as the newest entry of a map, dropping the oldest entries beyond the limit. */
function setNewest<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= MAX_REMEMBERED_EVENTS) break;
    map.delete(oldest);
  }
}

/**
 * Reports events to the background and remembers its verdicts for this page, so an event reopened
 * gets its button at once, and an unchanged event is not reported twice.
 */
export class VerdictCache {
  private readonly verdicts = new Map<string, EventVerdict>();
  /** Per event: the fingerprint last reported, and the report while it is still on its way. */
  private readonly reported = new Map<string, { form: number; sent?: Promise<void> }>();

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
      }).then(({ verdicts }) => this.remember(verdicts));
      for (const { event, form } of fresh) setNewest(this.reported, event.eventId, { form, sent });
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
    await Promise.all(events.map((event) => this.reported.get(event.eventId)?.sent));
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
    return verdict;
  }

  private remember(verdicts: EventVerdict[]): void {
    for (const verdict of verdicts) setNewest(this.verdicts, verdict.eventId, verdict);
  }
}
