import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readPopupFirstScreen, readPopupLists } from '@/components/popup/popupFirstScreen';
import { UpcomingMeetings } from '@/components/UpcomingMeetings';
import { db } from '@/lib/db/database';
import { DAY, HOUR, mentoringMeeting, NOW } from '../reminders/meetingFactory';
import { resetDatabase } from '../resetDatabase';

beforeEach(resetDatabase);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the popup’s first read', () => {
  it('reads the upcoming list in the user’s window and the meetings that still need a plan', async () => {
    await db.meetings.bulkPut([
      mentoringMeeting({ id: 'soon', start: NOW + HOUR }),
      mentoringMeeting({ id: 'later', start: NOW + 3 * DAY }),
      mentoringMeeting({ id: 'ended', start: NOW - 2 * DAY, end: NOW - 2 * DAY + HOUR }),
    ]);
    const first = await readPopupFirstScreen(5_000, () => readPopupLists(NOW));
    expect(first?.upcoming.now).toBe(NOW);
    expect(first?.upcoming.days).toBe(14);
    expect(first?.upcoming.rows.map((row) => row.meeting.id)).toEqual(['soon', 'later']);
    expect(first?.needsPlan.map((meeting) => meeting.id)).toEqual(['ended']);
  });

  it('gives up after its patience, so a blocked database never keeps the popup blank', async () => {
    const never = () => new Promise<never>(() => {});
    await expect(readPopupFirstScreen(10, never)).resolves.toBeUndefined();
  });

  it('turns a failed read into no early lists, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const failing = () => Promise.reject(new Error('database closed'));
    await expect(readPopupFirstScreen(5_000, failing)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('UpcomingMeetings given the first read', () => {
  it('draws the list in its first render, before any query of its own has answered', async () => {
    await db.meetings.put(mentoringMeeting({ id: 'soon', start: NOW + HOUR }));
    const first = await readPopupLists(NOW);
    const { container } = render(<UpcomingMeetings first={first.upcoming} />);
    // Synchronously after the first render: no await let the live query answer yet.
    expect(container.querySelectorAll('[data-testid="fourps-upcoming-item"]')).toHaveLength(1);
  });
});
