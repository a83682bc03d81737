import { defaultDetectionRules } from '@/lib/detect/defaultRules';
import type { DetectionRules } from '@/lib/detect/detectMentoring';
import type { Role } from '@/lib/fourps/types';
import { db } from './database';

/** Keys of the settings table; one row each, so a setting can change without a schema version. */
export const SETTING_KEYS = {
  detectionRules: 'detectionRules',
  seriesOverrides: 'seriesOverrides',
  defaultRole: 'defaultRole',
} as const;

export async function getDetectionRules(): Promise<DetectionRules> {
  const row = await db.settings.get(SETTING_KEYS.detectionRules);
  return (row?.value as DetectionRules | undefined) ?? defaultDetectionRules();
}

export async function saveDetectionRules(rules: DetectionRules): Promise<void> {
  await db.settings.put({ key: SETTING_KEYS.detectionRules, value: rules });
}

/** Both settings detection reads, in one read (inside the caller's transaction, if any). */
export async function getDetectionInputs(): Promise<{
  rules: DetectionRules;
  seriesOverrides: Record<string, boolean>;
}> {
  const [rules, overrides] = await db.settings.bulkGet([
    SETTING_KEYS.detectionRules,
    SETTING_KEYS.seriesOverrides,
  ]);
  return {
    rules: (rules?.value as DetectionRules | undefined) ?? defaultDetectionRules(),
    seriesOverrides: (overrides?.value as Record<string, boolean> | undefined) ?? {},
  };
}

/** The user's "mentoring or not" verdict per recurring series, applied to instances not seen yet. */
export async function getSeriesOverrides(): Promise<Record<string, boolean>> {
  const row = await db.settings.get(SETTING_KEYS.seriesOverrides);
  return (row?.value as Record<string, boolean> | undefined) ?? {};
}

export async function getDefaultRole(): Promise<Role> {
  const row = await db.settings.get(SETTING_KEYS.defaultRole);
  return row?.value === 'mentor' ? 'mentor' : 'mentee';
}

export async function saveDefaultRole(role: Role): Promise<void> {
  await db.settings.put({ key: SETTING_KEYS.defaultRole, value: role });
}
