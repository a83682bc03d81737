import type { Table } from 'dexie';
import { ActionItemListWriter } from '@/lib/db/actionItemListWriter';
import { allActionItems } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import { sameStoredValue } from '@/lib/db/sameStoredValue';
import {
  BACKUP_TABLE_NAMES,
  type BackupTableName,
  type BackupTables,
  backupRowKeys,
  storingTableName,
} from './backupFormat';
import { readBackupTables } from './exportBackup';
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

/** The Dexie table that stores a backup table's rows: action items live in their meetings' lists. */
function storingTable(name: BackupTableName): Table {
  return db.table(storingTableName(name));
}

/** The keys of a backup table's stored rows; only keys are read, except for action items (in lists). */
async function storedRowKeys(name: BackupTableName): Promise<unknown[]> {
  if (name === 'actionItems') return (await allActionItems()).map((item) => item.id);
  return db[name].toCollection().primaryKeys();
}

const allTables = () => BACKUP_TABLE_NAMES.map(storingTable);

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
 * exactly as it was. `replace` leaves every table holding exactly the file's rows; `merge` keeps rows
 * the file does not mention and lets the file's version win where both have a row.
 *
 * Rows the database already holds unchanged are not written again. In Chromium every put or delete is
 * one IndexedDB request, about 0.1–0.3 ms of work on our 2-core machine whatever Dexie does (a raw
 * IndexedDB loop is no faster, and relaxed durability saves nothing): a rewrite of every equal row cost
 * more than reading them all (one getAll per table) and comparing. Action items are written as their
 * meetings' lists (lib/db/actionItemListWriter.ts), one request per meeting rather than per item. The
 * transaction is held while the file is checked, which is what lets IndexedDB read in the meantime;
 * nothing is written unless the whole file passed. Rows are written a batch at a time, each batch
 * reported to `onProgress`, all within the one transaction.
 */
export async function importBackup(
  json: string,
  mode: ImportMode,
  onProgress?: ImportProgress,
): Promise<ImportResult | ImportError> {
  try {
    return await db.transaction('rw', allTables(), async (): Promise<ImportResult | ImportError> => {
      // Read inside the transaction, so the counts and the comparison describe exactly the rows this
      // import writes over.
      const reading = readBackupTables();
      const parsed = parseBackup(json, db.verno);
      if (!parsed.ok) return parsed;
      const counts = await restoreTables(parsed.backup.tables, await reading, mode, onProgress);
      return { ok: true, mode, counts };
    });
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      ok: false,
      problem: 'write-failed',
      error: `The database refused the backup (${reason}). Nothing was imported; your data is unchanged.`,
    };
  }
}

/** The part of a Dexie table an import writes through. */
interface RestorableTable<Row> {
  clear(): PromiseLike<void>;
  bulkDelete(keys: string[]): PromiseLike<void>;
  bulkPut(rows: readonly Row[]): PromiseLike<unknown>;
}

/**
 * Told after each batch of writes: how many rows are written (or deleted) so far, of how many in all.
 * Restoring years of data into an empty database takes many seconds; this lets the page show how far it is.
 */
export type ImportProgress = (written: number, total: number) => void;

/**
 * Rows per write between two progress reports: well under a second of writing apart on our bench
 * machine. Each large batch of action items rebuilds the open item tally, so smaller batches would make
 * the restore itself slower.
 */
const WRITE_BATCH = 5_000;

/** One table's share of a restore: its counts, how many writes it makes, and the writing itself. */
interface PlannedTable {
  counts: TableImportCounts;
  writes: number;
  write(reportWritten: (rows: number) => void): Promise<void>;
}

