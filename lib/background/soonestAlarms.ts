/**
 * Chrome (from version 117) refuses to create more than 500 alarms per extension, and Four Ps sets
 * two kinds per upcoming meeting (a prep reminder and an end). A heavy month would hit that limit and
 * every alarm after it would fail, so each kind keeps only its soonest alarms. The later ones are set
 * by a later sync (after each calendar report, and every few minutes), long before they are due.
 */
export const MAX_ALARMS_PER_KIND = 100;

/** The `max` earliest of the wanted alarms (name → when), all of them when there are no more. */
export function soonestAlarms(wanted: Map<string, number>, max = MAX_ALARMS_PER_KIND): Map<string, number> {
  if (wanted.size <= max) return wanted;
  return new Map([...wanted].sort((a, b) => a[1] - b[1]).slice(0, max));
}
