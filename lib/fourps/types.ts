/** The four Ps, in the order a conversation walks through them. */
export type PKey = 'purpose' | 'preparation' | 'participation' | 'plan';

/** The user's side of a mentoring relationship. */
export type Role = 'mentor' | 'mentee';

/** Where a relationship stands (Kram's phases); they overlap in practice, so this is the user's call. */
export type Phase = 'initiation' | 'cultivation' | 'separation' | 'redefinition';

/** When a question is asked: on the prep form, in the side panel during the call, or in the Plan checklist. */
export type Moment = 'before' | 'during' | 'after';

export interface FourPsQuestion {
  /** Stable: stored answers are keyed by it (e.g. `purpose.goal-now`), so never rename one that shipped. */
  id: string;
  p: PKey;
  text: string;
  hint?: string;
  /** Who sees it; a shared question lists both roles. */
  roles: Role[];
  /** Only asked in these phases; absent means always. */
  phases?: Phase[];
  moment: Moment;
}

export interface FourPDefinition {
  key: PKey;
  label: string;
  /** Label on the prep form, before the meeting, where it differs (Plan reads "Plan ahead" there). */
  beforeLabel?: string;
  summary: string;
}

export interface PrepCompletion {
  byP: Record<PKey, boolean>;
  /** 0..4 */
  answeredPs: number;
  status: 'none' | 'partial' | 'done';
}
