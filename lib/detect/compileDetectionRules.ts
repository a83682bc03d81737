import { normalizeForMatching } from './normalizeForMatching';
import type { DetectionRules } from './types';

export interface CompiledDetectionRules {
  /** The first keyword found in the text (as written in the rules), if any. */
  findKeyword(text: string): string | undefined;
  /** The first excluded word found in the text (as written in the rules), if any. */
  findExcludedWord(text: string): string | undefined;
  /** The `partnerEmails` entry this address matches (exactly or by `@domain`), ignoring case. */
  findPartnerEmail(email: string): string | undefined;
}

// Scripts written without spaces between words: a keyword in them matches anywhere, and their
// characters count as word boundaries for Latin keywords ("今週の1on1" has a 1on1 in it).
const SPACELESS_SCRIPTS = String.raw`\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}`;
const SPACELESS_CHAR = new RegExp(`[${SPACELESS_SCRIPTS}]`, 'u');
// A letter of a spaced script, or any digit. The negated class reads "a letter and not spaceless".
const WORD_CHAR = String.raw`(?:[^\P{L}${SPACELESS_SCRIPTS}]|\p{N})`;
// A time, ratio or date glued to a digit-edged keyword: "1:1" must not match "11:15", "1:15" or "21:1".
const DIGIT_BEFORE = String.raw`\p{N}[:.,/]`;
const DIGIT_AFTER = String.raw`[:.,/]\p{N}`;
// Spaces in a keyword require a gap ("uno a uno" never matches "unoauno"); hyphens may be left out
// ("1-on-1" matches "1on1"). Either way the gap may be spaces or any dash.
const GAP_REQUIRED = String.raw`[\s\p{Pd}]+`;
const GAP_OPTIONAL = String.raw`[\s\p{Pd}]*`;
const SEPARATOR_RUN = /[\s\p{Pd}]+/gu;
const EDGE_SEPARATORS = /^[\s\p{Pd}]+|[\s\p{Pd}]+$/gu;
const SYNTAX_CHARACTERS = /[\\^$.*+?()[\]{}|]/g;
const NEVER = (): undefined => undefined;

