import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallStage } from '@/lib/meet/readMeetPage';
import {
  hasRejoinOption,
  isMeetLookupUrl,
  meetCodeFromPage,
  meetCodeFromUrl,
  meetCodeOfPage,
  readCallStage,
} from '@/lib/meet/readMeetPage';
import * as selectors from '@/lib/meet/selectors';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/meet');

function fixtureSource(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

function loadFixture(name: string): Document {
  return new DOMParser().parseFromString(fixtureSource(name), 'text/html');
}

interface FixtureCase {
  name: string;
  url: string;
  stage: CallStage;
  pageCode: string | null;
  canRejoin: boolean;
}

const CODE = 'abc-defg-hij';
const CALL_URL = `https://meet.google.com/${CODE}`;

const FIXTURE_CASES: FixtureCase[] = [
  { name: 'lobby-en.html', url: CALL_URL, stage: 'lobby', pageCode: CODE, canRejoin: false },
  { name: 'lobby-de.html', url: CALL_URL, stage: 'lobby', pageCode: CODE, canRejoin: false },
  { name: 'in-call-en.html', url: CALL_URL, stage: 'in-call', pageCode: CODE, canRejoin: false },
  { name: 'in-call-de.html', url: CALL_URL, stage: 'in-call', pageCode: CODE, canRejoin: false },
  { name: 'in-call-no-ligature-en.html', url: CALL_URL, stage: 'in-call', pageCode: CODE, canRejoin: false },
  { name: 'call-ended-en.html', url: CALL_URL, stage: 'ended', pageCode: CODE, canRejoin: true },
  { name: 'call-ended-de.html', url: CALL_URL, stage: 'ended', pageCode: CODE, canRejoin: true },
  { name: 'left-can-rejoin-en.html', url: CALL_URL, stage: 'ended', pageCode: CODE, canRejoin: true },
  { name: 'left-can-rejoin-de.html', url: CALL_URL, stage: 'ended', pageCode: CODE, canRejoin: true },
  { name: 'in-call-fr.html', url: CALL_URL, stage: 'in-call', pageCode: CODE, canRejoin: false },
  { name: 'in-call-it.html', url: CALL_URL, stage: 'in-call', pageCode: CODE, canRejoin: false },
  { name: 'call-ended-ja.html', url: CALL_URL, stage: 'ended', pageCode: CODE, canRejoin: true },
  { name: 'ended-for-everyone-es.html', url: CALL_URL, stage: 'ended', pageCode: CODE, canRejoin: false },
  // No hook of ours at all: read as the lobby, which the call-end tracker ends after its grace.
  { name: 'removed-pt.html', url: CALL_URL, stage: 'lobby', pageCode: CODE, canRejoin: false },
  {
    name: 'meet-home.html',
    url: 'https://meet.google.com/',
    stage: 'lobby',
    pageCode: null,
    canRejoin: false,
  },
];

describe('Meet fixtures', () => {
  it('every fixture on disk has a case here, and every case a file', () => {
    const onDisk = readdirSync(FIXTURES).filter((file) => file.endsWith('.html'));
    expect(onDisk.sort()).toEqual(FIXTURE_CASES.map((c) => c.name).sort());
  });

  it.each(FIXTURE_CASES)('$name opens with a comment naming its stage, locale and variant', ({ name }) => {
    const firstLine = fixtureSource(name).split('\n')[0] ?? '';
    expect(firstLine).toMatch(
      /^<!-- Google Meet · stage: .+ · locale: (en|de|fr|es|ja|pt|it) · variant: .+ -->$/,
    );
  });

  it.each(FIXTURE_CASES)('$name is self-contained: no scripts, no external resources', ({ name }) => {
    const html = fixtureSource(name);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\bsrc=/i);
    expect(html).not.toMatch(/url\(\s*['"]?https?:/i);
  });

  it.each(FIXTURE_CASES)('$name reads as stage $stage', ({ name, stage }) => {
    expect(readCallStage(loadFixture(name))).toBe(stage);
  });

  it.each(FIXTURE_CASES)('$name: code from its URL and from the page agree', ({ name, url, pageCode }) => {
    expect(meetCodeFromUrl(url)).toBe(pageCode);
    expect(meetCodeFromPage(loadFixture(name))).toBe(pageCode);
  });

  it.each(FIXTURE_CASES)('$name offers to rejoin: $canRejoin', ({ name, canRejoin }) => {
    expect(hasRejoinOption(loadFixture(name))).toBe(canRejoin);
  });
});

/** Strips every word a person could read: text, aria-labels, tooltips, the title and placeholders. */
function withoutWords(doc: Document): Document {
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_TEXT);
  const texts: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node);
  // Ligatures are words too, but not a language's: they are the icons' names, the same everywhere.
  const keep = (node: Node) => node.parentElement?.matches(selectors.ICON_LIGATURES) ?? false;
  for (const node of texts) if (!keep(node)) node.textContent = '';
  for (const element of doc.querySelectorAll('[aria-label], [title], [placeholder], [data-tooltip]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'data-tooltip']) element.removeAttribute(name);
  }
  return doc;
}

describe('screens in any language', () => {
  it.each(FIXTURE_CASES)('$name reads as $stage with every word of its language gone', ({ name, stage }) => {
    const doc = withoutWords(loadFixture(name));
    expect(doc.body.textContent?.replace(/\s+/g, ' ').trim()).toMatch(/^[a-z_ ]*$/);
    expect(readCallStage(doc)).toBe(stage);
  });
});

describe('readCallStage hooks', () => {
  it.each(['call-ended-en.html', 'call-ended-de.html'])(
    '%s is ended by its explicit marker alone, without the Rejoin button',
    (name) => {
      const doc = loadFixture(name);
      for (const rejoin of doc.querySelectorAll(selectors.REJOIN_ACTIONS)) rejoin.remove();
      expect(hasRejoinOption(doc)).toBe(false);
      expect(readCallStage(doc)).toBe('ended');
    },
  );

  it.each(['left-can-rejoin-en.html', 'left-can-rejoin-de.html'])(
    '%s falls back to lobby (so the tracker ends the call after its grace) when the Rejoin hook is gone',
    (name) => {
      const doc = loadFixture(name);
      for (const rejoin of doc.querySelectorAll(selectors.REJOIN_ACTIONS)) rejoin.remove();
      expect(readCallStage(doc)).toBe('lobby');
    },
  );

  it.each(['lobby-en.html', 'lobby-de.html'])(
    '%s has data-is-muted preview toggles, yet its Join button keeps it a lobby',
    (name) => {
      const doc = loadFixture(name);
      expect(doc.querySelectorAll(selectors.IN_CALL_CONTROLS).length).toBeGreaterThan(0);
      expect(doc.body.textContent).not.toContain(selectors.LEAVE_CALL_LIGATURE);
      expect(readCallStage(doc)).toBe('lobby');
    },
  );

  it('the in-call stage is found in German with no English text to lean on', () => {
    const doc = loadFixture('in-call-de.html');
    expect(doc.querySelector('[aria-label="Leave call"]')).toBeNull();
    expect(doc.querySelector('[aria-label="Anruf beenden"]')).not.toBeNull();
    expect(readCallStage(doc)).toBe('in-call');
  });

  it.each(['in-call-en.html', 'in-call-it.html'])(
    '%s is in call by its leave ligature alone, whatever attributes its icon element has',
    (name) => {
      const doc = loadFixture(name);
      for (const toggle of doc.querySelectorAll(selectors.IN_CALL_CONTROLS))
        toggle.removeAttribute('data-is-muted');
      for (const icon of doc.querySelectorAll('i')) icon.removeAttribute('aria-hidden');
      expect(readCallStage(doc)).toBe('in-call');
    },
  );

  it('the no-ligature variant is in call through data-is-muted alone', () => {
    const doc = loadFixture('in-call-no-ligature-en.html');
    expect(doc.body.textContent).not.toContain(selectors.LEAVE_CALL_LIGATURE);
    expect(readCallStage(doc)).toBe('in-call');
    for (const toggle of doc.querySelectorAll(selectors.IN_CALL_CONTROLS))
      toggle.removeAttribute('data-is-muted');
    expect(readCallStage(doc)).toBe('lobby');
  });

  it('works on any ParentNode, e.g. a detached subtree', () => {
    const controls = loadFixture('in-call-en.html').querySelector('[role="toolbar"]');
    expect(controls).not.toBeNull();
    if (controls) expect(readCallStage(controls)).toBe('in-call');
  });
});

describe('selectors', () => {
  // The ligature is text to compare, not a selector; every other string export is CSS.
  const cssSelectors = Object.entries(selectors).flatMap(
    ([name, value]): Array<[string, string]> =>
      typeof value === 'string' && value !== selectors.LEAVE_CALL_LIGATURE ? [[name, value]] : [],
  );

  it('there are selectors to check', () => {
    expect(cssSelectors.length).toBeGreaterThanOrEqual(5);
  });

  it.each(cssSelectors)(
    '%s is valid CSS and never hooks on translated aria-label text',
    (_name, selector) => {
      expect(() => document.querySelector(selector)).not.toThrow();
      expect(selector).not.toMatch(/aria-label/i);
    },
  );
});

describe('meetCodeFromUrl', () => {
  it.each([
    ['https://meet.google.com/abc-defg-hij', 'abc-defg-hij'],
    ['https://meet.google.com/abc-defg-hij?authuser=1', 'abc-defg-hij'],
    ['https://meet.google.com/abc-defg-hij?hs=122&authuser=0&pli=1', 'abc-defg-hij'],
    ['https://meet.google.com/abc-defg-hij/', 'abc-defg-hij'],
    ['https://meet.google.com/abc-defg-hij#chat', 'abc-defg-hij'],
    ['https://meet.google.com/ABC-DEFG-HIJ', 'abc-defg-hij'],
    ['https://MEET.GOOGLE.COM/abc-defg-hij', 'abc-defg-hij'],
    ['https://meet.google.com:443/abc-defg-hij', 'abc-defg-hij'],
    // Instant meetings and the installed Meet app open calls under `/_meet/` (links seen in the wild).
    ['https://meet.google.com/_meet/abc-defg-hij', 'abc-defg-hij'],
    ['https://meet.google.com/_meet/abc-defg-hij?ijlm=1659873953647&adhoc=1&hs=187', 'abc-defg-hij'],
    ['https://meet.google.com/_meet/ABC-DEFG-HIJ?pli=1&authuser=2', 'abc-defg-hij'],
  ])('%s → %s', (url, code) => {
    expect(meetCodeFromUrl(url)).toBe(code);
  });

  it.each([
    'https://meet.google.com/',
    'https://meet.google.com/landing',
    'https://meet.google.com/landing?authuser=1',
    'https://meet.google.com/lookup/abcdefghij',
    'https://meet.google.com/lookup/abc-defg-hij',
    'https://meet.google.com/new',
    'https://meet.google.com/_meet/whoops',
    'https://meet.google.com/_meet/',
    'https://meet.google.com/_meet_/abc-defg-hij',
    'https://meet.google.com/x/_meet/abc-defg-hij',
    'https://meet.google.com/abc-defg-hijk',
    'https://meet.google.com/abcd-efg-hij',
    'https://meet.google.com/ab1-defg-hij',
    'https://meet.google.com/?code=abc-defg-hij',
    'https://calendar.google.com/abc-defg-hij',
    'https://meet.google.com.evil.example/abc-defg-hij',
    'https://evil.example/meet.google.com/abc-defg-hij',
    'not a url',
    '',
  ])('%s → null', (url) => {
    expect(meetCodeFromUrl(url)).toBeNull();
  });
});

describe('meetCodeFromPage', () => {
  const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

  it('prefers data-meeting-code, then data-unresolved-meeting-id, then the title', () => {
    expect(
      meetCodeFromPage(
        parse(
          '<title>Meet – zzz-zzzz-zzz</title><c-wiz data-unresolved-meeting-id="yyy-yyyy-yyy"><div data-meeting-code="xxx-xxxx-xxx"></div></c-wiz>',
        ),
      ),
    ).toBe('xxx-xxxx-xxx');
    expect(
      meetCodeFromPage(
        parse('<title>Meet – zzz-zzzz-zzz</title><c-wiz data-unresolved-meeting-id="YYY-YYYY-YYY">'),
      ),
    ).toBe('yyy-yyyy-yyy');
    expect(meetCodeFromPage(parse('<title>Meet – zzz-zzzz-zzz</title>'))).toBe('zzz-zzzz-zzz');
  });

  it('skips attribute values that are not codes', () => {
    expect(
      meetCodeFromPage(
        parse('<div data-meeting-code=""></div><div data-unresolved-meeting-id="lookup/abc"></div>'),
      ),
    ).toBeNull();
  });

  it('ignores a title that is the event name', () => {
    expect(meetCodeFromPage(parse('<title>Mentoring with Sam - Google Meet</title>'))).toBeNull();
  });
});

describe('meetCodeOfPage', () => {
  it('takes the URL code when there is one, whatever the page says', () => {
    expect(meetCodeOfPage('https://meet.google.com/xyz-abcd-efg', loadFixture('in-call-en.html'))).toBe(
      'xyz-abcd-efg',
    );
  });

  it.each([
    'https://meet.google.com/lookup/mentoring-sam',
    'https://meet.google.com/lookup/abcdefghij?authuser=1&hs=179',
    'https://meet.google.com/LOOKUP/Mentoring-Sam#chat',
  ])('reads the code from the page of a nickname call at %s', (url) => {
    expect(isMeetLookupUrl(url)).toBe(true);
    for (const name of [
      'lobby-en.html',
      'in-call-en.html',
      'in-call-no-ligature-en.html',
      'call-ended-de.html',
    ])
      expect(meetCodeOfPage(url, loadFixture(name))).toBe(CODE);
  });

  it.each([
    'https://meet.google.com/',
    'https://meet.google.com/landing',
    'https://meet.google.com/lookup/',
    'https://calendar.google.com/lookup/mentoring-sam',
    'not a url',
  ])('never reads a code from the page at %s', (url) => {
    expect(isMeetLookupUrl(url)).toBe(false);
    expect(meetCodeOfPage(url, loadFixture('in-call-en.html'))).toBeNull();
  });

  it('is null on a lookup page that does not state its code (yet)', () => {
    expect(
      meetCodeOfPage('https://meet.google.com/lookup/mentoring-sam', loadFixture('meet-home.html')),
    ).toBeNull();
  });
});
