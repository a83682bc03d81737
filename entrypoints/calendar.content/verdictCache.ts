import type { CalendarEvent } from '@/lib/gcal/calendarEvent';
import type { EventVerdict } from '@/lib/messages';
import { MESSAGE_LIMITS } from '@/lib/messaging/limits';
import { sendMessage } from '@/lib/messaging/sendMessage';

/**
 * Reports events to the background and remembers its verdicts for this page, so an event reopened
 * gets its button at once, and an unchanged event is not reported twice.
 */
export class VerdictCache {
  private readonly verdicts = new Map<string, EventVerdict>();
  private readonly reported = new Map<string, { form: string; sent: Promise<void> }>();

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
    const fresh = events.filter((event) => this.reported.get(event.eventId)?.form !== JSON.stringify(event));
    if (fresh.length > 0) {
      const sent = sendMessage({ type: 'calendar/events-seen', events: fresh }).then(({ verdicts }) =>
        this.remember(verdicts),
      );
      for (const event of fresh) this.reported.set(event.eventId, { form: JSON.stringify(event), sent });
      sent.catch(() => {
        for (const event of fresh) this.reported.delete(event.eventId);
      });
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
    for (const verdict of verdicts) this.verdicts.set(verdict.eventId, verdict);
  }
}