function escapeRegExp(text: string): string {
  return text.replace(SYNTAX_CHARACTERS, '\\$&');
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

/**
 * One keyword as a regex alternative with a single capture group around its body, or null if blank.
 * `literal` is the body's text up to its first gap: every match holds it as written.
 */
function keywordPattern(keyword: string): { normalized: string; pattern: string; literal: string } | null {
  let normalized = normalizeForMatching(keyword).trim();
  const prefix = normalized.endsWith('*');
  if (prefix) normalized = normalized.slice(0, -1);
  normalized = normalized.replace(EDGE_SEPARATORS, '');
  if (normalized === '') return null;

  let body = '';
  let last = 0;
  let literal: string | undefined;
  for (const gap of normalized.matchAll(SEPARATOR_RUN)) {
    literal ??= normalized.slice(0, gap.index);
    body += escapeRegExp(normalized.slice(last, gap.index));
    body += /\s/u.test(gap[0]) ? GAP_REQUIRED : GAP_OPTIONAL;
    last = gap.index + gap[0].length;
  }
  body += escapeRegExp(normalized.slice(last));

  const chars = Array.from(normalized);
  const first = chars[0] ?? '';
  const final = chars[chars.length - 1] ?? '';
  let before = '';
  if (!SPACELESS_CHAR.test(first)) {
    before = `(?<!${WORD_CHAR})`;
    if (isDigit(first)) before += `(?<!${DIGIT_BEFORE})`;
  }
  let after = '';
  if (!prefix && !SPACELESS_CHAR.test(final)) {
    // An optional plural "s" ("mentors", "1:1s"), then a boundary.
    after = `s?(?!${WORD_CHAR})`;
    if (isDigit(final)) after += `(?!${DIGIT_AFTER})`;
  }
  return { normalized, pattern: `${before}(${body})${after}`, literal: literal ?? normalized };
}

/**
 * The fewest literals of which every keyword's match holds one: a literal that contains another is
 * left out ("mentoring" holds "mentor"). Text holding none of them cannot match, which a few substring
 * searches tell far faster than the regex: its lookbehinds are tried at every position of the text.
 */
function fewestLiterals(literals: readonly string[]): string[] {
  const kept: string[] = [];
  for (const literal of [...literals].sort((a, b) => a.length - b.length)) {
    if (!kept.some((shorter) => literal.includes(shorter))) kept.push(literal);
  }
  return kept;
}

/** A finder over several keywords in one regex pass; the longest keyword wins at the same position. */
function compileFinder(keywords: readonly string[]): (text: string) => string | undefined {
  const seen = new Set<string>();
  const entries: { keyword: string; normalized: string; pattern: string; literal: string }[] = [];
  for (const raw of keywords) {
    const keyword = raw.trim();
    const compiled = keywordPattern(keyword);
    if (compiled === null) continue;
    if (seen.has(compiled.pattern)) continue;
    seen.add(compiled.pattern);
    entries.push({ keyword, ...compiled });
  }
  if (entries.length === 0) return NEVER;
  // Longest first, so "mentorship" is reported rather than a shorter keyword at the same spot; on a tie
  // the gap-less spelling first ("1on1" is reported for "1on1", "1-on-1" for "1 on 1"). Stable otherwise.
  const compactLength = (entry: { normalized: string }) => entry.normalized.replace(SEPARATOR_RUN, '').length;
  entries.sort((a, b) => compactLength(b) - compactLength(a) || a.normalized.length - b.normalized.length);
  const regex = new RegExp(entries.map((entry) => entry.pattern).join('|'), 'u');
  const literals = fewestLiterals(entries.map((entry) => entry.literal));
  return (text) => {
    const normalized = normalizeForMatching(text);
    if (!literals.some((literal) => normalized.includes(literal))) return undefined;
    const match = regex.exec(normalized);
    if (match === null) return undefined;
    const index = match.findIndex((group, i) => i > 0 && group !== undefined);
    return entries[index - 1]?.keyword;
  };
}

/**
 * Literals of which any keyword match holds one, in text folded by normalizeForMatching. Text that
 * holds none has no keyword; text that holds one may still have none ("phone" holds "one").
 */
export function keywordLiterals(keywords: readonly string[]): string[] {
  return fewestLiterals(keywords.flatMap((keyword) => keywordPattern(keyword.trim())?.literal ?? []));
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function compilePartnerEmails(entries: readonly string[]): (email: string) => string | undefined {
  const exact = new Map<string, string>();
  const domains = new Map<string, string>();
  for (const raw of entries) {
    const entry = normalizeEmail(raw);
    if (entry === '' || entry === '@') continue;
    const target = entry.startsWith('@') ? domains : exact;
    if (!target.has(entry)) target.set(entry, raw.trim());
  }
  if (exact.size === 0 && domains.size === 0) return NEVER;
  return (email) => {
    const address = normalizeEmail(email);
    const at = address.lastIndexOf('@');
    return exact.get(address) ?? (at > 0 ? domains.get(address.slice(at)) : undefined);
  };
}

const compiledByRules = new WeakMap<DetectionRules, CompiledDetectionRules>();

/**
 * Turns rules into matchers, once per rules object: detection runs for every calendar chip, so the
 * regexes are built when the rules change, not per event. Mutating a rules object in place after it
 * was compiled is not noticed; store edited rules as a new object.
 */
export function compileDetectionRules(rules: DetectionRules): CompiledDetectionRules {
  let compiled = compiledByRules.get(rules);
  if (compiled === undefined) {
    compiled = {
      findKeyword: compileFinder(rules.keywords),
      findExcludedWord: compileFinder(rules.excludedWords),
      findPartnerEmail: compilePartnerEmails(rules.partnerEmails),
    };
    compiledByRules.set(rules, compiled);
  }
  return compiled;
}
