import { PHASE_LABELS, planPrompts, prepQuestions } from '@/lib/fourps/catalogue';
import type { Phase, Role } from '@/lib/fourps/types';

/**
 * What the phase adds to this relationship's prep and plan: the catalogue's phase-specific questions,
 * so the user sees why the phase is worth keeping up to date.
 */
export function PhasePrompts({ role, phase }: { role: Role; phase: Phase }) {
  const onlyThisPhase = <T extends { phases?: Phase[] }>(questions: T[]) =>
    questions.filter((q) => q.phases !== undefined);
  const prep = onlyThisPhase(prepQuestions(role, phase));
  const plan = onlyThisPhase(planPrompts(role, phase));
  if (prep.length === 0 && plan.length === 0) return null;
  return (
    <section className="phase-prompts" data-testid="fourps-phase-prompts">
      <h3>Questions added while “{PHASE_LABELS[phase]}”</h3>
      {prep.length > 0 && (
        <>
          <h4>Before each meeting</h4>
          <ul>
            {prep.map((q) => (
              <li key={q.id}>{q.text}</li>
            ))}
          </ul>
        </>
      )}
      {plan.length > 0 && (
        <>
          <h4>In the plan afterwards</h4>
          <ul>
            {plan.map((q) => (
              <li key={q.id}>{q.text}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
