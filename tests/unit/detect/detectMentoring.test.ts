import { describe, expect, it } from 'vitest';
import { compileDetectionRules } from '../../../lib/detect/compileDetectionRules';
import {
  DEFAULT_EXCLUDED_WORDS,
  DEFAULT_KEYWORDS_BY_LANGUAGE,
  defaultDetectionRules,
} from '../../../lib/detect/defaultRules';
import {
  type DetectableEvent,
  type DetectionContext,
  type DetectionRules,
  detectMentoring,
} from '../../../lib/detect/detectMentoring';
import { normalizeForMatching } from '../../../lib/detect/normalizeForMatching';
import type { CalendarGuest } from '../../../lib/gcal/calendarEvent';

const defaults = defaultDetectionRules();
const emptyRules: DetectionRules = { keywords: [], excludedWords: [], partnerEmails: [] };

function event(title: string, extra: Partial<DetectableEvent> = {}): DetectableEvent {
  return { eventId: 'evt1', title, guests: [], ...extra };
}

function guest(email: string): CalendarGuest {
  return { email, response: 'accepted' };
}

function detect(
  title: string,
  extra: Partial<DetectableEvent> = {},
  context: Partial<DetectionContext> = {},
) {
  return detectMentoring(event(title, extra), { rules: defaults, relationships: [], ...context });
}

const isMentoring = (title: string) => detect(title).mentoring;

describe('default keywords, per language', () => {
  it.each([
    'Mentoring with Sam',
    'mentor check-in',
    'Mentee catch-up',
    'Mentorship kickoff',
    'Career coaching',
    'Weekly 1:1 with Alex',
    '1-on-1 Alex / Sam',
    '1 on 1 Alex',
    '1on1 Alex',
    'One-on-one: Priya',
    'one on one',
    'Mentors lunch',
    'Sync with my mentees',
    'Monthly 1:1s',
    'MENTORING',
  ])('en: %s', (title) => expect(isMentoring(title)).toBe(true));

  it.each([
    'Mentoring mit Jana',
    'Treffen mit meiner Mentorin',
    'Mentorinnen-Runde',
    'Austausch der Mentoren',
    'Mentee-Gespräch',
    'Coaching-Termin',
    '1:1 Jana / Tom',
    'Mentoringgespräch',
    'Coachingtermin Q3',
    'Mentorenprogramm Kickoff',
  ])('de: %s', (title) => expect(isMentoring(title)).toBe(true));

  it.each([
    'Point mentorat',
    'Rencontre avec mon mentor',
    'Suivi des mentorés',
    'Point avec ma mentorée',
    'Séance de coaching',
    'Tête-à-tête avec Chloé',
    'tete a tete',
  ])('fr: %s', (title) => expect(isMentoring(title)).toBe(true));

  it.each([
    'Mentoría con Lucía',
    'Mentoria con Lucia',
    'Reunión con mi mentora',
    'Mentores y mentorados',
    'Sesión de coaching',
    'Reunión uno a uno',
    'Encuentro con la mentorada',
  ])('es: %s', (title) => expect(isMentoring(title)).toBe(true));

  it.each([
    'Mentoria com Ana',
    'Reunião com minha mentora',
    'Acompanhamento dos mentorados',
    'Sessão de coaching',
    'Conversa com a mentorada',
  ])('pt: %s', (title) => expect(isMentoring(title)).toBe(true));

  it.each([
    'Mentoring con Giulia',
    'Incontro con il mio mentore',
    'Pranzo tra mentori',
    'Avvio del programma di mentorato',
    'Sessione di coaching',
  ])('it: %s', (title) => expect(isMentoring(title)).toBe(true));

  it.each([
    'Mentorgesprek met Daan',
    'Mentorgesprekken plannen',
    'Overleg met mijn mentor',
    'Coachingsgesprek',
    '1-op-1 Daan / Eva',
    'Eén-op-één met Eva',
  ])('nl: %s', (title) => expect(isMentoring(title)).toBe(true));

  it.each([
    'メンタリング',
    '田中さんとのメンタリング',
    'メンター面談',
    'メンティーとの打ち合わせ',
    'メンティと相談',
    '今週の1on1',
    '１ｏｎ１（佐藤）',
    'コーチングセッション',
    'ワンオンワン',
  ])('ja: %s', (title) => expect(isMentoring(title)).toBe(true));

  it('leaves out 面談 on its own: it covers job interviews and parent–teacher talks too', () => {
    expect(isMentoring('採用面談')).toBe(false);
    expect(isMentoring('三者面談')).toBe(false);
    expect(defaults.keywords).not.toContain('面談');
  });

  it('reports the keyword as written in the rules', () => {
    expect(detect('mentoria semanal')).toEqual({ mentoring: true, reason: 'keyword', matched: 'mentoría' });
    expect(detect('Our 1on1')).toMatchObject({ matched: '1on1' });
    expect(detect('Our 1 on 1')).toMatchObject({ matched: '1-on-1' });
    expect(detect('Mentorship chat')).toMatchObject({ matched: 'mentorship' });
  });

  it('looks in the description as well as the title', () => {
    expect(detect('Catch-up', { description: 'Our monthly mentoring session.' })).toMatchObject({
      mentoring: true,
      reason: 'keyword',
    });
    expect(detect('Catch-up', { description: 'Agenda: budget' }).mentoring).toBe(false);
  });
});

