import { describe, expect, it } from 'vitest';
import { calendarEventSchema } from '@/lib/messages';
import { MESSAGE_LIMITS } from '@/lib/messaging/limits';
import { trimCalendarEvent } from '@/lib/messaging/trimCalendarEvent';
import { calendarEvent } from '../calendarEventFactory';

describe('trimCalendarEvent', () => {
  it('hands back an event that fits as it is, without copying it', () => {
    const event = calendarEvent({ description: 'Monthly mentoring', location: 'Room 4' });
    expect(trimCalendarEvent(event)).toBe(event);
  });

  it('cuts every oversized field and the guest list to what the background accepts', () => {
    const long = 'x'.repeat(MESSAGE_LIMITS.shortText + 10);
    const event = calendarEvent({
      title: long,
      location: long,
      organizer: long,
      recurrenceText: long,
      calendarId: long,
      description: 'd'.repeat(MESSAGE_LIMITS.description + 10),
      guests: Array.from({ length: MESSAGE_LIMITS.guests + 5 }, (_, i) => ({
        email: i === 0 ? long : `g${i}@example.com`,
        name: i === 1 ? long : undefined,
        response: 'accepted' as const,
      })),
    });
    expect(calendarEventSchema.safeParse(event).success).toBe(false);
    const trimmed = trimCalendarEvent(event);
    expect(calendarEventSchema.safeParse(trimmed).success).toBe(true);
    expect(trimmed.title).toBe(long.slice(0, MESSAGE_LIMITS.shortText));
    expect(trimmed.description).toHaveLength(MESSAGE_LIMITS.description);
    expect(trimmed.guests).toHaveLength(MESSAGE_LIMITS.guests);
    expect(trimmed.guests[0]?.email).toHaveLength(MESSAGE_LIMITS.shortText);
    expect(trimmed.guests[1]?.name).toHaveLength(MESSAGE_LIMITS.shortText);
    expect(trimmed.eventId).toBe(event.eventId);
  });

  it('cuts a guest list that is only too long', () => {
    const guests = Array.from({ length: MESSAGE_LIMITS.guests + 1 }, (_, i) => ({
      email: `g${i}@example.com`,
      response: 'accepted' as const,
    }));
    expect(trimCalendarEvent(calendarEvent({ guests })).guests).toHaveLength(MESSAGE_LIMITS.guests);
  });
});
