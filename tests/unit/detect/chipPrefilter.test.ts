import { describe, expect, it } from 'vitest';
import { type ChipIds, ChipPrefilter, idHash } from '../../../lib/detect/chipPrefilter';
import { compileDetectionRules, keywordLiterals } from '../../../lib/detect/compileDetectionRules';
import { defaultDetectionRules } from '../../../lib/detect/defaultRules';
import { type DetectionRules, detectMentoring } from '../../../lib/detect/detectMentoring';
import { normalizeForMatching } from '../../../lib/detect/normalizeForMatching';
import { type ChipFields, readChipFields } from '../../../lib/gcal/chipFields';
import { chipIds, chipTitle, eventFromChipFields, findChips } from '../../../lib/gcal/parseChip';
import { fixtureNames, htmlDocument, loadFixture, NOW } from '../gcal/loadFixture';
import { SeededRandom } from '../trust/seededRandom';

/**
 * The prefilter may admit too much, never too little: every chip the background would judge a
 * mentoring meeting by its title must pass. Each check below reads a chip as the content script does,
 * lets detectMentoring judge the title it parsed, and asks the prefilter about the same raw fields.
 */
const defaults = defaultDetectionRules();
const USER_RULES: DetectionRules = {
  keywords: ['mentor', '1:1', 'career chat', 'sync*', 'コーチ', 'tête-à-tête', '1-on-1'],
  excludedWords: [],
  partnerEmails: [],
};
const ENCODED_ID = btoa('m3nt0r1ng5am2026x alex.doe@example.com').replace(/=+$/, '');

interface Judged {
  title: string;
  mentoring: boolean;
  admitted: boolean;
}

function judge(fields: ChipFields, rules: DetectionRules, prefilter: ChipPrefilter): Judged | null {
  const ids = chipIds(fields);
  // Parsed on its own, so the title detection judges is the parser's, not the one chipTitle read.
  const event = eventFromChipFields(fields, NOW);
  if (!ids || !event) return null;
  return {
    title: event.title,
    mentoring: detectMentoring(event, { rules, relationships: [] }).mentoring,
    admitted: prefilter.admits(ids, chipTitle(fields) ?? ''),
  };
}

/** The ways Calendar writes a chip: an aria-label, or a screen-reader line and a visible part. */
const CHIP_MARKUPS: ((title: string, time: string) => string)[] = [
  (title, time) =>
    `<div data-eventchip data-eventid="${ENCODED_ID}"><div class="XuJrye">${time}, ${title}, Alex Doe, Accepted, No location, September 15, 2026</div>` +
    `<div aria-hidden="true"><span>${title}</span><span>${time}</span></div></div>`,
  (title, time) =>
    `<div data-eventchip data-eventid="${ENCODED_ID}" aria-label="${time},${title},September 15, 2026"></div>`,
  (title, time) =>
    `<div data-eventchip data-eventid="${ENCODED_ID}"><div class="XuJrye">${title}、${time}、2026年9月15日</div>` +
    `<div aria-hidden="true"><span>${time}</span><span>${title}</span></div></div>`,
  (title, time) =>
    `<div data-eventchip data-eventid="${ENCODED_ID}"><div class="XuJrye">September 15, 2026, ${time}，${title}</div></div>`,
];
const TIMES = ['10:30am to 11am', '10:30 – 11:00', '10:30', 'All day'];

function chipFields(markup: string): ChipFields {
  const chip = findChips(htmlDocument(markup))[0];
  const fields = chip && readChipFields(chip);
  if (!fields) throw new Error(`No chip in ${markup}`);
  return fields;
}

/** Titles of every kind: keywords at each edge, next to digits, commas and dashes, in several scripts. */
function titles(random: SeededRandom): string[] {
  const keywords = [...defaults.keywords, ...USER_RULES.keywords].map((k) => k.replace(/\*$/, ''));
  const fillers = [
    'Sam',
    '2026',
    '10',
    '(',
    ')',
    '-',
    '–',
    '/',
    ':',
    '.',
    ',',
    '·',
    'ab',
    'é',
    '東京',
    ' ',
    '\u00a0',
  ];
  const made = ['Team standup', 'Lunch', 'Mentor Graphics sync', '11:15 review', 'Commentoring', 'mentorat'];
  for (let i = 0; i < 1500; i++) {
    const parts: string[] = [];
    const count = random.int(1, 4);
    for (let p = 0; p < count; p++)
      parts.push(random.next() < 0.45 ? random.pick(keywords) : random.pick(fillers));
    const glue = random.pick(['', ' ', '  ', '-', ', ', '\u00a0']);
    made.push(parts.join(glue).trim() || 'x');
  }
  return made;
}

