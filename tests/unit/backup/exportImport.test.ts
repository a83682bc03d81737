import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie, { type ObservabilitySet } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_TABLE_NAMES, type BackupTables, storingTableName } from '@/lib/backup/backupFormat';
import { backupToJson, exportBackup } from '@/lib/backup/exportBackup';
import { importBackup, previewImport } from '@/lib/backup/importBackup';
import { parseBackup } from '@/lib/backup/parseBackup';
import { allActionItems } from '@/lib/db/actionItems';
import { DERIVED_TABLE_NAMES, db } from '@/lib/db/database';
import { tallyOpenItems } from '@/lib/db/openItemTally';
import { resetDatabase } from '../resetDatabase';
import { seedDatabase, seedMeeting, seedTables, snapshotDatabase } from './backupSeed';

beforeEach(resetDatabase);

const GOOD_FILE = resolve(import.meta.dirname, '../../fixtures/backup/good/full-backup.json');

/** Rows of each table in key order, so comparisons do not depend on insertion order. */
function sortedTables(tables: BackupTables): Record<string, unknown[]> {
  const byJson = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  return Object.fromEntries(BACKUP_TABLE_NAMES.map((name) => [name, [...tables[name]].sort(byJson)]));
}

describe('exportBackup', () => {
  it('covers every table of the database but the derived ones, so a new table cannot be left out of backups', () => {
    const entered = db.tables
      .map((table) => table.name)
      .filter((name) => !DERIVED_TABLE_NAMES.includes(name));
    expect(entered.sort()).toEqual(BACKUP_TABLE_NAMES.map(storingTableName).sort());
    expect(DERIVED_TABLE_NAMES).toEqual(['openItemTally']);
  });

  it('leaves the open item tally out of the file; an import builds it again from the items', async () => {
    await seedDatabase();
    const tally = await db.openItemTally.toArray();
    expect(tally.length).toBeGreaterThan(0);
    const json = backupToJson(await exportBackup());
    expect(Object.keys(JSON.parse(json).tables).sort()).toEqual([...BACKUP_TABLE_NAMES].sort());
    expect(json).not.toContain('openItemTally');
    expect(json).not.toContain('relationshipKey');

    await resetDatabase();
    expect(await importBackup(json, 'replace')).toMatchObject({ ok: true });
    expect(await db.openItemTally.toArray()).toEqual(tally);
  });

  it('refuses a file that carries a tally of its own: derived data is never taken from a file', () => {
    const tables = { ...seedTables(), openItemTally: [{ relationshipKey: 'rel-sam', dues: [] }] };
    const json = JSON.stringify({
      format: 'fourps-backup',
      formatVersion: 1,
      exportedAt: 1,
      schemaVersion: 3,
      tables,
    });
    expect(parseBackup(json, db.verno)).toMatchObject({ ok: false });
  });

  it('writes the format, its version, the export time and the schema version', async () => {
    await seedDatabase();
    const backup = await exportBackup(1_700_000_000_000);
    expect(backup).toMatchObject({
      format: 'fourps-backup',
      formatVersion: 1,
      exportedAt: 1_700_000_000_000,
      schemaVersion: db.verno,
    });
    expect(sortedTables(backup.tables)).toEqual(sortedTables(seedTables()));
  });

  it('produces JSON that its own import check accepts', async () => {
    await seedDatabase();
    const json = backupToJson(await exportBackup());
    expect(parseBackup(json, db.verno)).toMatchObject({ ok: true });
  });

  it('exports an empty database as empty tables', async () => {
    const backup = await exportBackup(5);
    for (const name of BACKUP_TABLE_NAMES) expect(backup.tables[name]).toEqual([]);
    expect(await importBackup(backupToJson(backup), 'replace')).toMatchObject({ ok: true });
  });
});

describe('export → wipe → import', () => {
  it.each(['replace', 'merge'] as const)('reproduces every row of every table (%s)', async (mode) => {
    await seedDatabase();
    const before = await snapshotDatabase();
    const json = backupToJson(await exportBackup());

    await resetDatabase();
    expect(await db.meetings.count()).toBe(0);
    const result = await importBackup(json, mode);

    expect(result).toMatchObject({ ok: true, mode });
    expect(await snapshotDatabase()).toEqual(before);
    // Spot-check text that a careless encoding would mangle.
    expect((await db.relationships.get('rel-layla'))?.partnerName).toBe('ليلى حداد');
    expect((await db.relationships.get('rel-sam'))?.learningGoals).toBe(
      'Public speaking 🎤\nLead a team 👩‍👩‍👧',
    );
  });

  it('reports what the import added', async () => {
    const json = readFileSync(GOOD_FILE, 'utf8');
    const result = await importBackup(json, 'replace');
    if (!result.ok) throw new Error(result.error);
    expect(result.counts.meetings).toEqual({ incoming: 3, added: 3, updated: 0, notInFile: 0 });
    expect(result.counts.settings).toEqual({ incoming: 4, added: 4, updated: 0, notInFile: 0 });
  });

  it('imports the stored good backup file exactly as written', async () => {
    const json = readFileSync(GOOD_FILE, 'utf8');
    expect(await importBackup(json, 'merge')).toMatchObject({ ok: true });
    const file = JSON.parse(json) as { tables: BackupTables };
    expect(sortedTables((await exportBackup()).tables)).toEqual(sortedTables(file.tables));
  });
});

