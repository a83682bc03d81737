/**
 * Failure reporting for everything that reads Google's DOM.
 * A parser that meets a page it does not understand must not spam the console on every
 * mutation batch, and must never throw into Google's page: it warns once per distinct problem.
 */
const reportedProblems = new Set<string>();

/** Logs `problem` once per page lifetime; later reports of the same problem are dropped. */
export function warnOnce(problem: string, detail?: unknown): void {
  if (reportedProblems.has(problem)) return;
  reportedProblems.add(problem);
  if (detail === undefined) console.warn(`[Four Ps] ${problem}`);
  else console.warn(`[Four Ps] ${problem}`, detail);
}

/** Runs a parse step; an exception becomes one warning and a null result instead of an error in the page. */
export function parseSafely<T>(problem: string, parse: () => T | null): T | null {
  try {
    return parse();
  } catch (error) {
    warnOnce(problem, error);
    return null;
  }
}

/** Lets tests observe the "once" behaviour from a clean slate. */
export function resetWarnings(): void {
  reportedProblems.clear();
}
