import Dexie, { liveQuery, type ObservabilitySet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupToJson, exportBackup } from '@/lib/backup/exportBackup';
import { importBackup } from '@/lib/backup/importBackup';
import { addActionItem, deleteActionItem, setActionItemDone, updateActionItem } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import { deleteAllData } from '@/lib/db/deleteAllData';
import type { ActionItemRecord, RelationshipRecord } from '@/lib/db/records';
import { checkOpenItemTally, openActionItemCounts } from '@/lib/overview/actionItemOverview';
import { DAY, SEPT_15_3PM } from '../calendarEventFactory';
import { resetDatabase } from '../resetDatabase';
import { expectCountsMatchRows } from './openItemsByHand';

const NOW = SEPT_15_3PM;
/** Stored relationships, one that is only named by items (deleted), and none at all. */
const STORED_RELATIONSHIPS = ['r0', 'r1', 'r2', 'r3'];
const ITEM_RELATIONSHIPS = [...STORED_RELATIONSHIPS, 'rel-gone', undefined];
/** Few distinct dates, some exactly now, so that ties and the "due now is not overdue" edge are common. */
const DUES = [0, 0, NOW - 3 * DAY, NOW - DAY, NOW - 1, NOW, NOW + 1, NOW + DAY, NOW + 5 * DAY];

let nextId = 0;
beforeEach(async () => {
  await resetDatabase();
  nextId = 0;
  // The ids the Plan form gives new items, made deterministic so that a failing sequence replays.
  vi.spyOn(crypto, 'randomUUID').mockImplementation(
    () => `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`,
  );
});
afterEach(() => vi.restoreAllMocks());

/** A small deterministic generator, so a failing sequence can be replayed from its seed. */
function randomSource(seed: number) {
  let state = seed;
  const below = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits repeat in short cycles.
    return Math.floor(state / 65536) % n;
  };
  const pick = <T>(list: readonly T[]): T => list[below(list.length)] as T;
  return { below, pick };
}
type Random = ReturnType<typeof randomSource>;

function relationshipRow(id: string): RelationshipRecord {
  return {
    id,
    partnerName: `Partner ${id}`,
    partnerEmails: [],
    myRole: 'mentor',
    learningGoals: '',
    phase: 'cultivation',
    archived: false,
    createdAt: 1,
  };
}

function randomItem(random: Random, id = `item-${String(nextId++).padStart(5, '0')}`): ActionItemRecord {
  const relationshipId = random.pick(ITEM_RELATIONSHIPS);
  return {
    id,
    meetingId: `m${random.below(6)}`,
    ...(relationshipId === undefined ? {} : { relationshipId }),
    text: `text ${random.below(1000)}`,
    owner: random.pick(['me', 'partner'] as const),
    due: random.pick(DUES),
    doneAt: random.below(3) === 0 ? NOW - random.below(5) * DAY : 0,
    createdAt: NOW - random.below(100) * DAY,
  };
}

async function storedIds(): Promise<string[]> {
  return (await db.actionItems.toCollection().primaryKeys()).sort();
}

async function someStoredId(random: Random): Promise<string> {
  const ids = await storedIds();
  return ids.length === 0 ? 'no-such-item' : random.pick(ids);
}

/** An edited copy of a stored row: another date, state or relationship, or only other text. */
async function editedStoredItem(random: Random): Promise<ActionItemRecord> {
  const stored = await db.actionItems.get(await someStoredId(random));
  if (!stored) return randomItem(random);
  const fresh = randomItem(random, stored.id);
  return random.pick([
    { ...stored, text: fresh.text },
    fresh,
    { ...stored, doneAt: stored.doneAt ? 0 : NOW },
  ]);
}

