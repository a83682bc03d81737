import { describe, expect, it } from 'vitest';
import { pageLocale } from '../../../lib/gcal/pageLocale';
import { htmlDocument, loadFixture } from './loadFixture';

describe('pageLocale', () => {
  it("reads Calendar's UI language from <html lang>", () => {
    expect(pageLocale(loadFixture('week-popover-de.html'), 'en-US')).toBe('de');
    expect(pageLocale(loadFixture('month-popover-ko.html'))).toBe('ko');
  });

  it("falls back to the browser's language when the page names none", () => {
    expect(pageLocale(htmlDocument('<p>no lang</p>'), 'sv-SE')).toBe('sv-SE');
    expect(pageLocale(htmlDocument('<p>no lang</p>'))).toBeUndefined();
  });
});
