import type { FourPDefinition, FourPsQuestion, Moment, Phase, PKey, PrepCompletion, Role } from './types';

/*
 * The 4 Ps catalogue: what the prep form, the side panel and the Plan checklist ask.
 * Written in our own words (see ../../../shared/design/four-ps.md for the framework it follows):
 * each question should be answerable by a busy person in a line or two.
 * Question ids are storage keys: add new ones freely, never rename or reuse one.
 */

export const P_ORDER: readonly PKey[] = ['purpose', 'preparation', 'participation', 'plan'];

export const FOUR_PS: Readonly<Record<PKey, FourPDefinition>> = {
  purpose: {
    key: 'purpose',
    label: 'Purpose',
    summary: 'Why we are meeting, and which goal it moves forward.',
  },
  preparation: {
    key: 'preparation',
    label: 'Preparation',
    summary: 'What you want from this conversation, and what you bring to it.',
  },
  participation: {
    key: 'participation',
    label: 'Participation',
    summary: 'How you show up: present, listening, asking for and giving feedback.',
  },
  plan: {
    key: 'plan',
    label: 'Plan',
    beforeLabel: 'Plan ahead',
    summary: 'What happens next, who does it, and when you meet again.',
  },
};

/** The P's label for a moment: the Plan section reads "Plan ahead" on the prep form. */
export function pLabel(p: PKey, moment: Moment = 'after'): string {
  const definition = FOUR_PS[p];
  return moment === 'before' ? (definition.beforeLabel ?? definition.label) : definition.label;
}

export const ROLES: readonly Role[] = ['mentor', 'mentee'];

export const ROLE_LABELS: Readonly<Record<Role, string>> = { mentor: 'Mentor', mentee: 'Mentee' };

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

export const PHASES: readonly Phase[] = ['initiation', 'cultivation', 'separation', 'redefinition'];

export const PHASE_LABELS: Readonly<Record<Phase, string>> = {
  initiation: 'Getting started',
  cultivation: 'Growing',
  separation: 'Changing',
  redefinition: 'Redefining',
};

/** One line per phase for pickers, so nobody needs to know Kram's terms. */
export const PHASE_SUMMARIES: Readonly<Record<Phase, string>> = {
  initiation: 'You are getting to know each other and agreeing how you will work together.',
  cultivation: 'You meet regularly and work on the learning goals.',
  separation: 'Goals are met or needs have shifted, so the relationship is changing.',
  redefinition: 'You are deciding what you are to each other from now on.',
};

export function phaseLabel(phase: Phase): string {
  return PHASE_LABELS[phase];
}

const BOTH: Role[] = ['mentor', 'mentee'];
const MENTEE: Role[] = ['mentee'];
const MENTOR: Role[] = ['mentor'];

