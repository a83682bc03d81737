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