/** Plans every table first, so the total is known, then writes them in the order of BACKUP_TABLE_NAMES. */
async function restoreTables(
  file: BackupTables,
  stored: BackupTables,
  mode: ImportMode,
  onProgress: ImportProgress | undefined,
): Promise<ImportCounts> {
  const fileKeys = backupRowKeys(file);
  const storedKeys = backupRowKeys(stored);
  const plan = <Name extends BackupTableName>(
    name: Name,
    table: RestorableTable<BackupTables[Name][number]>,
  ) => planTable(table, file[name], fileKeys[name], stored[name], storedKeys[name], mode);
  const planned: Record<BackupTableName, PlannedTable> = {
    relationships: plan('relationships', db.relationships),
    meetings: plan('meetings', db.meetings),
    preps: plan('preps', db.preps),
    notes: plan('notes', db.notes),
    actionItems: plan('actionItems', new ActionItemListWriter(stored.actionItems)),
    plans: plan('plans', db.plans),
    settings: plan('settings', db.settings),
  };
  const total = BACKUP_TABLE_NAMES.reduce((sum, name) => sum + planned[name].writes, 0);
  let written = 0;
  const reportWritten = (rows: number) => {
    written += rows;
    onProgress?.(written, total);
  };
  // Every table's writes are handed to IndexedDB at once (see inBatches).
  await Promise.all(BACKUP_TABLE_NAMES.map((name) => planned[name].write(reportWritten)));
  return {
    relationships: planned.relationships.counts,
    meetings: planned.meetings.counts,
    preps: planned.preps.counts,
    notes: planned.notes.counts,
    actionItems: planned.actionItems.counts,
    plans: planned.plans.counts,
    settings: planned.settings.counts,
  };
}

/**
 * Writes `items` a batch at a time, reporting each batch once it is written. All batches are handed to
 * IndexedDB at once, which carries out a transaction's requests in the order they came: the page
 * prepares the next batch while the browser stores the one before, instead of each waiting for the
 * other (a restore into an empty database took 2.5 s instead of ~3 s here).
 */
async function inBatches<Item>(
  items: readonly Item[],
  writeBatch: (batch: Item[]) => PromiseLike<unknown>,
  reportWritten: (rows: number) => void,
): Promise<void> {
  const written: Promise<void>[] = [];
  for (let from = 0; from < items.length; from += WRITE_BATCH) {
    const batch = items.slice(from, from + WRITE_BATCH);
    written.push(Promise.resolve(writeBatch(batch)).then(() => reportWritten(batch.length)));
  }
  await Promise.all(written);
}

/** `keys[i]` is the primary key of `rows[i]`, for the file's rows and the stored ones alike. */
function planTable<Row>(
  table: RestorableTable<Row>,
  rows: Row[],
  keys: string[],
  storedRows: Row[],
  storedKeys: string[],
  mode: ImportMode,
): PlannedTable {
  const storedByKey = new Map(storedKeys.map((key, i) => [key, storedRows[i] as Row]));
  const changed: Row[] = [];
  let updated = 0;
  rows.forEach((row, i) => {
    const key = keys[i] as string;
    if (storedByKey.has(key)) updated += 1;
    // A file holds only JSON values: a stored Date, or a key set to undefined, differs and is rewritten.
    if (!sameStoredValue(storedByKey.get(key), row)) changed.push(row);
  });
  const counts = {
    incoming: rows.length,
    added: rows.length - updated,
    updated,
    notInFile: storedRows.length - updated,
  };

  let clear = false;
  let gone: string[] = [];
  let puts = changed;
  if (mode === 'replace') {
    const inFile = new Set(keys);
    gone = storedKeys.filter((key) => !inFile.has(key));
    // clear() costs a fraction of a delete per row: when deleting and rewriting what differs would take
    // more requests than rewriting the whole file, empty the table and do that.
    if (gone.length + changed.length > rows.length) {
      clear = true;
      gone = [];
      puts = rows;
    }
  }
  return {
    counts,
    writes: gone.length + puts.length,
    write: async (reportWritten) => {
      if (clear) await table.clear();
      // The rows deleted are not in the file, so no put of the same row follows them.
      await Promise.all([
        inBatches(gone, (batch) => table.bulkDelete(batch), reportWritten),
        inBatches(puts, (batch) => table.bulkPut(batch), reportWritten),
      ]);
    },
  };
}

/**
 * Compares the file's keys with the stored primary keys, for the preview. Only keys are read (one
 * `getAllKeys` per table), never the rows, except for action items, whose ids are inside their lists: a
 * preview writes nothing, so it has no rows to compare.
 */
async function countRows(tables: BackupTables): Promise<ImportCounts> {
  const keysByTable = backupRowKeys(tables);
  const entries = await Promise.all(
    BACKUP_TABLE_NAMES.map(async (name): Promise<[BackupTableName, TableImportCounts]> => {
      const keys = keysByTable[name];
      const stored = new Set(await storedRowKeys(name));
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