/** Every question the product asks. Order inside a P is the order shown. */
export const QUESTIONS: readonly FourPsQuestion[] = [
  // ── Before the meeting: the prep form ──────────────────────────────────────────────
  {
    id: 'purpose.why-now',
    p: 'purpose',
    moment: 'before',
    roles: BOTH,
    text: 'Why are we meeting this time?',
    hint: 'Following up on last time, moving the main goal along, or something new?',
  },
  {
    id: 'purpose.goal-now',
    p: 'purpose',
    moment: 'before',
    roles: BOTH,
    text: 'Which goal or problem is top of mind?',
  },
  {
    id: 'purpose.success',
    p: 'purpose',
    moment: 'before',
    roles: MENTEE,
    text: 'How will you know you have made real progress on it?',
    hint: 'Picture it going well. What would you see or be able to do?',
  },
  {
    id: 'purpose.offer',
    p: 'purpose',
    moment: 'before',
    roles: MENTOR,
    text: 'What could you bring that is hard to get elsewhere?',
    hint: 'An introduction, a resource, honest feedback, a story from your own path.',
  },
  {
    id: 'purpose.discovery',
    p: 'purpose',
    moment: 'before',
    roles: MENTOR,
    text: 'Unsure what they need? Jot down a question or two to find out.',
  },
  {
    id: 'preparation.want',
    p: 'preparation',
    moment: 'before',
    roles: BOTH,
    text: 'What would make this time worth it for you?',
  },
  {
    id: 'preparation.last-time',
    p: 'preparation',
    moment: 'before',
    roles: BOTH,
    text: 'Since last time: what happened, and what is still open?',
    hint: 'The "Last time" panel shows the previous plan and open action items.',
  },
  {
    id: 'preparation.tried',
    p: 'preparation',
    moment: 'before',
    roles: MENTEE,
    text: 'What have you tried since you last met, and how did it go?',
  },
  {
    id: 'preparation.promised',
    p: 'preparation',
    moment: 'before',
    roles: MENTOR,
    text: 'Did you promise to look into anything? Bring it.',
  },
  {
    id: 'preparation.good-questions',
    p: 'preparation',
    moment: 'before',
    roles: BOTH,
    text: 'Which questions could open something up?',
    hint: 'One about the work, one about the person, one about how you work together.',
  },
  {
    id: 'participation.presence',
    p: 'participation',
    moment: 'before',
    roles: BOTH,
    text: 'What will help you give this your full attention?',
    hint: 'Phone away, notifications off, a minute to settle before you join.',
  },
  {
    id: 'participation.mindset',
    p: 'participation',
    moment: 'before',
    roles: BOTH,
    text: 'What attitude do you want to walk in with?',
    hint: 'Curious, patient, open to being surprised.',
  },
  {
    id: 'participation.feedback-ask',
    p: 'participation',
    moment: 'before',
    roles: BOTH,
    text: 'What will you ask to hear how the work, and the two of you, are going?',
  },
  {
    id: 'plan.ahead-fit',
    p: 'plan',
    moment: 'before',
    roles: BOTH,
    text: 'Which longer-term goal should this meeting push along?',
  },
  {
    id: 'plan.ahead-ask',
    p: 'plan',
    moment: 'before',
    roles: MENTEE,
    text: 'What help might you ask your mentor for?',
  },
  {
    id: 'plan.ahead-follow-through',
    p: 'plan',
    moment: 'before',
    roles: MENTOR,
    text: 'How will you check on what they committed to last time?',
  },

  // ── During the call: side-panel prompts (Participation) ────────────────────────────
  {
    id: 'during.listen',
    p: 'participation',
    moment: 'during',
    roles: BOTH,
    text: 'Listen to understand, not to reply. Let a pause sit.',
  },
  {
    id: 'during.presence',
    p: 'participation',
    moment: 'during',
    roles: BOTH,
    text: 'Mind drifting? Come back to the person in front of you.',
  },
  {
    id: 'during.feedback-work',
    p: 'participation',
    moment: 'during',
    roles: BOTH,
    text: 'Ask about the work: what is going well, what would you change?',
  },
  {
    id: 'during.feedback-relationship',
    p: 'participation',
    moment: 'during',
    roles: BOTH,
    text: 'Check in on the two of you: is the way you meet still working?',
  },
  {
    id: 'during.ask-plainly',
    p: 'participation',
    moment: 'during',
    roles: MENTEE,
    text: 'Say plainly what you need. It is the quickest way to get help.',
  },
  {
    id: 'during.thanks',
    p: 'participation',
    moment: 'during',
    roles: MENTEE,
    text: 'Name one thing that helped, and say thanks for it.',
  },
  {
    id: 'during.ask-first',
    p: 'participation',
    moment: 'during',
    roles: MENTOR,
    text: 'Ask before you advise: what have they already tried?',
  },
  {
    id: 'during.encourage',
    p: 'participation',
    moment: 'during',
    roles: MENTOR,
    text: 'Point out progress you have noticed, however small.',
  },

  // ── After the call: the Plan checklist ─────────────────────────────────────────────
  {
    id: 'plan.next-steps',
    p: 'plan',
    moment: 'after',
    roles: BOTH,
    text: 'What are the next steps, and who owns each one?',
  },
  {
    id: 'plan.needs',
    p: 'plan',
    moment: 'after',
    roles: MENTEE,
    text: 'What help would you like from your mentor along the way?',
  },
  {
    id: 'plan.mentee-needs',
    p: 'plan',
    moment: 'after',
    roles: MENTOR,
    text: 'What does your mentee need from you, and by when?',
  },
  {
    id: 'plan.on-track',
    p: 'plan',
    moment: 'after',
    roles: MENTEE,
    text: 'How will you keep yourself on track until next time?',
  },
  {
    id: 'plan.accountability',
    p: 'plan',
    moment: 'after',
    roles: MENTOR,
    text: 'How will you follow up so they keep moving?',
    hint: 'A short check-in message, a date to share a draft, a question to open with next time.',
  },
  {
    id: 'plan.learned',
    p: 'plan',
    moment: 'after',
    roles: BOTH,
    text: 'What did you learn today?',
  },
  {
    id: 'plan.feedback',
    p: 'plan',
    moment: 'after',
    roles: BOTH,
    text: 'What feedback did you give or receive?',
  },
  {
    id: 'plan.next-meeting',
    p: 'plan',
    moment: 'after',
    roles: BOTH,
    text: 'When is the next meeting?',
  },
  {
    id: 'plan.next-goal',
    p: 'plan',
    moment: 'after',
    roles: BOTH,
    text: 'What should that meeting be for?',
  },

  // ── Phase-specific additions ───────────────────────────────────────────────────────
  {
    id: 'initiation.hopes',
    p: 'purpose',
    moment: 'before',
    roles: BOTH,
    phases: ['initiation'],
    text: 'What do you each hope to get out of working together?',
  },
  {
    id: 'initiation.ground-rules',
    p: 'participation',
    moment: 'before',
    roles: BOTH,
    phases: ['initiation'],
    text: 'How will you work together: how often, how to reach each other, what stays private?',
  },
  {
    id: 'initiation.agreed',
    p: 'plan',
    moment: 'after',
    roles: BOTH,
    phases: ['initiation'],
    text: 'What did you agree on about roles and expectations?',
  },
  {
    id: 'cultivation.progress',
    p: 'purpose',
    moment: 'before',
    roles: BOTH,
    phases: ['cultivation'],
    text: 'What progress on the learning goals have you seen since you started?',
  },
  {
    id: 'cultivation.stretch',
    p: 'preparation',
    moment: 'before',
    roles: BOTH,
    phases: ['cultivation'],
    text: 'What is the next stretch: a skill to build or a challenge to take on?',
  },
  {
    id: 'cultivation.goals-fit',
    p: 'plan',
    moment: 'after',
    roles: BOTH,
    phases: ['cultivation'],
    text: 'Do the learning goals still fit, or should you adjust them?',
  },
  {
    id: 'separation.goals-met',
    p: 'purpose',
    moment: 'before',
    roles: BOTH,
    phases: ['separation'],
    text: 'Which goals are met, and which still matter?',
  },
  {
    id: 'separation.what-changes',
    p: 'plan',
    moment: 'before',
    roles: BOTH,
    phases: ['separation'],
    text: 'What should change: how often you meet, or what you meet about?',
  },
  {
    id: 'separation.carry-on',
    p: 'plan',
    moment: 'after',
    roles: BOTH,
    phases: ['separation'],
    text: 'What will you keep doing on your own from here?',
  },
  {
    id: 'redefinition.become',
    p: 'purpose',
    moment: 'before',
    roles: BOTH,
    phases: ['redefinition'],
    text: 'What would you like this relationship to become?',
    hint: 'Peers, occasional check-ins, a sponsor, friends.',
  },
  {
    id: 'redefinition.keep',
    p: 'preparation',
    moment: 'before',
    roles: BOTH,
    phases: ['redefinition'],
    text: 'What from your time together will you keep using?',
  },
  {
    id: 'redefinition.stay-in-touch',
    p: 'plan',
    moment: 'after',
    roles: BOTH,
    phases: ['redefinition'],
    text: 'How and when will you stay in touch?',
  },
];

