// Accents only: the combining marks of Latin, Greek and Cyrillic. Japanese voicing marks (U+3099/309A)
// are kept, so ボ and ホ stay different.
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;

/**
 * Folds text for matching: lower case, compatibility forms unified (full-width "１ｏｎ１" → "1on1",
 * half-width katakana → full-width), accents dropped ("mentoría" → "mentoria").
 * Lower-casing comes first so that "İ" does not leave a stray combining dot behind.
 */
export function normalizeForMatching(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(COMBINING_DIACRITICS, '');
}
