import { describe, expect, it } from 'vitest';
import {
  duringPrompts,
  FOUR_PS,
  P_ORDER,
  PHASE_SUMMARIES,
  PHASES,
  phaseLabel,
  pLabel,
  planPrompts,
  prepCompletion,
  prepQuestions,
  QUESTIONS,
  questionById,
  questionsByP,
  ROLES,
  roleLabel,
} from '../../../lib/fourps/catalogue';
import type { FourPsQuestion, PKey } from '../../../lib/fourps/types';

const pIndex = (q: FourPsQuestion) => P_ORDER.indexOf(q.p);

describe('4 Ps catalogue invariants', () => {
  it('has unique, stable-looking ids', () => {
    const ids = QUESTIONS.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
  });

  it('keeps ids that stored answers already use', () => {
    // Renaming one of these orphans every saved answer to it.
    for (const id of ['purpose.goal-now', 'preparation.last-time', 'plan.next-steps', 'plan.next-meeting']) {
      expect(questionById(id)?.id).toBe(id);
    }
  });

  it('has short, non-empty text, at least one role and no duplicate wording', () => {
    const texts = new Set<string>();
    for (const q of QUESTIONS) {
      expect(q.text.trim().length).toBeGreaterThan(0);
      expect(q.text.length).toBeLessThanOrEqual(100);
      expect(q.roles.length).toBeGreaterThan(0);
      expect(new Set(q.roles).size).toBe(q.roles.length);
      if (q.phases) expect(q.phases.length).toBeGreaterThan(0);
      expect(texts.has(q.text)).toBe(false);
      texts.add(q.text);
    }
  });

  it('labels the four Ps, with "Plan ahead" before the meeting', () => {
    expect(P_ORDER.map((p) => FOUR_PS[p].label)).toEqual(['Purpose', 'Preparation', 'Participation', 'Plan']);
    expect(P_ORDER.map((p) => pLabel(p, 'before'))).toEqual([
      'Purpose',
      'Preparation',
      'Participation',
      'Plan ahead',
    ]);
    expect(pLabel('plan', 'after')).toBe('Plan');
    expect(pLabel('plan')).toBe('Plan');
    for (const p of P_ORDER) expect(FOUR_PS[p].summary.length).toBeGreaterThan(10);
  });

  it('labels roles and phases', () => {
    expect(roleLabel('mentor')).toBe('Mentor');
    expect(roleLabel('mentee')).toBe('Mentee');
    for (const phase of PHASES) {
      expect(phaseLabel(phase).length).toBeGreaterThan(0);
      expect(PHASE_SUMMARIES[phase].length).toBeGreaterThan(0);
    }
    expect(new Set(PHASES.map(phaseLabel)).size).toBe(4);
  });

  it.each(ROLES)('gives the %s before-questions for every P, ordered by P', (role) => {
    const questions = prepQuestions(role);
    const grouped = questionsByP(questions);
    for (const p of P_ORDER) expect(grouped[p].length, p).toBeGreaterThan(0);
    expect(questions.map(pIndex)).toEqual([...questions.map(pIndex)].sort((a, b) => a - b));
    for (const q of questions) {
      expect(q.moment).toBe('before');
      expect(q.roles).toContain(role);
      expect(q.phases).toBeUndefined();
    }
  });

  it('gives each role its own variants on top of the shared questions', () => {
    const mentor = new Set(prepQuestions('mentor').map((q) => q.id));
    const mentee = new Set(prepQuestions('mentee').map((q) => q.id));
    const shared = [...mentor].filter((id) => mentee.has(id));
    expect(shared.length).toBeGreaterThan(0);
    expect([...mentor].some((id) => !mentee.has(id))).toBe(true);
    expect([...mentee].some((id) => !mentor.has(id))).toBe(true);
    // Purpose and Plan differ by role in the framework.
    for (const p of ['purpose', 'plan'] as const) {
      const only = (role: 'mentor' | 'mentee') =>
        QUESTIONS.filter(
          (q) => q.p === p && q.moment === 'before' && q.roles.length === 1 && q.roles[0] === role,
        );
      expect(only('mentor').length, `mentor ${p}`).toBeGreaterThan(0);
      expect(only('mentee').length, `mentee ${p}`).toBeGreaterThan(0);
    }
  });

  it.each(ROLES)('gives the %s participation prompts during the call', (role) => {
    const prompts = duringPrompts(role);
    expect(prompts.length).toBeGreaterThanOrEqual(4);
    for (const q of prompts) {
      expect(q.moment).toBe('during');
      expect(q.p).toBe('participation');
      expect(q.roles).toContain(role);
    }
    const ids = prompts.map((q) => q.id);
    expect(ids).toContain('during.feedback-work');
    expect(ids).toContain('during.feedback-relationship');
    expect(ids).toContain('during.listen');
  });

  it.each(ROLES)('gives the %s a Plan checklist after the call', (role) => {
    const prompts = planPrompts(role);
    for (const q of prompts) {
      expect(q.moment).toBe('after');
      expect(q.p).toBe('plan');
      expect(q.roles).toContain(role);
    }
    const ids = prompts.map((q) => q.id);
    for (const id of [
      'plan.next-steps',
      'plan.learned',
      'plan.feedback',
      'plan.next-meeting',
      'plan.next-goal',
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids).toContain(role === 'mentor' ? 'plan.accountability' : 'plan.on-track');
    expect(ids).toContain(role === 'mentor' ? 'plan.mentee-needs' : 'plan.needs');
  });

  it.each(PHASES)('adds 2–3 questions for the %s phase, before and after the meeting', (phase) => {
    const own = QUESTIONS.filter((q) => q.phases?.includes(phase));
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(own.length).toBeLessThanOrEqual(3);
    for (const role of ROLES) {
      const before = prepQuestions(role, phase);
      const after = planPrompts(role, phase);
      const extraBefore = before.filter((q) => q.phases !== undefined);
      const extraAfter = after.filter((q) => q.phases !== undefined);
      expect(extraBefore.length, `${role} before`).toBeGreaterThan(0);
      expect(extraAfter.length, `${role} after`).toBeGreaterThan(0);
      for (const q of [...extraBefore, ...extraAfter]) expect(q.phases).toContain(phase);
      expect(before.length).toBe(prepQuestions(role).length + extraBefore.length);
      // Still ordered by P, and a phase question leads its P.
      expect(before.map(pIndex)).toEqual([...before.map(pIndex)].sort((a, b) => a - b));
      for (const q of extraBefore) expect(questionsByP(before)[q.p][0]?.phases).toBeDefined();
    }
  });

  it('never shows one phase the questions of another', () => {
    const initiation = prepQuestions('mentee', 'initiation').map((q) => q.id);
    expect(initiation).toContain('initiation.hopes');
    expect(initiation).not.toContain('redefinition.become');
    expect(planPrompts('mentor', 'redefinition').map((q) => q.id)).toContain('redefinition.stay-in-touch');
    expect(planPrompts('mentor', 'redefinition').map((q) => q.id)).not.toContain('separation.carry-on');
  });
});

describe('questionsByP', () => {
  it('has every P, keeps input order, and tolerates an empty list', () => {
    expect(questionsByP([])).toEqual({ purpose: [], preparation: [], participation: [], plan: [] });
    const questions = prepQuestions('mentor');
    const grouped = questionsByP(questions);
    const flattened = P_ORDER.flatMap((p: PKey) => grouped[p]);
    expect(flattened).toEqual(questions);
  });
});

describe('prepCompletion', () => {
  const questions = prepQuestions('mentee');
  const firstOf = (p: PKey) => {
    const q = questions.find((question) => question.p === p);
    if (!q) throw new Error(`no ${p} question`);
    return q.id;
  };

  it('is none with no answers, or only blank ones', () => {
    expect(prepCompletion({}, questions)).toEqual({
      byP: { purpose: false, preparation: false, participation: false, plan: false },
      answeredPs: 0,
      status: 'none',
    });
    expect(prepCompletion({ [firstOf('purpose')]: '   \n\t' }, questions).status).toBe('none');
  });

  it('is partial when some Ps have an answer', () => {
    const result = prepCompletion(
      { [firstOf('purpose')]: 'Ship the portfolio', [firstOf('plan')]: 'x' },
      questions,
    );
    expect(result.byP).toEqual({ purpose: true, preparation: false, participation: false, plan: true });
    expect(result.answeredPs).toBe(2);
    expect(result.status).toBe('partial');
  });

  it('is done when every P has at least one answer, whichever question it is', () => {
    const answers: Record<string, string> = {};
    for (const p of P_ORDER) {
      const last = questions.filter((q) => q.p === p).at(-1);
      if (last) answers[last.id] = 'yes';
    }
    expect(prepCompletion(answers, questions)).toMatchObject({ answeredPs: 4, status: 'done' });
  });

  it('ignores answers to questions that are not in the list', () => {
    const mentorOnly = QUESTIONS.find((q) => q.moment === 'before' && q.roles.join() === 'mentor');
    if (!mentorOnly) throw new Error('no mentor-only question');
    expect(prepCompletion({ [mentorOnly.id]: 'answer', unknown: 'answer' }, questions).status).toBe('none');
  });

  it('counts a P with no questions as unprepared', () => {
    const purposeOnly = questions.filter((q) => q.p === 'purpose');
    const answers = Object.fromEntries(purposeOnly.map((q) => [q.id, 'a']));
    expect(prepCompletion(answers, purposeOnly)).toMatchObject({ answeredPs: 1, status: 'partial' });
  });
});
