/**
 * The language the Calendar page is written in, for the date parsers: they read the month names and
 * day periods of languages without a hand table from it (whenVocabulary.ts). Read once per page by the
 * content script and passed in, so the parsers stay pure.
 */

/**
 * `<html lang>` (the standard attribute, not a Google hook, so it outlives redesigns), else
 * `browserLanguage` (navigator.language), the best guess when the page names none.
 */
export function pageLocale(doc: Document, browserLanguage?: string): string | undefined {
  return doc.documentElement.lang.trim() || browserLanguage || undefined;
}
