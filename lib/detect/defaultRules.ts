import { normalizeForMatching } from './normalizeForMatching';
import type { DetectionRules } from './types';

/*
 * Default keywords per UI language. Plurals ending in "s" need no entry of their own (mentors,
 * mentees, mentorés, mentoras, 1:1s); other plurals and feminine forms are listed.
 *
 * Left out on purpose:
 * - 面談 (ja): a generic "interview / sit-down" — job interviews (採用面談), parent–teacher talks
 *   (三者面談), HR reviews, client meetings. It would flag far more than mentoring; the mentoring
 *   kinds are written メンター面談 or 1on1面談 and are caught by those keywords anyway.
 * - tutorat (fr): tutoring, i.e. course help or apprenticeship supervision; English "tutoring" is not
 *   a default either, so every language keeps the same scope. A user who means it can add it.
 * - "coach" alone: sports teams and buses ("Coach to airport"); only "coaching" is a default.
 */
export const DEFAULT_KEYWORDS_BY_LANGUAGE = {
  en: ['mentor', 'mentee', 'mentoring', 'mentorship', 'coaching', '1:1', '1-on-1', 'one-on-one', '1on1'],
  // German glues words together ("Mentoringgespräch", "Coachingtermin"), hence the prefix forms.
  de: ['Mentoring*', 'Mentor', 'Mentoren*', 'Mentorin', 'Mentorinnen', 'Mentee*', 'Coaching*', '1:1'],
  fr: ['mentorat', 'mentor', 'mentore', 'mentoré', 'mentorée', 'coaching', 'tête-à-tête'],
  es: ['mentoría', 'mentor', 'mentora', 'mentores', 'mentorado', 'mentorada', 'coaching', 'uno a uno'],
  // pt mostly folds onto es (mentoria = mentoría); listed whole so each language reads complete.
  pt: ['mentoria', 'mentor', 'mentora', 'mentores', 'mentorado', 'mentorada', 'coaching'],
  it: ['mentoring', 'mentore', 'mentori', 'mentorato', 'mentorship', 'coaching'],
  // Dutch glues words together too ("mentorgesprek", "coachingsgesprek").
  nl: [
    'mentor',
    'mentoren',
    'mentorgesprek*',
    'mentorschap',
    'mentee',
    'mentoring',
    'coaching*',
    '1-op-1',
    'één-op-één',
  ],
  // Spaceless script: these match anywhere in the text. メンティ also covers メンティー.
  ja: ['メンタリング', 'メンター', 'メンティー', 'メンティ', 'コーチング', '1on1', 'ワンオンワン'],
} as const satisfies Record<string, readonly string[]>;

/**
 * "Mentor Graphics" (the EDA vendor, now Siemens EDA) is a whole-word "mentor", so word boundaries
 * alone cannot tell a vendor call from a mentoring meeting. The user can remove it.
 */
export const DEFAULT_EXCLUDED_WORDS: readonly string[] = ['Mentor Graphics'];

/** A fresh copy of the defaults each call, safe to edit; keywords that fold to the same form appear once. */
export function defaultDetectionRules(): DetectionRules {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const list of Object.values(DEFAULT_KEYWORDS_BY_LANGUAGE)) {
    for (const keyword of list) {
      const folded = normalizeForMatching(keyword);
      if (seen.has(folded)) continue;
      seen.add(folded);
      keywords.push(keyword);
    }
  }
  return { keywords, excludedWords: [...DEFAULT_EXCLUDED_WORDS], partnerEmails: [] };
}