/** Every way the extension writes action items, each a step of a random sequence. */
const STEPS: Record<string, (random: Random) => Promise<unknown>> = {
  'add (the Plan form)': (random) => {
    const item = randomItem(random);
    return addActionItem(
      {
        meetingId: item.meetingId,
        relationshipId: item.relationshipId,
        text: item.text,
        owner: item.owner,
        due: item.due,
      },
      item.createdAt,
    );
  },
  'edit the text': async (random) => updateActionItem(await someStoredId(random), { text: 'Edited' }),
  'change the due date': async (random) =>
    updateActionItem(await someStoredId(random), { due: random.pick(DUES) }),
  tick: async (random) => setActionItemDone(await someStoredId(random), true, NOW),
  untick: async (random) => setActionItemDone(await someStoredId(random), false),
  'move to another relationship (Table.update)': async (random) =>
    db.actionItems.update(await someStoredId(random), { relationshipId: random.pick(ITEM_RELATIONSHIPS) }),
  delete: async (random) => deleteActionItem(await someStoredId(random)),
  'bulkPut a few, one key twice': async (random) => {
    const edited = await editedStoredItem(random);
    return db.actionItems.bulkPut([
      edited,
      randomItem(random),
      { ...edited, doneAt: 0, due: random.pick(DUES) },
    ]);
  },
  'bulkPut more rows than are followed one by one': async (random) => {
    const rows = await Promise.all(Array.from({ length: 30 }, () => editedStoredItem(random)));
    return db.actionItems.bulkPut([...rows, ...Array.from({ length: 220 }, () => randomItem(random))]);
  },
  'bulkAdd with a key already stored, caught inside the transaction': async (random) => {
    const existing = await editedStoredItem(random);
    return db.transaction('rw', db.actionItems, async () => {
      const rows = [randomItem(random), existing, randomItem(random)];
      await db.actionItems.bulkAdd(rows).catch((error: unknown) => {
        if (!(error instanceof Dexie.BulkError)) throw error;
      });
    });
  },
  'modify every item of a meeting': (random) =>
    db.actionItems
      .where('meetingId')
      .equals(`m${random.below(6)}`)
      .modify((item) => {
        item.doneAt = item.doneAt === 0 ? NOW : 0;
        item.due = random.pick(DUES);
      }),
  'delete every item of a meeting': (random) =>
    db.actionItems
      .where('meetingId')
      .equals(`m${random.below(6)}`)
      .delete(),
  'bulkDelete, one key not stored': async (random) => {
    const ids = await storedIds();
    return db.actionItems.bulkDelete([...ids.filter(() => random.below(4) === 0), 'no-such-item']);
  },
  'delete a range of keys': async (random) => {
    const ids = await storedIds();
    return db.actionItems
      .where(':id')
      .between(random.pick(ids) ?? 'a', random.pick(ids) ?? 'z')
      .delete();
  },
  'several writes in one transaction': (random) =>
    db.transaction('rw', db.actionItems, db.meetings, async () => {
      const item = randomItem(random);
      await db.actionItems.add(item);
      await db.actionItems.update(item.id, { doneAt: 0, due: random.pick(DUES) });
      await db.actionItems.put({ ...item, relationshipId: 'r1' });
      await db.actionItems.delete(await someStoredId(random));
    }),
  'a transaction that fails after writing': async (random) => {
    const failing = db.transaction('rw', db.actionItems, async () => {
      await db.actionItems.bulkPut(Array.from({ length: 3 + random.below(300) }, () => randomItem(random)));
      await db.actionItems.update(await someStoredId(random), { doneAt: 0, relationshipId: 'r2' });
      throw new Error('the user closed the popup');
    });
    await expect(failing).rejects.toThrow('the user closed the popup');
  },
  clear: () => db.actionItems.clear(),
  'import a backup (merge or replace)': async (random) => {
    const backup = await exportBackup();
    const kept = backup.tables.actionItems.filter(() => random.below(5) !== 0);
    const edited = kept.map((item) => (random.below(4) === 0 ? randomItem(random, item.id) : item));
    const added = Array.from({ length: random.pick([2, 250]) }, () => randomItem(random));
    const json = backupToJson({
      ...backup,
      tables: { ...backup.tables, actionItems: [...edited, ...added] },
    });
    const result = await importBackup(json, random.pick(['merge', 'replace'] as const));
    expect(result).toMatchObject({ ok: true });
  },
  'delete all data, then the relationships come back': async () => {
    await deleteAllData();
    expect(await db.openItemTally.count()).toBe(0);
    await db.relationships.bulkPut(STORED_RELATIONSHIPS.map(relationshipRow));
  },
  'a relationship is deleted or comes back': async (random) => {
    const id = random.pick(STORED_RELATIONSHIPS);
    if (await db.relationships.get(id)) await db.relationships.delete(id);
    else await db.relationships.put(relationshipRow(id));
  },
};

/** Steps that empty much of the database come less often, so that the tally has rows to get wrong. */
const RARE_STEPS = new Set([
  'clear',
  'delete all data, then the relationships come back',
  'delete a range of keys',
]);

