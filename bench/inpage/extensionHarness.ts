/**
 * Runs in an extension page (bundled to one script and evaluated there), so it reaches the extension's
 * own "fourps" database. It imports the product's own repository and backup functions: what is timed
 * is the code the popup, the prep page and the options page run, against the real IndexedDB.
 */

import { backupToJson, exportBackup } from '@/lib/backup/exportBackup';
import { importBackup } from '@/lib/backup/importBackup';
import { parseBackup } from '@/lib/backup/parseBackup';
import { groupIntoLists } from '@/lib/db/actionItemLists';
import { allActionItems, openActionItems, putActionItems } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import { upcomingMentoringMeetings } from '@/lib/db/meetings';
import type { ActionItemRecord } from '@/lib/db/records';
import { previousMeeting } from '@/lib/db/relationships';
import { firstOpenActionItemRows, openActionItemCounts } from '@/lib/overview/actionItemOverview';
import { timeRawRestore } from './indexedDbFloor';
import type { ExtensionHarness, QueryTimings, SeedTable } from './types';

/** The same number of days the popup lists (components/UpcomingMeetings.tsx). */
const UPCOMING_DAYS = 14;
/** The same number of open action items the popup shows (components/popup/OpenActionItems.tsx). */
const SHOWN_ACTION_ITEMS = 8;

const wallClock = () => performance.timeOrigin + performance.now();

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await run();
  return [performance.now() - start, value];
}

let lastBackupJson: string | undefined;

const harness: ExtensionHarness = {
  async seed(table: SeedTable, json: string) {
    // The rows come from bench/seed.ts, typed there as the records of lib/db/records.ts. They travel as
    // one JSON string: Playwright's own serialisation of large object arrays is far slower.
    const rows: unknown[] = JSON.parse(json);
    // Action items are stored in their meetings' lists: the repository groups them as the app does.
    if (table === 'actionItems') await putActionItems(rows as ActionItemRecord[]);
    else await (db[table] as unknown as { bulkAdd(rows: unknown[]): Promise<unknown> }).bulkAdd(rows);
    return rows.length;
  },

  async counts() {
    const entries = await Promise.all(
      db.tables.map(async (table) => [table.name, await table.count()] as const),
    );
    return { ...Object.fromEntries(entries), actionItems: (await allActionItems()).length };
  },

  async timeQueries({ repeats, now, meetingId }) {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting?.relationshipId) throw new Error(`Meeting ${meetingId} is missing or has no relationship.`);
    const relationshipId = meeting.relationshipId;
    const result: QueryTimings = {
      upcoming: [],
      openAll: [],
      openCounts: [],
      openForRelationship: [],
      lastTime: [],
      rows: { upcoming: 0, openAll: 0, openCounts: 0, openForRelationship: 0, lastTime: 0 },
    };
    // One warm-up round (opening the database, compiling), then the timed repeats, interleaved.
    for (let round = -1; round < repeats; round++) {
      const [upcomingMs, upcoming] = await timed(() => upcomingMentoringMeetings(now, UPCOMING_DAYS));
      // What the popup runs: the first items in listing order, then the counts per relationship.
      const [openAllMs, openAll] = await timed(() => firstOpenActionItemRows(now, SHOWN_ACTION_ITEMS));
      const [countsMs, counts] = await timed(() => openActionItemCounts(now));
      const [openOneMs, openOne] = await timed(() => openActionItems(now, relationshipId));
      const [lastMs, last] = await timed(() => previousMeeting(meeting));
      if (round < 0) {
        result.rows = {
          upcoming: upcoming.length,
          openAll: openAll.length,
          openCounts: counts.total,
          openForRelationship: openOne.length,
          lastTime: last ? 1 : 0,
        };
        continue;
      }
      result.upcoming.push(upcomingMs);
      result.openAll.push(openAllMs);
      result.openCounts.push(countsMs);
      result.openForRelationship.push(openOneMs);
      result.lastTime.push(lastMs);
    }
    return result;
  },

  async timeExport() {
    const [readMs, backup] = await timed(() => exportBackup());
    const jsonStart = performance.now();
    lastBackupJson = backupToJson(backup);
    const jsonMs = performance.now() - jsonStart;
    return { readMs, jsonMs, bytes: new Blob([lastBackupJson]).size };
  },

  async timeImport() {
    const json = lastBackupJson;
    if (json === undefined) return { ms: 0, validateMs: 0, ok: false, error: 'no export to import' };
    // Validation alone first (read-only), to tell checking the file from writing it.
    const [validateMs] = await timed(async () => parseBackup(json, db.verno));
    const [ms, result] = await timed(() => importBackup(json, 'replace'));
    return result.ok ? { ms, validateMs, ok: true } : { ms, validateMs, ok: false, error: result.error };
  },

  async timeRestoreIntoEmpty() {
    const json = lastBackupJson;
    if (json === undefined) return { ms: 0, validateMs: 0, ok: false, error: 'no export to import' };
    await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
    const [ms, result] = await timed(() => importBackup(json, 'replace'));
    return result.ok
      ? { ms, validateMs: 0, ok: true }
      : { ms, validateMs: 0, ok: false, error: result.error };
  },

  async timeRawRestoreFloor() {
    const json = lastBackupJson;
    if (json === undefined) throw new Error('no export to restore');
    const { tables } = JSON.parse(json) as { tables: Record<string, unknown[]> };
    // The records the restore writes: the file's rows, its action items in their meetings' lists.
    const { actionItems = [], ...others } = tables;
    const records = { ...others, actionItemLists: groupIntoLists(actionItems as ActionItemRecord[]) };
    const written = db.tables.filter((table) => table.name in records);
    return timeRawRestore(written, records);
  },

  async waitForAnswer(meetingId, questionId, expected, timeoutMs) {
    const deadline = performance.now() + timeoutMs;
    // A fresh read each time, through this page's own connection: what another view would see.
    while (performance.now() < deadline) {
      const prep = await db.preps.get(meetingId);
      if (prep?.answers[questionId] === expected) return wallClock();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    return null;
  },

  async readAnswer(meetingId, questionId) {
    return (await db.preps.get(meetingId))?.answers[questionId];
  },
};
window.fourpsBench = harness;
