/**
 * The full-backup file: every row of every table, plus what is needed to refuse a file this version
 * cannot read. `formatVersion` changes only when the file layout changes; `schemaVersion` is the Dexie
 * version the rows were written by.
 */

import type {
  ActionItemRecord,
  MeetingRecord,
  NotesRecord,
  PlanRecord,
  PrepRecord,
  RelationshipRecord,
  SettingRecord,
} from '@/lib/db/records';
import { z } from '@/lib/zod';
import {
  actionItemRow,
  meetingRow,
  notesRow,
  planRow,
  prepRow,
  relationshipRow,
  settingRow,
} from './recordSchemas';

export const BACKUP_FORMAT = 'fourps-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupTables {
  relationships: RelationshipRecord[];
  meetings: MeetingRecord[];
  preps: PrepRecord[];
  notes: NotesRecord[];
  actionItems: ActionItemRecord[];
  plans: PlanRecord[];
  settings: SettingRecord[];
}

export type BackupTableName = keyof BackupTables;

/** In the order they are written and shown; a test checks it lists every table of the database. */
export const BACKUP_TABLE_NAMES: readonly BackupTableName[] = [
  'relationships',
  'meetings',
  'preps',
  'notes',
  'actionItems',
  'plans',
  'settings',
];

/**
 * The database table that stores a backup table's rows. Action items are one row each in a backup, as
 * the user knows them, but stored one list per meeting (lib/db/actionItemLists.ts).
 */
export function storingTableName(name: BackupTableName): string {
  return name === 'actionItems' ? 'actionItemLists' : name;
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  /** Epoch ms. */
  exportedAt: number;
  schemaVersion: number;
  tables: BackupTables;
}

export const backupTablesSchema = z.strictObject({
  relationships: z.array(relationshipRow),
  meetings: z.array(meetingRow),
  preps: z.array(prepRow),
  notes: z.array(notesRow),
  actionItems: z.array(actionItemRow),
  plans: z.array(planRow),
  settings: z.array(settingRow),
}) satisfies z.ZodType<BackupTables>;

export const backupFileSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  exportedAt: z.number().int().nonnegative(),
  schemaVersion: z.number().int().positive(),
  tables: backupTablesSchema,
}) satisfies z.ZodType<BackupFile>;

/** The primary key of every row, per table, in file order: to find duplicates and rows that exist. */
export function backupRowKeys(tables: BackupTables): Record<BackupTableName, string[]> {
  return {
    relationships: tables.relationships.map((row) => row.id),
    meetings: tables.meetings.map((row) => row.id),
    preps: tables.preps.map((row) => row.meetingId),
    notes: tables.notes.map((row) => row.meetingId),
    actionItems: tables.actionItems.map((row) => row.id),
    plans: tables.plans.map((row) => row.meetingId),
    settings: tables.settings.map((row) => row.key),
  };
}
