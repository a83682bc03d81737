import { db } from '@/lib/db/database';

/** Gives a test an empty database (fake-indexeddb underneath, see setup.ts). */
export async function resetDatabase(): Promise<void> {
  db.close();
  await db.delete({ disableAutoOpen: false });
  await db.open();
}
