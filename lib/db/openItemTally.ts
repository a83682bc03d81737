/**
 * The open item tally: per relationship, the due dates of its open action items, sorted. Pure functions
 * only; lib/db/openItemTallyMiddleware.ts keeps the stored tally exact, the counts read it here.
 */
import type { ActionItemRecord, OpenItemTallyRecord } from './records';

export const OPEN_ITEM_TALLY = 'openItemTally';

/**
 * The tally key of items with no relationship. Relationship ids are UUIDs and a backup refuses an
 * empty id (lib/backup/recordSchemas.ts), so no real relationship can ever have this key.
 */
export const NO_RELATIONSHIP = '';

/** The fields of an action item the tally depends on. */
export type TalliedItem = Pick<ActionItemRecord, 'relationshipId' | 'due' | 'doneAt'>;

export interface OpenAndOverdue {
  open: number;
  /** Open with a due date before `now`. */
  overdue: number;
}

/** Open means not ticked: `doneAt` is 0 until the item is done (lib/db/records.ts). */
export function isOpen(item: TalliedItem): boolean {
  return item.doneAt === 0;
}

export function relationshipKeyOf(item: TalliedItem): string {
  return item.relationshipId ?? NO_RELATIONSHIP;
}

/** The whole tally for a set of items, open or not: what an upgrade or a rebuild stores. */
export function tallyOpenItems(items: Iterable<TalliedItem>): OpenItemTallyRecord[] {
  const duesByKey = new Map<string, number[]>();
  for (const item of items) {
    if (!isOpen(item)) continue;
    const key = relationshipKeyOf(item);
    const dues = duesByKey.get(key);
    if (dues) dues.push(item.due);
    else duesByKey.set(key, [item.due]);
  }
  return [...duesByKey].map(([relationshipKey, dues]) => ({ relationshipKey, dues: dues.sort(byNumber) }));
}

/** How many of a tally row's items are open, and how many of those are due before `now` (dated only). */
export function countOpenAndOverdue(dues: readonly number[], now: number): OpenAndOverdue {
  // Undated items have due 0: overdue means 0 < due < now, as the [relationshipId+doneAt+due] index reads it.
  return { open: dues.length, overdue: Math.max(0, firstIndexAtLeast(dues, now) - firstIndexAbove(dues, 0)) };
}

/**
 * What a set of writes did to the tally: per relationship key, how many open items with each due date
 * came (+) or went (−). A text edit of an open item comes and goes with the same date, so it nets out
 * and the tally is not written at all.
 */
export class OpenItemTallyChanges {
  private readonly byKey = new Map<string, Map<number, number>>();

  /** One row replaced by another: either may be missing (an add, a delete) or not open. */
  replace(before: TalliedItem | undefined, after: TalliedItem | undefined): void {
    if (before && isOpen(before)) this.count(relationshipKeyOf(before), before.due, -1);
    if (after && isOpen(after)) this.count(relationshipKeyOf(after), after.due, +1);
  }

  /** The relationship keys whose row changes; none when every change netted out. */
  relationshipKeys(): string[] {
    return [...this.byKey]
      .filter(([, deltas]) => [...deltas.values()].some((n) => n !== 0))
      .map(([key]) => key);
  }

  /**
   * A key's new sorted dues from its stored ones. Undefined when the stored row lacks a date that an
   * item leaving it had: the stored tally was not exact, and the caller must rebuild it.
   */
  apply(relationshipKey: string, stored: readonly number[]): number[] | undefined {
    const dues = [...stored];
    const added: number[] = [];
    for (const [due, delta] of this.byKey.get(relationshipKey) ?? []) {
      for (let n = delta; n > 0; n--) added.push(due);
      for (let n = delta; n < 0; n++) {
        const at = firstIndexAtLeast(dues, due);
        if (dues[at] !== due) return undefined;
        dues.splice(at, 1);
      }
    }
    return added.length === 0 ? dues : [...dues, ...added].sort(byNumber);
  }

  private count(relationshipKey: string, due: number, delta: number): void {
    let deltas = this.byKey.get(relationshipKey);
    if (!deltas) {
      deltas = new Map();
      this.byKey.set(relationshipKey, deltas);
    }
    deltas.set(due, (deltas.get(due) ?? 0) + delta);
  }
}

const byNumber = (a: number, b: number) => a - b;

/** The index of the first value ≥ `value` in an ascending array (its length when there is none). */
function firstIndexAtLeast(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index of the first value > `value` in an ascending array (its length when there is none). */
function firstIndexAbove(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
