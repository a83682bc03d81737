import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MeetingRecord } from '@/lib/db/records';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** A fixed "now" in the middle of a day, so "same day" and the link window are unambiguous. */
export const NOW = new Date(2026, 8, 15, 15, 20).getTime();
export const CODE = 'abc-defg-hij';

/** A mentoring meeting from 15:00 to 16:00 on the day of NOW, with the Meet code; override what matters. */
export function meeting(overrides: Partial<MeetingRecord> = {}): MeetingRecord {
  const start = new Date(2026, 8, 15, 15, 0).getTime();
  return {
    id: 'gcal:sam',
    calendarEventId: 'sam',
    title: 'Mentoring with Sam',
    start,
    end: start + HOUR,
    allDay: false,
    guests: [],
    meetCode: CODE,
    source: 'calendar',
    detection: { mentoring: true, reason: 'keyword', matched: 'mentoring' },
    declined: false,
    cancelled: false,
    state: 'scheduled',
    createdAt: start - DAY,
    updatedAt: start - DAY,
    ...overrides,
  };
}

/**
 * The fake browser mocks neither `runtime.getContexts` nor `sidePanel`; these stand in for Chromium:
 * the side panel is open or not, and `sidePanel.open` resolves or is refused.
 */
export function stubSidePanel(options: { open: boolean; canOpen?: boolean }) {
  const getContexts = vi.fn(async () => (options.open ? [{ contextType: 'SIDE_PANEL' }] : []));
  const open = vi.fn(() =>
    options.canOpen === false ? Promise.reject(new Error('needs a user gesture')) : Promise.resolve(),
  );
  Object.assign(fakeBrowser.runtime, { getContexts });
  Object.assign(fakeBrowser, { sidePanel: { open } });
  return { getContexts, open };
}
