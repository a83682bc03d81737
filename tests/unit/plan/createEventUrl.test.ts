import { describe, expect, it } from 'vitest';
import { calendarUtcStamp, createEventUrl } from '@/lib/gcal/createEventUrl';

const start = Date.UTC(2026, 8, 22, 13, 30);
const end = Date.UTC(2026, 8, 22, 14, 15);

describe('createEventUrl', () => {
  it('writes times in Calendar UTC form', () => {
    expect(calendarUtcStamp(start)).toBe('20260922T133000Z');
  });

  it('pre-fills title, UTC dates, details and the partner as a guest', () => {
    const url = new URL(
      createEventUrl({
        title: 'Mentoring with Sam',
        start,
        end,
        details: 'Goal: review the draft & decide\nNext: send the CV',
        guests: ['sam.rivera@example.com'],
      }),
    );
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('text')).toBe('Mentoring with Sam');
    expect(url.searchParams.get('dates')).toBe('20260922T133000Z/20260922T141500Z');
    expect(url.searchParams.get('details')).toBe('Goal: review the draft & decide\nNext: send the CV');
    expect(url.searchParams.get('add')).toBe('sam.rivera@example.com');
    expect(url.href).toContain('dates=20260922T133000Z/20260922T141500Z');
  });

  it('leaves out empty details and guests, and gives an hour when the end is missing or before start', () => {
    const url = new URL(createEventUrl({ title: 'Mentoring', start, end: start, guests: [' '] }));
    expect(url.searchParams.get('dates')).toBe('20260922T133000Z/20260922T143000Z');
    expect(url.searchParams.has('details')).toBe(false);
    expect(url.searchParams.has('add')).toBe(false);
  });

  it('invites several partners at once', () => {
    const url = new URL(createEventUrl({ title: 'x', start, end, guests: ['a@x.org', 'b@y.org'] }));
    expect(url.searchParams.get('add')).toBe('a@x.org,b@y.org');
  });
});