/** The seed with one row changed, one removed and one new, per the merge/replace questions asked. */
function editedBackupJson(editMore?: (tables: BackupTables) => void): string {
  const tables = seedTables();
  const [sam] = tables.relationships;
  if (!sam) throw new Error('seed has no relationships');
  sam.phase = 'separation';
  tables.relationships = [
    sam,
    {
      id: 'rel-new',
      partnerName: 'Noor',
      partnerEmails: [],
      myRole: 'mentor',
      learningGoals: '',
      phase: 'initiation',
      archived: false,
      createdAt: 1,
    },
  ];
  editMore?.(tables);
  return JSON.stringify({
    format: 'fourps-backup',
    formatVersion: 1,
    exportedAt: 2,
    schemaVersion: 1,
    tables,
  });
}

describe('merge and replace', () => {
  it('merge: rows in the file win, new rows are added, rows only in the database stay', async () => {
    await seedDatabase();
    const result = await importBackup(editedBackupJson(), 'merge');

    expect(result).toMatchObject({ ok: true, mode: 'merge' });
    if (result.ok) {
      expect(result.counts.relationships).toEqual({ incoming: 2, added: 1, updated: 1, notInFile: 2 });
      expect(result.counts.meetings).toEqual({ incoming: 3, added: 0, updated: 3, notInFile: 0 });
    }
    expect((await db.relationships.get('rel-sam'))?.phase).toBe('separation');
    expect(await db.relationships.get('rel-new')).toBeDefined();
    expect(await db.relationships.get('rel-layla')).toBeDefined();
    expect(await db.relationships.count()).toBe(4);
  });

  it('replace: the database ends up holding exactly the file', async () => {
    await seedDatabase();
    await db.meetings.put({ ...seedMeeting(), id: 'gcal:only-in-db' });
    const result = await importBackup(editedBackupJson(), 'replace');

    expect(result).toMatchObject({ ok: true, mode: 'replace' });
    if (result.ok)
      expect(result.counts.meetings).toEqual({ incoming: 3, added: 0, updated: 3, notInFile: 1 });
    expect((await db.relationships.toArray()).map((r) => r.id).sort()).toEqual(['rel-new', 'rel-sam']);
    expect(await db.meetings.get('gcal:only-in-db')).toBeUndefined();
    expect((await db.relationships.get('rel-sam'))?.phase).toBe('separation');
  });

  it('merge replaces a whole row: fields missing from the file row are not kept from the old one', async () => {
    await seedDatabase();
    const tables = seedTables();
    const meeting = seedMeeting();
    delete meeting.location;
    tables.meetings[0] = meeting;
    await importBackup(
      JSON.stringify({ format: 'fourps-backup', formatVersion: 1, exportedAt: 1, schemaVersion: 1, tables }),
      'merge',
    );
    expect((await db.meetings.get(meeting.id))?.location).toBeUndefined();
  });
});

describe('counting what an import does', () => {
  it.each(['replace', 'merge'] as const)(
    'tells per table what the file added, updated and left out (%s)',
    async (mode) => {
      await seedDatabase();
      await db.meetings.put({ ...seedMeeting(), id: 'gcal:only-in-db' });
      const result = await importBackup(editedBackupJson(), mode);

      expect(result).toMatchObject({ ok: true, mode });
      if (result.ok) {
        expect(result.counts.relationships).toEqual({ incoming: 2, added: 1, updated: 1, notInFile: 2 });
        expect(result.counts.meetings).toEqual({ incoming: 3, added: 0, updated: 3, notInFile: 1 });
      }
    },
  );
});

