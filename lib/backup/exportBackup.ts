import { allActionItems } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile, type BackupTables } from './backupFormat';

/**
 * Every row of every table, read in one transaction so the backup is a consistent snapshot even while
 * the side panel or the background keeps writing.
 */
export async function exportBackup(now = Date.now()): Promise<BackupFile> {
  const tables = [
    db.relationships,
    db.meetings,
    db.preps,
    db.notes,
    db.actionItemLists,
    db.plans,
    db.settings,
  ];
  return db.transaction('r', tables, async () => ({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: now,
    schemaVersion: db.verno,
    tables: await readBackupTables(),
  }));
}

/**
 * Every row of every table a backup holds, read in parallel (in the caller's transaction, if any). Action
 * items are stored one list per meeting, but a backup holds them one row each, as the user knows them.
 */
export async function readBackupTables(): Promise<BackupTables> {
  const [relationships, meetings, preps, notes, actionItems, plans, settings] = await Promise.all([
    db.relationships.toArray(),
    db.meetings.toArray(),
    db.preps.toArray(),
    db.notes.toArray(),
    allActionItems(),
    db.plans.toArray(),
    db.settings.toArray(),
  ]);
  return { relationships, meetings, preps, notes, actionItems, plans, settings };
}

/** Indented, because people open backups in an editor to see what they hold. */
export function backupToJson(backup: BackupFile): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}
