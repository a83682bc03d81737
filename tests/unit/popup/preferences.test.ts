import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/database';
import { DEFAULT_PREFERENCES, getPreferences, savePreferences } from '@/lib/db/preferences';
import { resetDatabase } from '../resetDatabase';

beforeEach(resetDatabase);

describe('preferences', () => {
  it('reads the defaults when nothing is stored: 14 days ahead, reminders on, 60 minutes before', async () => {
    expect(await getPreferences()).toEqual({
      upcomingDays: 14,
      remindersEnabled: true,
      reminderLeadMinutes: 60,
    });
    expect(DEFAULT_PREFERENCES.upcomingDays).toBe(14);
  });

  it('saves each preference on its own and reads it back', async () => {
    await savePreferences({ upcomingDays: 7 });
    await savePreferences({ remindersEnabled: false, reminderLeadMinutes: 30 });
    expect(await getPreferences()).toEqual({
      upcomingDays: 7,
      remindersEnabled: false,
      reminderLeadMinutes: 30,
    });
  });

  it.each([
    { upcomingDays: 0 },
    { upcomingDays: 61 },
    { upcomingDays: 2.5 },
    { reminderLeadMinutes: 1 },
    { reminderLeadMinutes: 24 * 60 + 1 },
  ])('refuses an out-of-range value %o and writes nothing', async (changes) => {
    await expect(savePreferences({ ...changes, remindersEnabled: false })).rejects.toThrow();
    expect(await db.settings.count()).toBe(0);
  });

  it('falls back to the default for a stored value it cannot use (e.g. from an edited backup)', async () => {
    await db.settings.bulkPut([
      { key: 'upcomingDays', value: 'lots' },
      { key: 'remindersEnabled', value: 1 },
      { key: 'reminderLeadMinutes', value: -5 },
    ]);
    expect(await getPreferences()).toEqual(DEFAULT_PREFERENCES);
  });
});
