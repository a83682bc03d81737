import { db } from '@/lib/db/database';
import { BACKUP_TABLE_NAMES, type BackupTableName, type BackupTables, backupRowKeys } from './backupFormat';
import { type ImportError, parseBackup } from './parseBackup';

export type ImportMode = 'merge' | 'replace';

export interface TableImportCounts {
  /** Rows of this table in the file. */
  incoming: number;
  /** Rows in the file whose key is not in the database yet. */
  added: number;
  /** Rows in the file whose key is already in the database; the file's version wins. */
  updated: number;
  /** Rows in the database that are not in the file: a replace deletes them, a merge keeps them. */
  notInFile: number;
}

export type ImportCounts = Record<BackupTableName, TableImportCounts>;

export interface ImportPreview {
  ok: true;
  exportedAt: number;
  schemaVersion: number;
  tables: ImportCounts;
}

export interface ImportResult {
  ok: true;
  mode: ImportMode;
  counts: ImportCounts;
}

/** The subset of a Dexie table the counts need: its primary keys, read without reading any row. */
interface KeyedTable {
  toCollection(): { primaryKeys(): PromiseLike<unknown[]> };
}

function backupTable(name: BackupTableName): KeyedTable {
  return db[name];
}

const allTables = () => BACKUP_TABLE_NAMES.map((name) => db[name]);

/** What an import of this file would do, table by table, without writing anything. */
export async function previewImport(json: string): Promise<ImportPreview | ImportError> {
  const parsed = parseBackup(json, db.verno);
  if (!parsed.ok) return parsed;
  const { backup } = parsed;
  const tables = await db.transaction('r', allTables(), () => countRows(backup.tables));
  return { ok: true, exportedAt: backup.exportedAt, schemaVersion: backup.schemaVersion, tables };
}

/**
 * Restores a backup. The whole file is checked before anything is written, and all tables are written
 * in one transaction: if anything fails, IndexedDB rolls the transaction back and the database is
 * exactly as it was. `replace` empties every table first; `merge` keeps rows the file does not mention
 * and lets the file's version win where both have a row.
 */
export async function importBackup(json: string, mode: ImportMode): Promise<ImportResult | ImportError> {
  const parsed = parseBackup(json, db.verno);
  if (!parsed.ok) return parsed;
  const { tables } = parsed.backup;
  try {
    const counts = await db.transaction('rw', allTables(), async () => {
      // Counted inside the transaction, so they describe exactly what this write did.
      const before = await countRows(tables);
      if (mode === 'replace') await Promise.all(allTables().map((table) => table.clear()));
      await writeRows(tables);
      return before;
    });
    return { ok: true, mode, counts };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      ok: false,
      problem: 'write-failed',
      error: `The database refused the backup (${reason}). Nothing was imported; your data is unchanged.`,
    };
  }
}

/** After a replace's clear(), put only adds; keys are unique within each table (checked by parseBackup). */
async function writeRows(tables: BackupTables): Promise<void> {
  await db.relationships.bulkPut(tables.relationships);
  await db.meetings.bulkPut(tables.meetings);
  await db.preps.bulkPut(tables.preps);
  await db.notes.bulkPut(tables.notes);
  await db.actionItems.bulkPut(tables.actionItems);
  await db.plans.bulkPut(tables.plans);
  await db.settings.bulkPut(tables.settings);
}

/**
 * Compares the file's keys with the stored primary keys. Only keys are read (one `getAllKeys` per
 * table), never the rows: at tens of thousands of rows, loading whole rows just to count them cost
 * more than writing them.
 */
async function countRows(tables: BackupTables): Promise<ImportCounts> {
  const keysByTable = backupRowKeys(tables);
  const entries = await Promise.all(
    BACKUP_TABLE_NAMES.map(async (name): Promise<[BackupTableName, TableImportCounts]> => {
      const keys = keysByTable[name];
      const stored = new Set(await backupTable(name).toCollection().primaryKeys());
      let updated = 0;
      for (const key of keys) if (stored.has(key)) updated += 1;
      return [
        name,
        { incoming: keys.length, added: keys.length - updated, updated, notInFile: stored.size - updated },
      ];
    }),
  );
  // Sound: BACKUP_TABLE_NAMES lists every table name exactly once.
  return Object.fromEntries(entries) as ImportCounts;
}