describe('chip prefilter', () => {
  it('admits every chip detection calls mentoring by its title, however the chip is written', () => {
    const random = new SeededRandom(20261206);
    const allTitles = titles(random);
    for (const rules of [defaults, USER_RULES]) {
      const prefilter = new ChipPrefilter({ keywordLiterals: keywordLiterals(rules.keywords), knownIds: [] });
      let mentoring = 0;
      let skipped = 0;
      for (const title of allTitles) {
        const escaped = title.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
        for (const markup of CHIP_MARKUPS) {
          const judged = judge(chipFields(markup(escaped, random.pick(TIMES))), rules, prefilter);
          if (!judged) continue;
          if (judged.mentoring) {
            mentoring++;
            expect(judged, `"${judged.title}" from ${markup(escaped, '…')}`).toMatchObject({
              admitted: true,
            });
          } else if (!judged.admitted) skipped++;
        }
      }
      // Neither side is empty, so the check above means something and the prefilter does skip chips.
      expect(mentoring).toBeGreaterThan(1000);
      expect(skipped).toBeGreaterThan(500);
    }
  });

  it('finds a keyword literal in every text where the keyword regex finds a keyword', () => {
    const random = new SeededRandom(7);
    for (const rules of [defaults, USER_RULES]) {
      const { findKeyword } = compileDetectionRules(rules);
      const literals = keywordLiterals(rules.keywords);
      let found = 0;
      for (const title of titles(random)) {
        const text = `${random.pick(['', 'Re: ', '１ｏｎ１ ', 'MENTOR·'])}${title.toUpperCase()}`;
        if (findKeyword(text) === undefined) continue;
        found++;
        expect(
          literals.some((literal) => normalizeForMatching(text).includes(literal)),
          text,
        ).toBe(true);
      }
      expect(found).toBeGreaterThan(500);
    }
  });

  it('admits every mentoring chip of every calendar fixture, and skips the plainly ordinary ones', () => {
    const prefilter = new ChipPrefilter({
      keywordLiterals: keywordLiterals(defaults.keywords),
      knownIds: [],
    });
    const verdicts: Judged[] = [];
    for (const name of fixtureNames()) {
      for (const chip of findChips(loadFixture(name))) {
        const fields = readChipFields(chip);
        const judged = fields && judge(fields, defaults, prefilter);
        if (judged) verdicts.push(judged);
      }
    }
    expect(verdicts.filter((v) => v.mentoring && !v.admitted)).toEqual([]);
    expect(verdicts.filter((v) => v.mentoring).length).toBeGreaterThan(20);
    expect(verdicts.find((v) => v.title === 'Team standup')?.admitted).toBe(false);
  });

  it('admits a chip without a keyword when its event or series is known, or learnt', () => {
    const plain = chipFields(CHIP_MARKUPS[0]?.('Coffee', '9am') ?? '');
    const ids = chipIds(plain) as ChipIds;
    const text = chipTitle(plain) ?? '';
    const keywords = keywordLiterals(defaults.keywords);
    expect(new ChipPrefilter({ keywordLiterals: keywords, knownIds: [] }).admits(ids, text)).toBe(false);
    expect(
      new ChipPrefilter({ keywordLiterals: keywords, knownIds: [idHash(ids.eventId)] }).admits(ids, text),
    ).toBe(true);
    const instance = { eventId: 'abc_20260915T090000Z', seriesId: 'abc' };
    expect(
      new ChipPrefilter({ keywordLiterals: keywords, knownIds: [idHash('abc')] }).admits(instance, text),
    ).toBe(true);
    const learning = new ChipPrefilter({ keywordLiterals: keywords, knownIds: [] });
    learning.learn(instance);
    expect(learning.admits({ eventId: 'abc_20260922T090000Z', seriesId: 'abc' }, text)).toBe(true);
    expect(learning.admits(ids, text)).toBe(false);
  });

  it('hashes ids with 32-bit FNV-1a, as the background does', () => {
    expect(idHash('')).toBe(0x811c9dc5);
    expect(idHash('a')).toBe(0xe40c292c);
    expect(idHash('foobar')).toBe(0xbf9cf968);
  });
});
