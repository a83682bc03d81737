import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/database';
import { deleteAllData } from '@/lib/db/deleteAllData';
import { savePreferences } from '@/lib/db/preferences';
import { seedDatabase } from '../backup/backupSeed';
import { resetDatabase } from '../resetDatabase';

beforeEach(resetDatabase);

describe('deleteAllData', () => {
  it('empties every table, settings included, and the database stays usable', async () => {
    await seedDatabase();
    await savePreferences({ upcomingDays: 30 });
    expect(await db.meetings.count()).toBeGreaterThan(0);
    // Derived tables too: the open item tally has a row for each relationship with open items.
    expect(await db.openItemTally.count()).toBeGreaterThan(0);
    await deleteAllData();
    const counts = await Promise.all(db.tables.map((table) => table.count()));
    expect(counts.every((count) => count === 0)).toBe(true);
    await db.relationships.add({
      id: 'r',
      partnerName: 'New',
      partnerEmails: [],
      myRole: 'mentor',
      learningGoals: '',
      phase: 'initiation',
      archived: false,
      createdAt: 1,
    });
    expect(await db.relationships.count()).toBe(1);
  });
});
