import { db } from './database';

/**
 * The user's preferences for the popup and reminders. Each is one row of the settings table (so a new
 * preference needs no schema version); values are checked on read, because a restored backup or an
 * older build may have written something else, and a bad row must fall back rather than break a page.
 */
export interface Preferences {
  /** How many days ahead the popup lists mentoring meetings. */
  upcomingDays: number;
  remindersEnabled: boolean;
  /** How long before a meeting its reminder fires. */
  reminderLeadMinutes: number;
}

export const PREFERENCE_KEYS = {
  upcomingDays: 'upcomingDays',
  remindersEnabled: 'remindersEnabled',
  reminderLeadMinutes: 'reminderLeadMinutes',
} as const satisfies Record<keyof Preferences, string>;

export const DEFAULT_PREFERENCES: Readonly<Preferences> = {
  upcomingDays: 14,
  remindersEnabled: true,
  reminderLeadMinutes: 60,
};

export const UPCOMING_DAYS_RANGE = { min: 1, max: 60 } as const;
/** Up to a day ahead: a reminder further out is a calendar entry, not a nudge to prepare. */
export const REMINDER_LEAD_RANGE = { min: 5, max: 24 * 60 } as const;

const isWholeNumberIn =
  (range: { min: number; max: number }) =>
  (value: unknown): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;

/** Plain checks rather than zod: the popup reads these, and zod would double its bundle. */
const VALID: { [K in keyof Preferences]: (value: unknown) => value is Preferences[K] } = {
  upcomingDays: isWholeNumberIn(UPCOMING_DAYS_RANGE),
  remindersEnabled: (value): value is boolean => typeof value === 'boolean',
  reminderLeadMinutes: isWholeNumberIn(REMINDER_LEAD_RANGE),
};

function readPreference<K extends keyof Preferences>(key: K, stored: unknown): Preferences[K] {
  return VALID[key](stored) ? stored : DEFAULT_PREFERENCES[key];
}

/** All preferences in one read; a missing or invalid row reads as its default. */
export async function getPreferences(): Promise<Preferences> {
  const [upcomingDays, remindersEnabled, reminderLeadMinutes] = await db.settings.bulkGet([
    PREFERENCE_KEYS.upcomingDays,
    PREFERENCE_KEYS.remindersEnabled,
    PREFERENCE_KEYS.reminderLeadMinutes,
  ]);
  return {
    upcomingDays: readPreference('upcomingDays', upcomingDays?.value),
    remindersEnabled: readPreference('remindersEnabled', remindersEnabled?.value),
    reminderLeadMinutes: readPreference('reminderLeadMinutes', reminderLeadMinutes?.value),
  };
}

/** Saves the given preferences; throws (writing nothing) if any value is unknown or out of range. */
export async function savePreferences(changes: Partial<Preferences>): Promise<void> {
  const rows = Object.entries(changes).map(([key, value]) => {
    if (!Object.hasOwn(VALID, key)) throw new Error(`${key} is not a preference.`);
    // Sound: checked just above that the key is one of the preferences.
    const name = key as keyof Preferences;
    if (!VALID[name](value)) throw new Error(`${key} cannot be ${String(value)}.`);
    return { key: PREFERENCE_KEYS[name], value };
  });
  await db.settings.bulkPut(rows);
}
