import { describe, expect, it } from 'vitest';
import { readCalendarView } from '../../../lib/gcal/calendarView';
import { loadFixture } from './loadFixture';

describe('readCalendarView', () => {
  it.each([
    ['week-popover-en.html', { family: 'EVENT', key: 'WEEK' }],
    ['day-popover-en.html', { family: 'EVENT', key: 'DAY' }],
    ['month-popover-en.html', { family: 'EVENT', key: 'MONTH' }],
    ['year-popover-en.html', { family: 'EVENT', key: 'YEAR' }],
    ['agenda-popover-en.html', { family: 'EVENT', key: 'AGENDA' }],
    ['search-popover-en.html', { family: 'EVENT', key: 'SEARCH' }],
    ['event-edit-page-en.html', { family: 'EVENT_EDIT', key: 'EVENTEDIT' }],
    // The renamed body attribute is gone; html[data-prefetch-view-key] still names the view.
    ['unknown-future-dom.html', { key: 'WEEK' }],
  ])('%s', (name, expected) => {
    expect(readCalendarView(loadFixture(name))).toEqual(expected);
  });
});
