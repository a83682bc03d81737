import { db } from './database';
import type { PlanRecord } from './records';

/** The free-text answers of the Plan checklist (next steps are action items, in their own table). */
export type PlanTextField = 'menteeNeeds' | 'accountability' | 'learned' | 'feedback' | 'nextMeetingGoal';

export async function getPlan(meetingId: string): Promise<PlanRecord | undefined> {
  return db.plans.get(meetingId);
}

function emptyPlan(meetingId: string, now: number): PlanRecord {
  return {
    meetingId,
    menteeNeeds: '',
    accountability: '',
    learned: '',
    feedback: '',
    nextMeetingGoal: '',
    checked: {},
    updatedAt: now,
  };
}

/**
 * Writes one plan field unless the field already holds a later edit (another open view, a late
 * flush), so newer text is never overwritten by older (ARCHITECTURE rule 8). Returns whether it wrote.
 */
async function savePlanField<K extends PlanTextField | 'nextMeetingDate'>(
  meetingId: string,
  field: K,
  value: PlanRecord[K],
  editedAt: number,
): Promise<boolean> {
  return db.transaction('rw', db.plans, async () => {
    const plan = (await db.plans.get(meetingId)) ?? emptyPlan(meetingId, editedAt);
    const fieldEditedAt = plan.fieldEditedAt ?? {};
    if ((fieldEditedAt[field] ?? 0) > editedAt) return false;
    await db.plans.put({
      ...plan,
      [field]: value,
      fieldEditedAt: { ...fieldEditedAt, [field]: editedAt },
      updatedAt: Math.max(plan.updatedAt, editedAt),
    });
    return true;
  });
}

export async function savePlanText(
  meetingId: string,
  field: PlanTextField,
  text: string,
  editedAt = Date.now(),
): Promise<boolean> {
  return savePlanField(meetingId, field, text, editedAt);
}

/** The next meeting's start (epoch ms), or undefined to clear it. */
export async function saveNextMeetingDate(
  meetingId: string,
  date: number | undefined,
  editedAt = Date.now(),
): Promise<boolean> {
  return savePlanField(meetingId, 'nextMeetingDate', date, editedAt);
}

/** Remembers one checklist tick (for example that the next meeting was put in the calendar). */
export async function setPlanChecked(meetingId: string, key: string, checked: boolean, now = Date.now()) {
  await db.transaction('rw', db.plans, async () => {
    const plan = (await db.plans.get(meetingId)) ?? emptyPlan(meetingId, now);
    await db.plans.put({ ...plan, checked: { ...plan.checked, [key]: checked }, updatedAt: now });
  });
}

/** Marks the plan done (or reopens it); a done plan no longer pops up after its meeting. */
export async function setPlanDone(meetingId: string, done: boolean, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.plans, async () => {
    const plan = (await db.plans.get(meetingId)) ?? emptyPlan(meetingId, now);
    await db.plans.put({ ...plan, doneAt: done ? now : undefined, updatedAt: now });
  });
}

/** Whether the user has called this plan done. */
export function isPlanDone(plan: PlanRecord | undefined): boolean {
  return plan?.doneAt !== undefined;
}
