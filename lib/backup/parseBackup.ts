import type { z } from 'zod';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLE_NAMES,
  type BackupFile,
  backupFileSchema,
  backupRowKeys,
} from './backupFormat';
import { findHostileJson, type JsonPath } from './findHostileJson';

/** A backup holds text the user typed over years; far above that is the wrong file, or an attack. */
export const MAX_BACKUP_CHARS = 100 * 1024 * 1024;

/** What is wrong with a file, for code that reacts to it; `error` is the sentence for the user. */
export type BackupProblem =
  | 'too-large'
  | 'empty'
  | 'not-json'
  | 'truncated'
  | 'wrong-format'
  | 'unsupported-version'
  | 'hostile-content'
  | 'missing-table'
  | 'invalid-data'
  | 'duplicate-key'
  | 'write-failed';

export interface ImportError {
  ok: false;
  problem: BackupProblem;
  error: string;
}

export type ParsedBackup = { ok: true; backup: BackupFile } | ImportError;

/** Every refusal ends by saying so, because the user's first worry is their existing data. */
const UNCHANGED = 'Nothing was imported; your data is unchanged.';

function fail(problem: BackupProblem, error: string): ImportError {
  return { ok: false, problem, error: `${error} ${UNCHANGED}` };
}

/**
 * Reads a backup file's text and checks all of it, from "is this JSON" down to every field of every row
 * and unique keys per table. Nothing is written here: a caller gets either a backup that can be stored
 * as is, or one error naming the first problem and where it is.
 * `currentSchemaVersion` is the database version of this build; rows from a newer one are refused.
 */
export function parseBackup(json: string, currentSchemaVersion: number): ParsedBackup {
  if (json.length > MAX_BACKUP_CHARS) {
    return fail(
      'too-large',
      `The file is ${megabytes(json.length)} MB; a Four Ps backup can be at most ${megabytes(MAX_BACKUP_CHARS)} MB. Check that you chose a backup file.`,
    );
  }
  if (json.trim() === '') return fail('empty', 'The file is empty.');

  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (looksTruncated(json, message)) {
      return fail(
        'truncated',
        'The file ends in the middle of the backup: it looks cut short (an interrupted download or copy). Export the backup again.',
      );
    }
    return fail('not-json', `The file is not a Four Ps backup: it is not valid JSON (${message}).`);
  }

  if (!isPlainObject(root)) {
    return fail(
      'wrong-format',
      `The file is not a Four Ps backup: it holds ${describeKind(root)}, not a backup object.`,
    );
  }

  const hostile = findHostileJson(root);
  if (hostile?.kind === 'forbidden-key') {
    return fail(
      'hostile-content',
      `The file contains the key "${hostile.key}" at ${describePath(hostile.path)}, which Four Ps never writes; it may have been crafted to attack the extension.`,
    );
  }
  if (hostile?.kind === 'too-deep') {
    return fail(
      'hostile-content',
      `The data at ${describePath(hostile.path)} is nested far deeper than any backup.`,
    );
  }

  const envelopeError = checkEnvelope(root, currentSchemaVersion);
  if (envelopeError) return envelopeError;

  const result = backupFileSchema.safeParse(root);
  if (!result.success) return describeInvalid(result.error, root);

  const duplicateError = findDuplicateKey(result.data);
  if (duplicateError) return duplicateError;
  return { ok: true, backup: result.data };
}