/** The tables a call wrote to, as Dexie announces them after each commit to liveQuery and the background. */
async function tablesWrittenBy<T>(run: () => Promise<T>): Promise<[string[], T]> {
  const written = new Set<string>();
  const listener = (parts: ObservabilitySet) => {
    // A part is "idb://<database>/<table>/<index>".
    for (const part of Object.keys(parts)) written.add(part.split('/')[3] ?? part);
  };
  Dexie.on.storagemutated.subscribe(listener);
  try {
    const result = await run();
    return [[...written].sort(), result];
  } finally {
    Dexie.on.storagemutated.unsubscribe(listener);
  }
}

describe('rows the database already holds', () => {
  it.each(['replace', 'merge'] as const)(
    'importing the backup of the same data writes nothing, and counts it all as updated (%s)',
    async (mode) => {
      await seedDatabase();
      const before = await snapshotDatabase();
      const json = backupToJson(await exportBackup());

      const [written, result] = await tablesWrittenBy(() => importBackup(json, mode));

      expect(written).toEqual([]);
      if (!result.ok) throw new Error(result.error);
      for (const name of BACKUP_TABLE_NAMES) {
        const { incoming, updated } = result.counts[name];
        expect(result.counts[name]).toEqual({ incoming, added: 0, updated: incoming, notInFile: 0 });
        expect(updated).toBe(seedTables()[name].length);
      }
      expect(await snapshotDatabase()).toEqual(before);
    },
  );

  it.each(['replace', 'merge'] as const)(
    'only tables with a row that differs, however deep, are written (%s)',
    async (mode) => {
      await seedDatabase();
      await db.notes.put({ meetingId: 'gcal:only-in-db', text: 'kept?', feedbackHeard: '', updatedAt: 1 });
      const tables = seedTables();
      const [prep] = tables.preps;
      if (!prep) throw new Error('seed has no preps');
      const [question] = Object.keys(prep.answers);
      if (!question) throw new Error('seed prep has no answers');
      prep.answers[question] = 'Changed deep inside the row';
      const json = JSON.stringify({
        format: 'fourps-backup',
        formatVersion: 1,
        exportedAt: 1,
        schemaVersion: 1,
        tables,
      });

      const [written, result] = await tablesWrittenBy(() => importBackup(json, mode));

      expect(result).toMatchObject({ ok: true, mode });
      // Replace also deletes the note the file does not hold; merge keeps it.
      expect(written).toEqual(mode === 'replace' ? ['notes', 'preps'] : ['preps']);
      expect((await db.preps.get(prep.meetingId))?.answers[question]).toBe('Changed deep inside the row');
      expect(await db.notes.get('gcal:only-in-db')).toEqual(
        mode === 'replace' ? undefined : expect.objectContaining({ text: 'kept?' }),
      );
      const expected = mode === 'replace' ? tables : { ...tables, notes: await db.notes.toArray() };
      expect(sortedTables((await exportBackup()).tables)).toEqual(sortedTables(expected));
    },
  );
});

describe('progress', () => {
  const sortedByJson = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
  /** The seed with `count` action items, all copies of its first one under new ids. */
  function seedWithActionItems(count: number): BackupTables {
    const tables = seedTables();
    const [item] = tables.actionItems;
    if (!item) throw new Error('seed has no action items');
    tables.actionItems = Array.from({ length: count }, (_, i) => ({ ...item, id: `ai-many-${i}` }));
    return tables;
  }
  const backupJson = (tables: BackupTables) =>
    JSON.stringify({ format: 'fourps-backup', formatVersion: 1, exportedAt: 1, schemaVersion: 1, tables });

  it('reports every batch written, up to every row of the file, into an empty database', async () => {
    const tables = seedWithActionItems(11_000);
    const rowsInFile = BACKUP_TABLE_NAMES.reduce((sum, name) => sum + tables[name].length, 0);
    const reports: [number, number][] = [];

    const result = await importBackup(backupJson(tables), 'merge', (written, total) =>
      reports.push([written, total]),
    );

    expect(result).toMatchObject({ ok: true });
    expect(reports.every(([, total]) => total === rowsInFile)).toBe(true);
    expect(reports.at(-1)).toEqual([rowsInFile, rowsInFile]);
    const written = reports.map(([count]) => count);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    // 11,000 action items are written in three batches, so the page hears of them three times.
    const duringActionItems = written.filter((count, i) => count - (written[i - 1] ?? 0) > 100);
    expect(duringActionItems).toHaveLength(3);
    expect(await allActionItems()).toHaveLength(11_000);
    // Written in batches, the derived tally still counts every open item exactly once.
    expect(sortedByJson(await db.openItemTally.toArray())).toEqual(
      sortedByJson(tallyOpenItems(await allActionItems())),
    );
  });

  it('counts only the rows that change: deletions of a replace, and no row stored unchanged', async () => {
    await seedDatabase();
    const tables = seedTables();
    const [first, ...others] = tables.notes;
    if (!first) throw new Error('seed has no notes');
    tables.notes = others;
    const reports: [number, number][] = [];

    await importBackup(backupJson(tables), 'replace', (written, total) => reports.push([written, total]));

    expect(reports).toEqual([[1, 1]]);
    expect(await db.notes.get(first.meetingId)).toBeUndefined();
  });

  it('reports nothing when the file holds exactly what is stored', async () => {
    await seedDatabase();
    const onProgress = vi.fn();
    await importBackup(backupJson(seedTables()), 'merge', onProgress);
    expect(onProgress).not.toHaveBeenCalled();
  });
});

