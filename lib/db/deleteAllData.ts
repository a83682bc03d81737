import { db } from './database';

/**
 * Empties every table in one transaction: either everything is gone or nothing is. The database
 * itself stays (deleting it would break the other open pages' connections), only its rows go.
 */
export async function deleteAllData(): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
