import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { importBackup, previewImport } from '@/lib/backup/importBackup';
import { type BackupProblem, MAX_BACKUP_CHARS } from '@/lib/backup/parseBackup';
import { db } from '@/lib/db/database';
import { resetDatabase } from '../resetDatabase';
import { seedDatabase, snapshotDatabase } from './backupSeed';

const BAD_DIR = resolve(import.meta.dirname, '../../fixtures/backup/bad');

beforeEach(async () => {
  await resetDatabase();
  await seedDatabase();
});

/** Every file in tests/fixtures/backup/bad, with the problem it must be refused for and words the message must hold. */
const BAD_FILES: Record<string, { problem: BackupProblem; mentions: string[] }> = {
  'not-json-csv.json': { problem: 'not-json', mentions: ['not valid JSON'] },
  'html-page-instead-of-json.json': { problem: 'not-json', mentions: ['not valid JSON'] },
  'empty-file.json': { problem: 'empty', mentions: ['empty'] },
  'truncated-mid-file.json': { problem: 'truncated', mentions: ['cut short'] },
  'top-level-list.json': { problem: 'wrong-format', mentions: ['a list'] },
  'wrong-format-name.json': {
    problem: 'wrong-format',
    mentions: ['"other-app-backup"', 'not a Four Ps backup'],
  },
  'missing-format-field.json': { problem: 'wrong-format', mentions: ['no "format" field'] },
  'newer-format-version.json': { problem: 'unsupported-version', mentions: ['newer version', 'format 2'] },
  'format-version-as-string.json': { problem: 'unsupported-version', mentions: ['"1"'] },
  'newer-schema-version.json': {
    problem: 'unsupported-version',
    mentions: ['newer version', 'database version 99'],
  },
  'missing-notes-table.json': { problem: 'missing-table', mentions: ['"notes" table'] },
  'meeting-start-is-a-string.json': {
    problem: 'invalid-data',
    mentions: ['table "meetings", row 1, field "start"', 'expected number', '"2026-09-15T15:00"'],
  },
  'relationship-role-not-an-enum.json': {
    problem: 'invalid-data',
    mentions: ['table "relationships", row 2, field "myRole"', '"mentor"|"mentee"', '"boss"'],
  },
  'meeting-state-not-an-enum.json': {
    problem: 'invalid-data',
    mentions: ['table "meetings", row 0, field "state"', '"paused"'],
  },
  'action-item-owner-not-an-enum.json': {
    problem: 'invalid-data',
    mentions: ['table "actionItems", row 1, field "owner"', '"team"'],
  },
  'plan-missing-updatedAt.json': {
    problem: 'invalid-data',
    mentions: ['table "plans", row 0, field "updatedAt"', 'missing'],
  },
  'relationship-empty-id.json': {
    problem: 'invalid-data',
    mentions: ['table "relationships", row 0, field "id"', 'must not be empty'],
  },
  'duplicate-meeting-id.json': {
    problem: 'duplicate-key',
    mentions: ['"meetings"', '"gcal:evt1"', 'rows 0 and 3'],
  },
  'unknown-field-in-meeting.json': {
    problem: 'invalid-data',
    mentions: ['table "meetings", row 0', '"isAdmin"'],
  },
  'unknown-table.json': { problem: 'invalid-data', mentions: ['"tables"', '"sessions"'] },
  'meeting-title-too-long.json': {
    problem: 'invalid-data',
    mentions: ['table "meetings", row 2, field "title"', 'Too big'],
  },
  'detection-rules-wrong-shape.json': {
    problem: 'invalid-data',
    mentions: ['table "settings", row 0, field "value.keywords"'],
  },
  'proto-key-at-top.json': { problem: 'hostile-content', mentions: ['"__proto__"', 'the top of the file'] },
  'proto-key-in-prep-answers.json': {
    problem: 'hostile-content',
    mentions: ['"__proto__"', 'table "preps", row 0, field "answers"'],
  },
  'constructor-prototype-in-setting.json': {
    problem: 'hostile-content',
    mentions: ['"constructor"', 'table "settings", row 4, field "value"'],
  },
  'nesting-200-levels-deep.json': { problem: 'hostile-content', mentions: ['nested far deeper'] },
};

describe('bad backup files', () => {
  it('every file in the bad folder has an expectation, and the other way round', () => {
    expect(readdirSync(BAD_DIR).sort()).toEqual(Object.keys(BAD_FILES).sort());
  });

  it.each(Object.entries(BAD_FILES))('%s is refused clearly and changes nothing', async (name, expected) => {
    const json = readFileSync(resolve(BAD_DIR, name), 'utf8');
    const before = await snapshotDatabase();

    for (const attempt of [previewImport(json), importBackup(json, 'replace'), importBackup(json, 'merge')]) {
      const result = await attempt;
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.problem).toBe(expected.problem);
      for (const words of expected.mentions) expect(result.error).toContain(words);
      expect(result.error).toContain('Nothing was imported');
    }

    expect(await snapshotDatabase()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const before = await snapshotDatabase();
    const huge = `{"format":"fourps-backup","padding":"${'x'.repeat(MAX_BACKUP_CHARS)}"}`;
    const result = await importBackup(huge, 'replace');
    expect(result).toMatchObject({ ok: false, problem: 'too-large' });
    if (!result.ok) expect(result.error).toMatch(/at most 100 MB/);
    expect(await snapshotDatabase()).toEqual(before);
  });

  it('never lets a "__proto__" key reach a stored object', async () => {
    const json = readFileSync(resolve(BAD_DIR, 'proto-key-in-prep-answers.json'), 'utf8');
    await importBackup(json, 'merge');
    const prep = await db.preps.get('gcal:evt1');
    expect(Object.getPrototypeOf(prep?.answers)).toBe(Object.prototype);
    expect(prep?.answers).not.toHaveProperty('polluted');
  });
});
