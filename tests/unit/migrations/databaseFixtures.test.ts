import Dexie from 'dexie';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { allActionItems, countOpenActionItems, openActionItems } from '@/lib/db/actionItems';
import { DATABASE_NAME, db, FourPsDatabase } from '@/lib/db/database';
import { meetingInCall, upcomingMentoringMeetings } from '@/lib/db/meetings';
import { prepProgress } from '@/lib/db/preps';
import { listRelationships, relationshipForEmails } from '@/lib/db/relationships';
import { getDefaultRole, getDetectionRules, getSeriesOverrides } from '@/lib/db/settings';
import {
  fixtureVersions,
  readDatabaseFixture,
  writeDatabaseFixture,
} from '../../fixtures/db/loadDatabaseFixture';
import { expectCountsMatchRows } from '../db/openItemsByHand';

/**
 * ARCHITECTURE rule 7: every schema version has a fixture database written as that version wrote it,
 * and today's code opens each one without losing a row or its meaning. A version with no fixture, or a
 * version whose stores were edited in place instead of in a new `db.version(n)`, fails here.
 */

/** Every `version(n).stores(schema)` the current database class declares, read through Dexie's own API. */
function declaredVersions(): Map<number, Record<string, string>> {
  const declared = new Map<number, Record<string, string>>();
  const version = Dexie.prototype.version;
  // Wraps Dexie's own `version()` for the time of one construction, to hear what the class declares.
  Dexie.prototype.version = function (this: Dexie, n: number) {
    const result = version.call(this, n);
    const stores = result.stores.bind(result);
    result.stores = (schema: { [tableName: string]: string | null }) => {
      declared.set(n, { ...(declared.get(n) ?? {}), ...(schema as Record<string, string>) });
      return stores(schema);
    };
    return result;
  };
  try {
    new FourPsDatabase('fourps-declared-versions-probe').close();
  } finally {
    Dexie.prototype.version = version;
  }
  return declared;
}

async function openFixture(version: number): Promise<void> {
  db.close();
  await Dexie.delete(DATABASE_NAME);
  await writeDatabaseFixture(indexedDB, DATABASE_NAME, readDatabaseFixture(version));
  await db.open();
}

const DECLARED = declaredVersions();

/**
 * Today's rows of a table a fixture holds, by primary key. Action items, one row each before v4, are
 * read out of their meetings' lists since.
 */
async function storedRowsByKey(table: string): Promise<Map<unknown, unknown> & { key: string }> {
  const rows: Record<string, unknown>[] =
    table === 'actionItems' ? await allActionItems() : await db.table(table).toArray();
  const keyPath = table === 'actionItems' ? 'id' : db.table(table).schema.primKey.keyPath;
  if (typeof keyPath !== 'string') throw new Error(`${table} has no single-field primary key`);
  return Object.assign(new Map(rows.map((row) => [row[keyPath], row])), { key: keyPath });
}

beforeEach(() => {
  db.close();
});

afterAll(async () => {
  db.close();
  await Dexie.delete(DATABASE_NAME);
  await db.open();
});

describe('schema versions and their fixtures', () => {
  it('the versions Dexie knows end at db.verno', () => {
    expect(DECLARED.size).toBeGreaterThan(0);
    expect(Math.max(...DECLARED.keys())).toBe(db.verno);
  });

  it.each([...DECLARED.keys()])('version %i has a fixture database in tests/fixtures/db', (version) => {
    expect(fixtureVersions()).toContain(version);
  });

  it.each(fixtureVersions())('the v%i fixture is that version’s schema, untouched since', (version) => {
    // Editing an old version's stores in place would strand databases already written with it.
    expect(readDatabaseFixture(version).stores).toEqual(DECLARED.get(version));
  });

  it.each(fixtureVersions())('the v%i fixture holds rows in every table', (version) => {
    const { rows, stores } = readDatabaseFixture(version);
    for (const [table, schema] of Object.entries(stores)) {
      if (schema !== null) expect(rows[table]?.length, table).toBeGreaterThan(0);
    }
  });
});

