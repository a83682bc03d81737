// Conventions every Calendar fixture keeps (STYLE.md: "each with a line on which view and variant it shows").
import { describe, expect, it, vi } from 'vitest';
import { decodeDateKey, decodeEventId } from '../../../lib/gcal/eventId';
import { findChips, parseChip } from '../../../lib/gcal/parseChip';
import { findEventDialog, parseEventDialog } from '../../../lib/gcal/parseEventDialog';
import { parseEventPage } from '../../../lib/gcal/parseEventPage';
import { fixtureHtml, fixtureNames, loadFixture, NOW } from './loadFixture';

const names = fixtureNames();

describe('Calendar fixtures', () => {
  it('are at least 16, covering the required variants', () => {
    expect(names.length).toBeGreaterThanOrEqual(16);
    for (const required of [
      'week-popover-en.html',
      'week-popover-standup-en.html',
      'create-quick-dialog-en.html',
      'event-edit-page-en.html',
      'unknown-future-dom.html',
    ]) {
      expect(names).toContain(required);
    }
  });

  it.each(names)('%s names view, locale and variant on its first line', (name) => {
    const [firstLine] = fixtureHtml(name).split('\n');
    expect(firstLine).toMatch(
      /^<!-- view: [^;]+; locale: (en|de|fr|es|pt-BR|it|nl|ja|ko|zh-CN|ru|ar); variant: .+ -->$/,
    );
  });

  it.each(names)('%s is a whole page without scripts or external resources', (name) => {
    const html = fixtureHtml(name);
    expect(html).toMatch(/<html[\s>]/);
    expect(html).not.toMatch(/<script|<link rel="stylesheet"|src="http|url\(http/i);
    const doc = loadFixture(name);
    expect(doc.body.getAttribute('data-viewfamily') ?? doc.body.getAttribute('data-view-family')).toMatch(
      /^EVENT/,
    );
  });

  it.each(names)(
    '%s has datekeys in September 2026 (month grid: Aug 30 – Oct 3) and decodable ids',
    (name) => {
      const doc = loadFixture(name);
      for (const cell of doc.querySelectorAll('[data-datekey]')) {
        const date = decodeDateKey(Number(cell.getAttribute('data-datekey')));
        expect(date?.year).toBe(2026);
        expect([8, 9, 10]).toContain(date?.month);
      }
      for (const holder of doc.querySelectorAll('[data-eventid]')) {
        expect(decodeEventId(holder.getAttribute('data-eventid') ?? '')).not.toBeNull();
      }
    },
  );

  it.each(names)('%s never makes a parser throw', (name) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const doc = loadFixture(name);
    expect(() => {
      const dialog = findEventDialog(doc);
      if (dialog) parseEventDialog(dialog, NOW);
      for (const chip of findChips(doc)) parseChip(chip, NOW);
      parseEventPage(doc, 'https://calendar.google.com/calendar/u/0/r/week', NOW);
    }).not.toThrow();
  });

  it('the unknown future DOM yields nothing anywhere', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const doc = loadFixture('unknown-future-dom.html');
    expect(findEventDialog(doc)).toBeNull();
    expect(findChips(doc)).toEqual([]);
    expect(parseEventPage(doc, 'https://calendar.google.com/calendar/u/0/r/week', NOW)).toBeNull();
  });
});