describe('traps that are not mentoring', () => {
  it.each([
    'Commentary review',
    'Reply to comment thread',
    'Tormentor screening',
    'Documentation sprint',
    'Coachella tickets',
    'Stagecoach to Bath',
    'Coach to airport',
    'Standup 11:15',
    'Call at 1:15',
    'Train 21:10',
    'Mix 3/1:1',
    'Segment review',
    'Mentalist rewatch',
    'Momentum planning',
    'Dementia talk',
    'Team offsite',
    '',
  ])('%s', (title) => expect(detect(title)).toEqual({ mentoring: false, reason: 'no-match' }));

  it('a Mentor Graphics vendor call is not mentoring, by default excluded word', () => {
    expect(DEFAULT_EXCLUDED_WORDS).toContain('Mentor Graphics');
    expect(detect('Mentor Graphics licence renewal')).toEqual({
      mentoring: false,
      reason: 'excluded-word',
      matched: 'Mentor Graphics',
    });
    expect(detect('mentor-graphics tooling')).toMatchObject({ mentoring: false, reason: 'excluded-word' });
  });

  it('word boundaries hold for a user keyword too', () => {
    const rules: DetectionRules = { keywords: ['coach'], excludedWords: [], partnerEmails: [] };
    const run = (title: string) => detectMentoring(event(title), { rules, relationships: [] }).mentoring;
    expect(run('Coach sync')).toBe(true);
    expect(run('coaches meetup')).toBe(false);
    expect(run('Coachella')).toBe(false);
    expect(run('stagecoach')).toBe(false);
  });

  it('"1:1" survives times around it', () => {
    expect(isMentoring('11:15 1:1 with Kim')).toBe(true);
    expect(isMentoring('1:1 at 11:15')).toBe(true);
    expect(isMentoring('(1:1)')).toBe(true);
    expect(isMentoring('1:1:30 drill')).toBe(false);
  });
});