const QUESTIONS_BY_ID: ReadonlyMap<string, FourPsQuestion> = new Map(QUESTIONS.map((q) => [q.id, q]));

export function questionById(id: string): FourPsQuestion | undefined {
  return QUESTIONS_BY_ID.get(id);
}

/**
 * The questions one role sees at one moment, ordered by P. Inside a P the phase's own questions
 * come first, because they speak to where the relationship is now; otherwise the catalogue order
 * holds (the sort is stable).
 * Without a phase, phase-specific questions are left out.
 */
function questionsFor(moment: Moment, role: Role, phase?: Phase): FourPsQuestion[] {
  return QUESTIONS.filter(
    (q) =>
      q.moment === moment &&
      q.roles.includes(role) &&
      (q.phases === undefined || (phase !== undefined && q.phases.includes(phase))),
  ).sort(
    (a, b) =>
      P_ORDER.indexOf(a.p) - P_ORDER.indexOf(b.p) ||
      Number(a.phases === undefined) - Number(b.phases === undefined),
  );
}

/** The prep form: Purpose, Preparation, Participation, Plan ahead. */
export function prepQuestions(role: Role, phase?: Phase): FourPsQuestion[] {
  return questionsFor('before', role, phase);
}

/** Participation prompts for the side panel during the call. */
export function duringPrompts(role: Role): FourPsQuestion[] {
  return questionsFor('during', role);
}

/** The Plan checklist shown when the meeting ends. */
export function planPrompts(role: Role, phase?: Phase): FourPsQuestion[] {
  return questionsFor('after', role, phase);
}

/** Groups questions by P; every P is present (possibly empty) and the input order is kept. */
export function questionsByP(questions: readonly FourPsQuestion[]): Record<PKey, FourPsQuestion[]> {
  const grouped: Record<PKey, FourPsQuestion[]> = {
    purpose: [],
    preparation: [],
    participation: [],
    plan: [],
  };
  for (const question of questions) grouped[question.p].push(question);
  return grouped;
}

/**
 * How far a prep is: a P counts as prepared once any of its questions has a non-blank answer.
 * Answers to questions not in `questions` are ignored, so a role or phase switch cannot inflate it.
 */
export function prepCompletion(
  answers: Readonly<Record<string, string>>,
  questions: readonly FourPsQuestion[],
): PrepCompletion {
  const byP: Record<PKey, boolean> = {
    purpose: false,
    preparation: false,
    participation: false,
    plan: false,
  };
  for (const question of questions) {
    const answer = answers[question.id];
    if (answer !== undefined && answer.trim() !== '') byP[question.p] = true;
  }
  const answeredPs = P_ORDER.filter((p) => byP[p]).length;
  const status = answeredPs === 0 ? 'none' : answeredPs === P_ORDER.length ? 'done' : 'partial';
  return { byP, answeredPs, status };
}