describe.each(fixtureVersions())('a database written by version %i', (version) => {
  const fixture = readDatabaseFixture(version);

  it('opens with today’s code, every row kept field by field', async () => {
    await openFixture(version);
    expect(db.verno).toBe(Math.max(...DECLARED.keys()));
    for (const [table, rows] of Object.entries(fixture.rows)) {
      const current = await storedRowsByKey(table);
      expect(current.size, table).toBe(rows.length);
      for (const row of rows) {
        const id = row[current.key];
        expect(id, `${table} row has a key`).toBeDefined();
        // Upgrades may add fields; none may drop or change what was there.
        expect(current.get(id), `${table} ${String(id)}`).toMatchObject(row);
      }
    }
  });

  it('keeps its meaning: indexes answer, and the repositories read what the user wrote', async () => {
    await openFixture(version);
    // Relationships: archived stays archived, e-mails still find their partner (multi-entry index).
    expect((await listRelationships()).map((r) => r.id)).toEqual(['rel-sam']);
    expect((await listRelationships(true)).map((r) => r.id)).toEqual(['rel-sam', 'rel-jordan']);
    expect((await relationshipForEmails(['SAM@personal.example']))?.id).toBe('rel-sam');

    // Meetings: the compound and start indexes, the upcoming list, no call in progress.
    const past = '2026-09-15T15:00:00Z';
    const sam = await db.meetings
      .where('[relationshipId+start]')
      .between(['rel-sam', 0], ['rel-sam', Infinity])
      .toArray();
    expect(sam.map((m) => new Date(m.start ?? 0).toISOString())).toEqual([
      new Date(past).toISOString(),
      '2026-09-22T15:00:00.000Z',
    ]);
    const upcoming = await upcomingMentoringMeetings(Date.parse('2026-09-21T00:00:00Z'), 14);
    expect(upcoming.map((m) => m.id)).toEqual(['gcal:4k2j3h5g6f7d8s9a0p1o2i3u4y_20260922T150000Z']);
    expect(await meetingInCall(Date.parse('2026-09-22T12:00:00Z'))).toBeUndefined();
    expect(await db.meetings.where('meetCode').equals('abc-defg-hij').count()).toBe(1);

    // The prep still counts as prepared in all four Ps, questions to bring keep their asked state.
    const prep = await db.preps.get('gcal:4k2j3h5g6f7d8s9a0p1o2i3u4y_20260915T150000Z');
    expect(prepProgress(prep)).toEqual({ answeredPs: 4, status: 'done' });
    expect(prep?.questionsToBring.map((q) => q.askedAt !== undefined)).toEqual([true, false]);

    // Action items: open ones through today's indexes (built on upgrade), done ones stay done.
    expect((await openActionItems(Date.parse(past), 'rel-sam')).map((a) => a.id)).toEqual(['act-open']);
    expect((await openActionItems(Date.parse(past))).map((a) => a.id)).toEqual(['act-open']);
    expect(await countOpenActionItems(Date.parse(past))).toEqual({ open: 1, overdue: 0 });
    expect(await countOpenActionItems(Date.parse('2026-10-01T00:00:00Z'), 'rel-sam')).toEqual({
      open: 1,
      overdue: 1,
    });
    // The open item tally (v3) holds exactly the open items, whether built by the upgrade or stored.
    await expectCountsMatchRows([Date.parse(past), Date.parse('2026-10-01T00:00:00Z')], `v${version}`);

    // Settings: edited rules, the series the user said is not mentoring, the chosen role.
    expect((await getDetectionRules()).keywords).toContain('Sparring');
    expect(await getSeriesOverrides()).toEqual({ st4nd4pq2w3e4r5t6y7u8i9o: false });
    expect(await getDefaultRole()).toBe('mentee');
  });
});