describe('matching', () => {
  it('folds case, accents and full-width forms', () => {
    expect(normalizeForMatching('MENTORÍA')).toBe('mentoria');
    expect(normalizeForMatching('Tête-à-Tête')).toBe('tete-a-tete');
    expect(normalizeForMatching('１ｏｎ１')).toBe('1on1');
    expect(normalizeForMatching('İ')).toBe('i');
    // Japanese voicing marks are not accents.
    expect(normalizeForMatching('ボ')).not.toBe(normalizeForMatching('ホ'));
  });

  it('matches accented keywords without accents and the reverse', () => {
    const rules: DetectionRules = { keywords: ['mentoria'], excludedWords: [], partnerEmails: [] };
    expect(detectMentoring(event('Mentoría'), { rules, relationships: [] }).mentoring).toBe(true);
  });

  it('needs a gap where the keyword has a space, none where it has a hyphen', () => {
    expect(isMentoring('uno a uno')).toBe(true);
    expect(isMentoring('uno-a-uno')).toBe(true);
    expect(isMentoring('unoauno')).toBe(false);
    expect(isMentoring('oneonone')).toBe(true);
    expect(isMentoring('1 – on – 1')).toBe(true);
  });

  it('treats regex characters in user keywords literally', () => {
    const rules: DetectionRules = {
      keywords: ['(mentor)', 'a.b', 'c++'],
      excludedWords: [],
      partnerEmails: [],
    };
    const run = (title: string) => detectMentoring(event(title), { rules, relationships: [] }).mentoring;
    expect(run('x (mentor) y')).toBe(true);
    expect(run('axb')).toBe(false);
    expect(run('a.b')).toBe(true);
    expect(run('c++ mentoring')).toBe(true);
  });

  it('ignores blank keywords and tolerates duplicates', () => {
    const rules: DetectionRules = {
      keywords: ['', '  ', '*', 'Sync', 'sync'],
      excludedWords: [' '],
      partnerEmails: [''],
    };
    expect(detectMentoring(event('Weekly sync'), { rules, relationships: [] })).toEqual({
      mentoring: true,
      reason: 'keyword',
      matched: 'Sync',
    });
    expect(detectMentoring(event('anything'), { rules, relationships: [] }).mentoring).toBe(false);
  });

  it('compiles once per rules object', () => {
    const rules = defaultDetectionRules();
    expect(compileDetectionRules(rules)).toBe(compileDetectionRules(rules));
    expect(compileDetectionRules(defaultDetectionRules())).not.toBe(compileDetectionRules(rules));
  });

  it('is fast enough to run for every chip', () => {
    const rules = defaultDetectionRules();
    const titles = ['Weekly sync', 'Mentoring with Sam', 'Design review 11:15', 'メンター面談', 'Lunch'];
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) {
      detectMentoring(event(titles[i % titles.length] ?? ''), { rules, relationships: [] });
    }
    // ~1 µs each on a laptop; the bound only catches a regex rebuilt per call.
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('defaultDetectionRules', () => {
  it('covers the eight UI languages and the English list from the architecture', () => {
    expect(Object.keys(DEFAULT_KEYWORDS_BY_LANGUAGE).sort()).toEqual([
      'de',
      'en',
      'es',
      'fr',
      'it',
      'ja',
      'nl',
      'pt',
    ]);
    for (const word of [
      'mentor',
      'mentee',
      'mentoring',
      'mentorship',
      'coaching',
      '1:1',
      '1-on-1',
      'one-on-one',
    ]) {
      expect(defaults.keywords).toContain(word);
    }
    expect(defaults.partnerEmails).toEqual([]);
  });

  it('lists each folded keyword once and returns a fresh copy', () => {
    const folded = defaults.keywords.map(normalizeForMatching);
    expect(new Set(folded).size).toBe(folded.length);
    const a = defaultDetectionRules();
    a.keywords.push('x');
    a.excludedWords.length = 0;
    expect(defaultDetectionRules().keywords).not.toContain('x');
    expect(defaultDetectionRules().excludedWords).toEqual(['Mentor Graphics']);
  });
});

describe('empty rules', () => {
  it('detects nothing from text', () => {
    const result = detectMentoring(event('Mentoring 1:1', { guests: [guest('sam@example.com')] }), {
      rules: emptyRules,
      relationships: [],
    });
    expect(result).toEqual({ mentoring: false, reason: 'no-match' });
  });

  it('still honours relationships and overrides', () => {
    const relationships = [{ id: 'rel-sam', partnerEmails: ['sam@example.com'] }];
    expect(
      detectMentoring(event('Lunch', { guests: [guest('sam@example.com')] }), {
        rules: emptyRules,
        relationships,
      }),
    ).toMatchObject({ mentoring: true, reason: 'relationship-guest', relationshipId: 'rel-sam' });
    expect(
      detectMentoring(event('Lunch'), { rules: emptyRules, relationships: [], eventOverride: true }),
    ).toEqual({
      mentoring: true,
      reason: 'event-override',
    });
  });
});

describe('overrides', () => {
  it('an event override wins in both directions', () => {
    expect(detect('Mentoring with Sam', {}, { eventOverride: false })).toEqual({
      mentoring: false,
      reason: 'event-override',
    });
    expect(detect('Budget review', {}, { eventOverride: true })).toEqual({
      mentoring: true,
      reason: 'event-override',
    });
    expect(detect('Mentor Graphics call', {}, { eventOverride: true }).mentoring).toBe(true);
  });

  it('a series override wins over rules and relationships, in both directions', () => {
    const relationships = [{ id: 'rel-sam', partnerEmails: ['sam@example.com'] }];
    const series = { eventId: 'abc_20260915T150000Z', seriesId: 'abc' };
    expect(
      detect(
        'Mentoring',
        { ...series, guests: [guest('sam@example.com')] },
        { relationships, seriesOverride: false },
      ),
    ).toEqual({ mentoring: false, reason: 'series-override' });
    expect(detect('Weekly sync', series, { seriesOverride: true })).toEqual({
      mentoring: true,
      reason: 'series-override',
    });
  });

  it('the event override beats the series override', () => {
    expect(detect('Weekly sync', {}, { seriesOverride: true, eventOverride: false })).toEqual({
      mentoring: false,
      reason: 'event-override',
    });
    expect(detect('Weekly sync', {}, { seriesOverride: false, eventOverride: true })).toEqual({
      mentoring: true,
      reason: 'event-override',
    });
  });
});

describe('relationship guests', () => {
  const relationships = [
    { id: 'rel-old', partnerEmails: ['kim@example.com'], archived: true },
    { id: 'rel-sam', partnerEmails: ['Sam.Lee@Example.com', 'sam@personal.example'] },
    { id: 'rel-kim', partnerEmails: ['kim@example.com'] },
  ];

  it('marks a meeting with a known partner, even with no keyword, and names the relationship', () => {
    expect(
      detect(
        'Lunch',
        { guests: [guest('me@example.com'), guest('  sam.lee@EXAMPLE.com ')] },
        { relationships },
      ),
    ).toEqual({
      mentoring: true,
      reason: 'relationship-guest',
      matched: '  sam.lee@EXAMPLE.com ',
      relationshipId: 'rel-sam',
    });
    expect(
      detect('Lunch', { guests: [guest('sam@personal.example')] }, { relationships }).relationshipId,
    ).toBe('rel-sam');
  });

  it('ignores archived relationships', () => {
    const result = detect('Lunch', { guests: [guest('kim@example.com')] }, { relationships });
    expect(result.relationshipId).toBe('rel-kim');
    const archivedOnly = [{ id: 'rel-old', partnerEmails: ['kim@example.com'], archived: true }];
    expect(detect('Lunch', { guests: [guest('kim@example.com')] }, { relationships: archivedOnly })).toEqual({
      mentoring: false,
      reason: 'no-match',
    });
  });

  it('prefers a known partner over a keyword, so the relationship is attached', () => {
    expect(detect('Mentoring', { guests: [guest('kim@example.com')] }, { relationships })).toMatchObject({
      reason: 'relationship-guest',
      relationshipId: 'rel-kim',
    });
  });

  it('counts a known partner even when an excluded word is present', () => {
    expect(
      detect('Mentor Graphics demo', { guests: [guest('kim@example.com')] }, { relationships }),
    ).toMatchObject({ mentoring: true, reason: 'relationship-guest' });
  });

  it('follows a new relationships list', () => {
    const guests = [guest('new@example.com')];
    expect(detect('Lunch', { guests }, { relationships }).mentoring).toBe(false);
    const updated = [...relationships, { id: 'rel-new', partnerEmails: ['new@example.com'] }];
    expect(detect('Lunch', { guests }, { relationships: updated }).relationshipId).toBe('rel-new');
  });
});

describe('rules.partnerEmails', () => {
  const rules: DetectionRules = {
    ...defaultDetectionRules(),
    partnerEmails: ['Ana@Example.org', '@mentors.example'],
  };

  it('marks a meeting with a listed guest, ignoring case', () => {
    expect(
      detectMentoring(event('Coffee', { guests: [guest('ana@example.org')] }), { rules, relationships: [] }),
    ).toEqual({ mentoring: true, reason: 'partner-email', matched: 'Ana@Example.org' });
  });

  it('matches a whole domain written as @domain', () => {
    const result = detectMentoring(event('Coffee', { guests: [guest('lee@Mentors.example')] }), {
      rules,
      relationships: [],
    });
    expect(result).toEqual({ mentoring: true, reason: 'partner-email', matched: '@mentors.example' });
    expect(
      detectMentoring(event('Coffee', { guests: [guest('lee@notmentors.example')] }), {
        rules,
        relationships: [],
      }).mentoring,
    ).toBe(false);
  });

  it('comes after a known relationship, and beats an excluded word', () => {
    const relationships = [{ id: 'rel-ana', partnerEmails: ['ana@example.org'] }];
    expect(
      detectMentoring(event('Coffee', { guests: [guest('ana@example.org')] }), { rules, relationships })
        .reason,
    ).toBe('relationship-guest');
    expect(
      detectMentoring(event('Mentor Graphics', { guests: [guest('ana@example.org')] }), {
        rules,
        relationships: [],
      }).reason,
    ).toBe('partner-email');
  });
});

describe('excluded words', () => {
  const rules: DetectionRules = {
    keywords: ['mentoring', '1:1'],
    excludedWords: ['interview', 'Fête'],
    partnerEmails: [],
  };
  const run = (title: string, description?: string) =>
    detectMentoring(event(title, { description }), { rules, relationships: [] });

  it('veto a keyword found anywhere in title or description', () => {
    expect(run('1:1 interview prep')).toEqual({
      mentoring: false,
      reason: 'excluded-word',
      matched: 'interview',
    });
    expect(run('Mentoring', 'Candidate interview loop')).toMatchObject({ reason: 'excluded-word' });
    expect(run('Mentoring fete')).toMatchObject({ reason: 'excluded-word', matched: 'Fête' });
  });

  it('are whole words as well', () => {
    expect(run('Mentoring: interviewing skills')).toMatchObject({ mentoring: true, reason: 'keyword' });
  });

  it('say nothing when no keyword matched', () => {
    expect(run('Job interview')).toEqual({ mentoring: false, reason: 'no-match' });
  });
});
