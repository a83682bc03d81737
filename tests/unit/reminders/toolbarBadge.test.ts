import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { calendarSignals, handleMessage } from '@/lib/background/handleMessage';
import { countMeetingsToPrepSoon, refreshToolbarBadge } from '@/lib/background/toolbarBadge';
import { db } from '@/lib/db/database';
import { resetDatabase } from '../resetDatabase';
import { DAY, HOUR, MINUTE, mentoringMeeting, NOW, storePrep } from './meetingFactory';

beforeEach(async () => {
  // Each test's first calendar report recomputes at once, as after a quiet spell.
  calendarSignals.reset();
  fakeBrowser.reset();
  await resetDatabase();
});

describe('toolbar badge', () => {
  it('counts mentoring meetings of the next 24 hours that are not fully prepared', async () => {
    await db.meetings.bulkPut([
      mentoringMeeting({ id: 'in-2h', start: NOW + 2 * HOUR }),
      mentoringMeeting({ id: 'partial', start: NOW + 5 * HOUR }),
      mentoringMeeting({ id: 'ready', start: NOW + 6 * HOUR }),
      mentoringMeeting({ id: 'edge', start: NOW + DAY }),
      mentoringMeeting({ id: 'day-after', start: NOW + DAY + MINUTE }),
      mentoringMeeting({ id: 'started', start: NOW - 10 * MINUTE }),
      mentoringMeeting({ id: 'cancelled', start: NOW + HOUR, cancelled: true }),
      mentoringMeeting({ id: 'declined', start: NOW + HOUR, declined: true }),
      mentoringMeeting({
        id: 'standup',
        start: NOW + HOUR,
        detection: { mentoring: false, reason: 'no-match' },
      }),
    ]);
    await storePrep('partial', ['purpose']);
    await storePrep('ready');
    expect(await countMeetingsToPrepSoon(NOW)).toBe(3);
    expect(await refreshToolbarBadge(NOW)).toBe(3);
    expect(await browser.action.getBadgeText({})).toBe('3');
    expect(await browser.action.getTitle({})).toMatch(/3 in the next 24 hours need prep/);
  });

  it('shows no badge at zero, and clears it once the last meeting is prepared', async () => {
    expect(await refreshToolbarBadge(NOW)).toBe(0);
    expect(await browser.action.getBadgeText({})).toBe('');
    await db.meetings.put(mentoringMeeting({ id: 'm1' }));
    await refreshToolbarBadge(NOW);
    expect(await browser.action.getBadgeText({})).toBe('1');
    await storePrep('m1');
    await refreshToolbarBadge(NOW);
    expect(await browser.action.getBadgeText({})).toBe('');
  });

  it('is refreshed on request from an extension page, never from a web page', async () => {
    const start = Date.now() + 3 * HOUR;
    await db.meetings.put(mentoringMeeting({ id: 'm1', start, end: start + HOUR }));
    const fromPopup = await handleMessage(
      { type: 'badge/refresh' },
      { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') },
    );
    expect(fromPopup).toEqual({ ok: true, reply: { refreshed: true } });
    expect(await browser.action.getBadgeText({})).toBe('1');
    const fromCalendar = await handleMessage(
      { type: 'badge/refresh' },
      { url: 'https://calendar.google.com/calendar/u/0/r/week', tab: { id: 3 } },
    );
    expect(fromCalendar).toMatchObject({ ok: false, error: expect.stringMatching(/not accepted/) });
  });

  it('is refreshed after the calendar reports meetings', async () => {
    const start = Date.now() + 2 * HOUR;
    await handleMessage(
      {
        type: 'calendar/events-seen',
        events: [
          {
            eventId: 'evt9',
            title: 'Mentoring with Sam',
            start,
            end: start + HOUR,
            allDay: false,
            guests: [],
            declined: false,
            cancelled: false,
            source: 'chip',
          },
        ],
      },
      { url: 'https://calendar.google.com/calendar/u/0/r/week', tab: { id: 3 } },
    );
    expect(await browser.action.getBadgeText({})).toBe('1');
  });
});
