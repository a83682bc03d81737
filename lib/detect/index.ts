export { type CompiledDetectionRules, compileDetectionRules } from './compileDetectionRules';
export { DEFAULT_EXCLUDED_WORDS, DEFAULT_KEYWORDS_BY_LANGUAGE, defaultDetectionRules } from './defaultRules';
export { detectMentoring } from './detectMentoring';
export { normalizeForMatching } from './normalizeForMatching';
export type * from './types';