/** Checked before the rows, so a file from elsewhere or from a newer app gets a specific answer. */
function checkEnvelope(root: Record<string, unknown>, currentSchemaVersion: number): ImportError | undefined {
  if (root.format !== BACKUP_FORMAT) {
    return fail(
      'wrong-format',
      root.format === undefined
        ? `The file is not a Four Ps backup: it has no "format" field saying "${BACKUP_FORMAT}".`
        : `The file is not a Four Ps backup: its format is ${quote(root.format)}, not "${BACKUP_FORMAT}".`,
    );
  }
  const { formatVersion, schemaVersion, tables } = root;
  if (typeof formatVersion === 'number' && formatVersion > BACKUP_FORMAT_VERSION) {
    return fail(
      'unsupported-version',
      `The backup was made by a newer version of Four Ps (backup format ${formatVersion}; this version reads format ${BACKUP_FORMAT_VERSION}). Update the extension, then import it again.`,
    );
  }
  if (formatVersion !== BACKUP_FORMAT_VERSION) {
    return fail(
      'unsupported-version',
      `The backup format version ${quote(formatVersion)} is not one this version of Four Ps can read (it reads format ${BACKUP_FORMAT_VERSION}).`,
    );
  }
  if (typeof schemaVersion === 'number' && schemaVersion > currentSchemaVersion) {
    return fail(
      'unsupported-version',
      `The backup holds data from a newer version of Four Ps (database version ${schemaVersion}; this version has ${currentSchemaVersion}). Update the extension, then import it again.`,
    );
  }
  if (!isPlainObject(tables)) {
    return fail('missing-table', 'The backup has no "tables": the file is incomplete or was edited.');
  }
  const missing = BACKUP_TABLE_NAMES.filter((name) => !Object.hasOwn(tables, name));
  if (missing.length > 0) {
    return fail(
      'missing-table',
      `The backup has no ${missing.map((name) => `"${name}"`).join(', ')} table${missing.length > 1 ? 's' : ''}: the file is incomplete or was edited.`,
    );
  }
  return undefined;
}

function describeInvalid(error: z.ZodError, root: unknown): ImportError {
  const [first, ...others] = error.issues;
  if (!first) return fail('invalid-data', 'The backup does not have the expected shape.');
  const found =
    first.code === 'invalid_value' || first.code === 'invalid_type' ? foundValue(root, first.path) : '';
  const more = others.length > 0 ? ` (and ${others.length} more problem${others.length > 1 ? 's' : ''})` : '';
  return fail(
    'invalid-data',
    `Invalid data at ${describePath(first.path)}: ${first.message}${found}${more}.`,
  );
}

function findDuplicateKey(backup: BackupFile): ImportError | undefined {
  const keysByTable = backupRowKeys(backup.tables);
  for (const name of BACKUP_TABLE_NAMES) {
    const firstRowOfKey = new Map<string, number>();
    const keys = keysByTable[name];
    for (const [row, key] of keys.entries()) {
      const earlier = firstRowOfKey.get(key);
      if (earlier !== undefined) {
        return fail(
          'duplicate-key',
          `Table "${name}" has two rows with the key ${quote(key)} (rows ${earlier} and ${row}); a key must be unique.`,
        );
      }
      firstRowOfKey.set(key, row);
    }
  }
  return undefined;
}

/**
 * JSON.parse's messages differ between browsers, so truncation is judged from the text: the parse
 * failed at its very end while a string or a bracket was still open.
 */
function looksTruncated(json: string, parseMessage: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const char of json) {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') depth -= 1;
  }
  if (!inString && depth <= 0) return false;
  const position = /position (\d+)/.exec(parseMessage)?.[1];
  return position === undefined || Number(position) >= json.trimEnd().length - 1;
}

/** `table "meetings", row 3, field "detection.reason"`; rows are counted from 0, as in the file. */
function describePath(path: ReadonlyArray<PropertyKey> | JsonPath): string {
  const [first, table, row, ...field] = path;
  if (path.length === 0) return 'the top of the file';
  if (first !== 'tables') return `field ${quote(path.map(String).join('.'))}`;
  if (table === undefined) return 'the "tables" object';
  const parts = [`table ${quote(String(table))}`];
  if (row !== undefined) parts.push(`row ${String(row)}`);
  if (field.length > 0) parts.push(`field ${quote(fieldPath(field))}`);
  return parts.join(', ');
}

function fieldPath(field: ReadonlyArray<PropertyKey>): string {
  return field
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

/** The offending value, shortened, so the user can find it in the file. */
function foundValue(root: unknown, path: ReadonlyArray<PropertyKey>): string {
  let value: unknown = root;
  for (const part of path) {
    if (typeof value !== 'object' || value === null || typeof part === 'symbol') return '';
    value = (value as Record<string | number, unknown>)[part];
  }
  return value === undefined ? ' (the field is missing)' : ` (found ${quote(value)})`;
}

function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function describeKind(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function megabytes(chars: number): string {
  return (chars / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}
