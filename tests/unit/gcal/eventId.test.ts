import { describe, expect, it } from 'vitest';
import {
  decodeDateKey,
  decodeEventId,
  eidFromUrl,
  encodeDateKey,
  eventIdFromJslog,
} from '../../../lib/gcal/eventId';

// Real-form ids: base64 of "<id>[_<instant>] <calendar>", padding stripped.
const SINGLE = 'NGsyajNoNWc2ZjdkOHM5YTBwMW8yaTN1NHkgYWxleC5kb2VAZXhhbXBsZS5jb20'; // "4k2j…4y alex.doe@example.com"
const INSTANCE_GMAIL = 'NGsyajNoNWc2ZjdkOHM5YTBwMW8yaTN1NHlfMjAyNjA5MTVUMTUwMDAwWiBhbGV4LmRvZUBt'; // "…_20260915T150000Z alex.doe@m"
const GROUP_INSTANCE =
  'N3N0NG5kdXA5cTJ3M2U0cjV0Nnk3dThpOW9fMjAyNjA5MTVUMDkwMDAwWiBjXzBlbmcxdGVhbTJjYWwzbmRhcjR4eXpAZw';
const URL_SAFE = 'bWN-YzFyY2wzfjA5MjIgYWxleC5kb2VAZXhhbXBsZS5jb20'; // "mc~c1rcl3~0922 alex.doe@example.com"
const URL_SAFE_AS_STANDARD = 'bWN+YzFyY2wzfjA5MjIgYWxleC5kb2VAZXhhbXBsZS5jb20';

describe('decodeEventId', () => {
  it('decodes a single event with a full calendar id', () => {
    expect(decodeEventId(SINGLE)).toEqual({
      eventId: '4k2j3h5g6f7d8s9a0p1o2i3u4y',
      calendarId: 'alex.doe@example.com',
    });
  });

  it('splits a recurring instance into series id and instant, expanding @m', () => {
    expect(decodeEventId(INSTANCE_GMAIL)).toEqual({
      eventId: '4k2j3h5g6f7d8s9a0p1o2i3u4y_20260915T150000Z',
      seriesId: '4k2j3h5g6f7d8s9a0p1o2i3u4y',
      instant: '20260915T150000Z',
      calendarId: 'alex.doe@gmail.com',
    });
  });

  it('expands @g to the group calendar domain', () => {
    expect(decodeEventId(GROUP_INSTANCE)).toEqual({
      eventId: '7st4ndup9q2w3e4r5t6y7u8i9o_20260915T090000Z',
      seriesId: '7st4ndup9q2w3e4r5t6y7u8i9o',
      instant: '20260915T090000Z',
      calendarId: 'c_0eng1team2cal3ndar4xyz@group.calendar.google.com',
    });
  });

  it('reads the URL-safe alphabet and the standard one alike', () => {
    const expected = { eventId: 'mc~c1rcl3~0922', calendarId: 'alex.doe@example.com' };
    expect(decodeEventId(URL_SAFE)).toEqual(expected);
    expect(decodeEventId(URL_SAFE_AS_STANDARD)).toEqual(expected);
  });

  it('accepts kept padding and all-day instances', () => {
    // "abc_20260916 team@g" with its padding.
    expect(decodeEventId(`${btoa('abc_20260916 team@g')}`)).toEqual({
      eventId: 'abc_20260916',
      seriesId: 'abc',
      instant: '20260916',
      calendarId: 'team@group.calendar.google.com',
    });
  });

  it('accepts an id without a calendar part', () => {
    expect(decodeEventId(btoa('onlyanid'))).toEqual({ eventId: 'onlyanid' });
  });

  it('rejects text that is not an event id', () => {
    expect(decodeEventId('')).toBeNull();
    expect(decodeEventId('not base64!')).toBeNull();
    expect(decodeEventId('a')).toBeNull();
    expect(decodeEventId(btoa('two spaces here'))).toBeNull();
    expect(decodeEventId(btoa('id notacalendar'))).toBeNull();
    expect(decodeEventId(btoa('\u00ff\u00fe\u0001'))).toBeNull();
  });
});

describe('eventIdFromJslog', () => {
  it('finds an id among quoted jslog values', () => {
    expect(eventIdFromJslog(`22661; 2:["${SINGLE}","alex.doe@example.com"]; track:impression`)?.eventId).toBe(
      '4k2j3h5g6f7d8s9a0p1o2i3u4y',
    );
    expect(eventIdFromJslog('35463; track:JIbuQc')).toBeNull();
  });
});

describe('decodeDateKey', () => {
  it('unpacks day, 1-based month and year', () => {
    expect(decodeDateKey(28975)).toEqual({ year: 2026, month: 9, day: 15 });
    expect(decodeDateKey(28973)).toEqual({ year: 2026, month: 9, day: 13 });
    expect(decodeDateKey(encodeDateKey({ year: 2027, month: 1, day: 1 }))).toEqual({
      year: 2027,
      month: 1,
      day: 1,
    });
    expect(encodeDateKey({ year: 2026, month: 9, day: 15 })).toBe(28975);
  });

  it('rejects keys that are not dates', () => {
    expect(decodeDateKey(0)).toBeNull();
    expect(decodeDateKey(Number.NaN)).toBeNull();
    expect(decodeDateKey(28672)).toBeNull(); // month 0, day 0
    expect(decodeDateKey(encodeDateKey({ year: 2026, month: 2, day: 30 }))).toBeNull();
  });
});

describe('eidFromUrl', () => {
  it('reads the edit page path', () => {
    expect(eidFromUrl(`https://calendar.google.com/calendar/u/0/r/eventedit/${SINGLE}`)).toBe(SINGLE);
    expect(eidFromUrl(`https://calendar.google.com/calendar/u/1/r/eventedit/${URL_SAFE}?pli=1`)).toBe(
      URL_SAFE,
    );
  });

  it('reads eid query parameters', () => {
    expect(eidFromUrl(`https://calendar.google.com/calendar/u/0/r/event?eid=${SINGLE}`)).toBe(SINGLE);
    expect(eidFromUrl(`https://www.google.com/calendar/event?eid=${URL_SAFE}&ctz=Europe/Berlin`)).toBe(
      URL_SAFE,
    );
  });

  it('returns null for pages without an event', () => {
    expect(eidFromUrl('https://calendar.google.com/calendar/u/0/r/week/2026/9/15')).toBeNull();
    expect(eidFromUrl('https://calendar.google.com/calendar/u/0/r/eventedit')).toBeNull();
  });
});