describe('the open item tally stays exact', () => {
  it('through random sequences of every kind of write, compared with a count of all rows after each step', async () => {
    const stepNames = Object.keys(STEPS);
    const taken = new Map<string, number>();
    let mostTallyRows = 0;
    let mostRelationshipsShown = 0;
    let mostOverdue = 0;
    for (const seed of [1, 2, 3]) {
      await resetDatabase();
      nextId = 0;
      const random = randomSource(seed);
      await db.relationships.bulkPut(STORED_RELATIONSHIPS.map(relationshipRow));
      await db.actionItems.bulkAdd(Array.from({ length: 40 }, () => randomItem(random)));
      for (let step = 0; step < 70; step++) {
        let name = random.pick(stepNames);
        if (RARE_STEPS.has(name) && random.below(3) !== 0) name = 'add (the Plan form)';
        await STEPS[name]?.(random);
        taken.set(name, (taken.get(name) ?? 0) + 1);
        await expectCountsMatchRows(
          [NOW, random.pick(DUES) + random.pick([-1, 0, 1])],
          `seed ${seed}, step ${step}: ${name}`,
        );
        mostTallyRows = Math.max(mostTallyRows, await db.openItemTally.count());
        const shown = await openActionItemCounts(NOW);
        mostRelationshipsShown = Math.max(mostRelationshipsShown, shown.byRelationship.length);
        mostOverdue = Math.max(mostOverdue, ...shown.byRelationship.map((count) => count.overdue));
      }
    }
    // The sequences did reach every kind of write, and states worth checking.
    expect([...taken.keys()].sort()).toEqual([...stepNames].sort());
    expect(mostTallyRows).toBe(ITEM_RELATIONSHIPS.length);
    // Four stored relationships and "no relationship" (never set, or deleted).
    expect(mostRelationshipsShown).toBe(5);
    expect(mostOverdue).toBeGreaterThan(1);
  }, 120_000);

  it('a write that IndexedDB refuses part-way, caught by its caller, leaves the tally exact', async () => {
    const random = randomSource(8);
    await db.actionItems.bulkAdd(Array.from({ length: 20 }, () => randomItem(random)));
    const rows = Array.from({ length: 6 }, () => ({ ...randomItem(random), doneAt: 0 }));
    // A value IndexedDB cannot store: the put of the fourth row throws, the first three are already in.
    const unstorable = { ...rows[3], due: NOW, text: () => 'not data' } as unknown as ActionItemRecord;
    await db.transaction('rw', db.actionItems, async () => {
      await expect(
        db.actionItems.bulkPut([...rows.slice(0, 3), unstorable, ...rows.slice(4)]),
      ).rejects.toThrow();
    });
    expect(await db.actionItems.get(rows[0]?.id ?? '')).toBeDefined();
    await expectCountsMatchRows([NOW], 'after the refused write');
  });

  it('a transaction that throws leaves the tally exactly as it was, as it does the items', async () => {
    const random = randomSource(9);
    await db.relationships.bulkPut(STORED_RELATIONSHIPS.map(relationshipRow));
    await db.actionItems.bulkAdd(Array.from({ length: 60 }, () => randomItem(random)));
    const tallyBefore = await db.openItemTally.toArray();
    const itemsBefore = await db.actionItems.toArray();
    const countsBefore = await openActionItemCounts(NOW);
    expect(countsBefore.total).toBeGreaterThan(0);

    const failing = db.transaction('rw', db.actionItems, db.openItemTally, async () => {
      await addActionItem({
        meetingId: 'm1',
        relationshipId: 'r0',
        text: 'new',
        owner: 'me',
        due: NOW - DAY,
      });
      for (const item of itemsBefore.slice(0, 10)) await setActionItemDone(item.id, item.doneAt === 0, NOW);
      await db.actionItems.bulkPut(Array.from({ length: 250 }, () => randomItem(random)));
      // The writes so far did change the tally inside the transaction.
      expect(await db.openItemTally.toArray()).not.toEqual(tallyBefore);
      await db.actionItems.clear();
      throw new Error('disk full');
    });

    await expect(failing).rejects.toThrow('disk full');
    expect(await db.openItemTally.toArray()).toEqual(tallyBefore);
    expect(await db.actionItems.toArray()).toEqual(itemsBefore);
    expect(await openActionItemCounts(NOW)).toEqual(countsBefore);
  });
});