describe('previewImport', () => {
  it('tells per table how many rows would be added, updated, or are only in the database', async () => {
    await seedDatabase();
    const preview = await previewImport(editedBackupJson());
    expect(preview).toMatchObject({ ok: true, exportedAt: 2, schemaVersion: 1 });
    if (!preview.ok) return;
    expect(preview.tables.relationships).toEqual({ incoming: 2, added: 1, updated: 1, notInFile: 2 });
    expect(preview.tables.preps).toEqual({ incoming: 2, added: 0, updated: 2, notInFile: 0 });
    expect(preview.tables.settings).toEqual({ incoming: 4, added: 0, updated: 4, notInFile: 0 });
  });

  it('counts everything as added into an empty database', async () => {
    const preview = await previewImport(readFileSync(GOOD_FILE, 'utf8'));
    if (!preview.ok) throw new Error(preview.error);
    for (const name of BACKUP_TABLE_NAMES) {
      expect(preview.tables[name].added).toBe(preview.tables[name].incoming);
      expect(preview.tables[name].updated).toBe(0);
    }
  });

  it('writes nothing', async () => {
    await seedDatabase();
    const before = await snapshotDatabase();
    await previewImport(editedBackupJson());
    expect(await snapshotDatabase()).toEqual(before);
  });

  it('compares primary keys only and never loads stored rows, but for the action items inside their lists', async () => {
    await seedDatabase();
    // The tables as the code reaches them. Action items have no key of their own in the database: their
    // ids are read out of the meetings' lists.
    const rowReads = BACKUP_TABLE_NAMES.filter((name) => name !== 'actionItems').flatMap((name) => {
      const table = db.table(storingTableName(name)) as unknown as Record<
        'bulkGet' | 'get' | 'toArray',
        () => unknown
      >;
      return [vi.spyOn(table, 'bulkGet'), vi.spyOn(table, 'get'), vi.spyOn(table, 'toArray')];
    });
    const preview = await previewImport(editedBackupJson());
    const calls = rowReads.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
    vi.restoreAllMocks();

    expect(calls).toBe(0);
    expect(preview).toMatchObject({ ok: true });
    if (preview.ok)
      expect(preview.tables.relationships).toEqual({ incoming: 2, added: 1, updated: 1, notInFile: 2 });
  });
});

describe('a write that fails half-way', () => {
  it.each(['replace', 'merge'] as const)(
    'rolls back every table, even those already written (%s)',
    async (mode) => {
      await seedDatabase();
      const before = await snapshotDatabase();
      // Only tables with a row that differs are written, so the file changes a plan as well as the
      // relationships. The plans' write fails once the relationships' write has gone in.
      const json = editedBackupJson((tables) => {
        const [plan] = tables.plans;
        if (plan) plan.learned = 'Something new';
      });
      let relationshipsIn = () => {};
      const relationshipsDone = new Promise<void>((resolve) => {
        relationshipsIn = resolve;
      });
      const bulkPutRelationships = db.relationships.bulkPut.bind(db.relationships);
      const relationshipsWritten = vi
        .spyOn(db.relationships, 'bulkPut')
        .mockImplementation((...args: Parameters<typeof bulkPutRelationships>) =>
          bulkPutRelationships(...args).then((result) => {
            relationshipsIn();
            return result;
          }),
        );
      vi.spyOn(db.plans, 'bulkPut').mockImplementation(() =>
        Dexie.Promise.resolve(relationshipsDone).then(() => {
          throw new Error('QuotaExceededError: disk full');
        }),
      );

      const result = await importBackup(json, mode);

      expect(relationshipsWritten).toHaveBeenCalled();
      await expect(relationshipsWritten.mock.results[0]?.value).resolves.toBeDefined();
      expect(result).toMatchObject({ ok: false, problem: 'write-failed' });
      if (!result.ok) expect(result.error).toMatch(/disk full.*Nothing was imported/);
      vi.restoreAllMocks();
      expect(await snapshotDatabase()).toEqual(before);
    },
  );
});
