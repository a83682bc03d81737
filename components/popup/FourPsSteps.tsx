import { P_ORDER, pLabel } from '@/lib/fourps/catalogue';
import type { PrepCompletion } from '@/lib/fourps/types';
import './fourPsSteps.css';

/**
 * Four small steps, one per P, filled when that P has an answer. The picture is hidden from screen
 * readers, which hear the same in words instead.
 */
export function FourPsSteps({ progress }: { progress: PrepCompletion }) {
  const prepared = P_ORDER.filter((p) => progress.byP[p]).map((p) => pLabel(p, 'before'));
  const open = P_ORDER.filter((p) => !progress.byP[p]).map((p) => pLabel(p, 'before'));
  const description =
    open.length === 0
      ? 'All 4 Ps prepared.'
      : prepared.length === 0
        ? 'Nothing prepared yet.'
        : `Prepared: ${prepared.join(', ')}. Still open: ${open.join(', ')}.`;
  return (
    <span className="p-steps-wrap" data-testid="fourps-p-steps">
      <span className="p-steps" aria-hidden="true">
        {P_ORDER.map((p) => (
          <span
            key={p}
            className={`p-step${progress.byP[p] ? ' p-step--done' : ''}`}
            data-p={p}
            data-done={progress.byP[p]}
            title={`${pLabel(p, 'before')}: ${progress.byP[p] ? 'prepared' : 'not yet'}`}
          />
        ))}
      </span>
      <span className={`prep-count prep-count--${progress.status}`} data-prep-status={progress.status}>
        {progress.answeredPs}/4 Ps prepared
      </span>
      <span className="visually-hidden">{description}</span>
    </span>
  );
}