describe('the cost of keeping it', () => {
  /** How many single rows IndexedDB reads, per store, while `run` runs (getMany reads row by row). */
  async function rowReadsDuring(run: () => Promise<unknown>): Promise<Record<string, number>> {
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    await run();
    const reads: Record<string, number> = {};
    for (const { name } of get.mock.contexts as IDBObjectStore[]) reads[name] = (reads[name] ?? 0) + 1;
    get.mockRestore();
    return reads;
  }

  it('a write of many rows, such as a backup import, rebuilds the tally instead of reading each old row', async () => {
    const random = randomSource(4);
    const items = Array.from({ length: 1000 }, () => randomItem(random));
    await db.actionItems.bulkAdd(items);
    const edited = items.map((item) => ({ ...item, doneAt: item.doneAt === 0 ? NOW : 0 }));

    expect(await rowReadsDuring(() => db.actionItems.bulkPut(edited))).toEqual({});
    const deleted = edited.slice(0, 500).map((item) => item.id);
    expect(await rowReadsDuring(() => db.actionItems.bulkDelete(deleted))).toEqual({});
    await expectCountsMatchRows([NOW], 'after the large writes');
    expect(await db.actionItems.count()).toBe(500);
  });

  it('a small write reads its own old rows and the tally rows it changes; an add reads no old row', async () => {
    const open = (id: string, relationshipId: string): ActionItemRecord => ({
      id,
      relationshipId,
      meetingId: 'm1',
      text: id,
      owner: 'me',
      due: NOW,
      doneAt: 0,
      createdAt: 1,
    });
    await db.actionItems.bulkAdd(Array.from({ length: 299 }, (_, i) => open(`item-${i}`, `r${i % 4}`)));
    expect(await rowReadsDuring(() => db.actionItems.add(open('new', 'r1')))).toEqual({ openItemTally: 1 });
    // Moves an item from r0 to r2: its old row, then the two tally rows.
    expect(await rowReadsDuring(() => db.actionItems.put(open('item-0', 'r2')))).toEqual({
      actionItems: 1,
      openItemTally: 2,
    });
  });

  it('an edit that changes no open item’s date or relationship writes no tally row', async () => {
    const item = await addActionItem({
      meetingId: 'm1',
      relationshipId: 'r1',
      text: 'Draft',
      owner: 'me',
      due: NOW,
    });
    const written = new Set<string>();
    const listener = (parts: ObservabilitySet) => {
      // A part is "idb://<database>/<table>/<index>".
      for (const part of Object.keys(parts)) written.add(part.split('/')[3] ?? part);
    };
    Dexie.on.storagemutated.subscribe(listener);
    try {
      await updateActionItem(item.id, { text: 'Second draft', owner: 'partner' });
      expect([...written]).toEqual(['actionItems']);
      written.clear();
      await setActionItemDone(item.id, true, NOW);
      expect([...written].sort()).toEqual(['actionItems', 'openItemTally']);
    } finally {
      Dexie.on.storagemutated.unsubscribe(listener);
    }
  });
});

describe('the popup’s live counts', () => {
  it('follow a tick and an untick, though they read the tally instead of the items', async () => {
    await db.relationships.put(relationshipRow('r1'));
    const item = await addActionItem({
      meetingId: 'm1',
      relationshipId: 'r1',
      text: 'Send',
      owner: 'me',
      due: NOW - DAY,
    });
    const seen: number[] = [];
    const subscription = liveQuery(() => openActionItemCounts(NOW)).subscribe((counts) =>
      seen.push(counts.total),
    );
    const seenCount = async (count: number) => {
      await vi.waitFor(() => expect(seen.at(-1)).toBe(count));
    };
    try {
      await seenCount(1);
      await setActionItemDone(item.id, true, NOW);
      await seenCount(0);
      await setActionItemDone(item.id, false);
      await seenCount(1);
      expect(seen).toEqual([1, 0, 1]);
    } finally {
      subscription.unsubscribe();
    }
  });
});

describe('items written into IndexedDB past Dexie', () => {
  /** What a tool or a test seeding the database does: a connection of its own, no middleware. */
  async function putPastDexie(items: ActionItemRecord[]): Promise<void> {
    const connection = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(db.name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const transaction = connection.transaction('actionItems', 'readwrite');
      for (const item of items) transaction.objectStore('actionItems').put(item);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    connection.close();
  }

  it('are found by the tally check, which builds the tally again; a check of an exact tally changes nothing', async () => {
    await db.relationships.bulkPut(STORED_RELATIONSHIPS.map(relationshipRow));
    const random = randomSource(7);
    await db.actionItems.bulkPut(Array.from({ length: 5 }, () => randomItem(random)));
    expect(await checkOpenItemTally()).toBe(false);
    await putPastDexie(Array.from({ length: 30 }, () => randomItem(random)));

    expect(await checkOpenItemTally()).toBe(true);
    await expectCountsMatchRows([NOW, NOW - DAY], 'after the rebuild');
    expect(await checkOpenItemTally()).toBe(false);
  });
});
