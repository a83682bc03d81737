import Dexie, { liveQuery, type ObservabilitySet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupToJson, exportBackup } from '@/lib/backup/exportBackup';
import { importBackup } from '@/lib/backup/importBackup';
import { groupIntoLists, listOf } from '@/lib/db/actionItemLists';
import {
  type ActionItemKey,
  addActionItem,
  allActionItems,
  deleteActionItem,
  putActionItems,
  setActionItemDone,
  updateActionItem,
} from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import { deleteAllData } from '@/lib/db/deleteAllData';
import type { ActionItemListRecord, ActionItemRecord, RelationshipRecord } from '@/lib/db/records';
import { checkOpenItemTally, openActionItemCounts } from '@/lib/overview/actionItemOverview';
import { DAY, SEPT_15_3PM } from '../calendarEventFactory';
import { resetDatabase } from '../resetDatabase';
import { expectCountsMatchRows, tallyByHand } from './openItemsByHand';

const NOW = SEPT_15_3PM;
/** Stored relationships, one that is only named by items (deleted), and none at all. */
const STORED_RELATIONSHIPS = ['r0', 'r1', 'r2', 'r3'];
const ITEM_RELATIONSHIPS = [...STORED_RELATIONSHIPS, 'rel-gone', undefined];
/** Few distinct dates, some exactly now, so that ties and the "due now is not overdue" edge are common. */
const DUES = [0, 0, NOW - 3 * DAY, NOW - DAY, NOW - 1, NOW, NOW + 1, NOW + DAY, NOW + 5 * DAY];
/** The meetings most items belong to: few, so that writes often meet lists already stored. */
const MEETINGS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'];
/** Meetings for writes of many lists at once: more than the middleware follows list by list (200). */
const MANY_MEETINGS = Array.from({ length: 300 }, (_, i) => `b${String(i).padStart(3, '0')}`);
/** The most lists a put or delete may name and still be followed list by list (the middleware's bound). */
const LARGEST_INCREMENTAL_WRITE = 200;

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

/** A meeting id no list has ever had. */
const freshMeetingId = () => `new-${String(nextId++).padStart(5, '0')}`;

/** The item with another relationship, or none (the property left out, as the Plan form leaves it). */
function withRelationship(item: ActionItemRecord, relationshipId: string | undefined): ActionItemRecord {
  const { relationshipId: _old, ...rest } = item;
  return relationshipId === undefined ? rest : { ...rest, relationshipId };
}

function randomItem(
  random: Random,
  meetingId = random.pick(MEETINGS),
  id = `item-${String(nextId++).padStart(5, '0')}`,
): ActionItemRecord {
  const item: ActionItemRecord = {
    id,
    meetingId,
    text: `text ${random.below(1000)}`,
    owner: random.pick(['me', 'partner'] as const),
    due: random.pick(DUES),
    doneAt: random.below(3) === 0 ? NOW - random.below(5) * DAY : 0,
    createdAt: NOW - random.below(100) * DAY,
  };
  return withRelationship(item, random.pick(ITEM_RELATIONSHIPS));
}

/** A list of one to three new items. */
function randomList(random: Random, meetingId = random.pick(MEETINGS)): ActionItemListRecord {
  return listOf(
    meetingId,
    Array.from({ length: 1 + random.below(3) }, () => randomItem(random, meetingId)),
  );
}

/** An edited copy of a stored item, in its own list: only other text, another date, state or relationship, or ticked. */
function editedItem(random: Random, stored: ActionItemRecord): ActionItemRecord {
  const fresh = randomItem(random, stored.meetingId, stored.id);
  return random.pick([
    { ...stored, text: fresh.text },
    fresh,
    { ...stored, doneAt: stored.doneAt ? 0 : NOW },
  ]);
}

/** A stored list changed as a view would: some items edited, maybe one gone (maybe the last), maybe one new. */
function editedList(random: Random, list: ActionItemListRecord): ActionItemListRecord {
  const items = list.items.map((item) => (random.below(2) === 0 ? editedItem(random, item) : item));
  if (items.length > 0 && random.below(3) === 0) items.splice(random.below(items.length), 1);
  if (random.below(3) === 0) items.push(randomItem(random, list.meetingId));
  return listOf(list.meetingId, items);
}

/** What an update spec (Table.update, upsert, bulkUpdate) sets of a list built by `listOf`. */
function listChanges({ items, openOrder, openRelationships }: ActionItemListRecord) {
  return { items, openOrder, openRelationships };
}

async function someStoredList(random: Random): Promise<ActionItemListRecord | undefined> {
  const lists = await db.actionItemLists.toArray();
  return lists.length === 0 ? undefined : random.pick(lists);
}

/** A stored item, or a key naming none when there is none. */
async function someStoredItem(random: Random): Promise<ActionItemKey> {
  const items = await allActionItems();
  return items.length === 0 ? { id: 'no-such-item', meetingId: random.pick(MEETINGS) } : random.pick(items);
}

/** Every way action item lists are written, each a step of a random sequence. */
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
  'edit the text': async (random) => updateActionItem(await someStoredItem(random), { text: 'Edited' }),
  'change the due date': async (random) =>
    updateActionItem(await someStoredItem(random), { due: random.pick(DUES) }),
  tick: async (random) => setActionItemDone(await someStoredItem(random), true, NOW),
  untick: async (random) => setActionItemDone(await someStoredItem(random), false),
  'delete (the Plan form)': async (random) => deleteActionItem(await someStoredItem(random)),
  'putActionItems: items replace theirs or join their meetings’ lists': async (random) => {
    const stored = await allActionItems();
    const edited = stored.filter(() => random.below(8) === 0).map((item) => editedItem(random, item));
    return putActionItems([...edited, ...Array.from({ length: random.below(4) }, () => randomItem(random))]);
  },
  'add a list, refused when its meeting has one, caught inside the transaction': (random) =>
    db.transaction('rw', db.actionItemLists, async () => {
      const list = randomList(random, random.below(2) === 0 ? freshMeetingId() : random.pick(MEETINGS));
      await db.actionItemLists.add(list).catch((error: unknown) => {
        if (!(error instanceof Dexie.ConstraintError)) throw error;
      });
    }),
  'put an edited list (read, change an item, put)': async (random) => {
    const list = await someStoredList(random);
    return db.actionItemLists.put(list ? editedList(random, list) : randomList(random));
  },
  'move an item to another relationship (Table.update)': async (random) => {
    const list = await someStoredList(random);
    const meetingId = list?.meetingId ?? 'no-such-meeting';
    const moved = random.below(Math.max(1, list?.items.length ?? 0));
    const items = (list?.items ?? []).map((item, i) =>
      i === moved ? withRelationship(item, random.pick(ITEM_RELATIONSHIPS)) : item,
    );
    return db.actionItemLists.update(meetingId, listChanges(listOf(meetingId, items)));
  },
  'upsert a list, stored or not': async (random) => {
    const meetingId = random.pick(MEETINGS);
    const stored = await db.actionItemLists.get(meetingId);
    return db.actionItemLists.upsert(
      meetingId,
      listChanges(stored ? editedList(random, stored) : randomList(random, meetingId)),
    );
  },
  'bulkUpdate lists, one key twice, one not stored': async (random) => {
    const list = await someStoredList(random);
    const updates = [{ key: 'no-such-meeting', changes: listChanges(randomList(random, 'no-such-meeting')) }];
    if (list) {
      updates.push(
        { key: list.meetingId, changes: listChanges(editedList(random, list)) },
        { key: list.meetingId, changes: listChanges(editedList(random, list)) },
      );
    }
    return db.actionItemLists.bulkUpdate(updates);
  },
  'bulkPut a few lists, one key twice': async (random) => {
    const list = (await someStoredList(random)) ?? randomList(random);
    return db.actionItemLists.bulkPut([
      editedList(random, list),
      randomList(random),
      listOf(
        list.meetingId,
        list.items.map((item) => ({ ...item, doneAt: 0, due: random.pick(DUES) })),
      ),
    ]);
  },
  'bulkPut 200, 201 or 260 lists (followed list by list up to 200), some keys twice': async (random) => {
    const stored = await db.actionItemLists.toArray();
    const edited = stored.filter(() => random.below(8) === 0).map((list) => editedList(random, list));
    const count = random.pick([LARGEST_INCREMENTAL_WRITE, LARGEST_INCREMENTAL_WRITE + 1, 260]);
    const lists = edited.slice(0, count);
    while (lists.length < count) lists.push(randomList(random, random.pick(MANY_MEETINGS)));
    return db.actionItemLists.bulkPut(lists);
  },
  'bulkAdd with a key already stored, caught inside the transaction': async (random) => {
    const existing = (await someStoredList(random)) ?? randomList(random);
    return db.transaction('rw', db.actionItemLists, async () => {
      const lists = [
        randomList(random, freshMeetingId()),
        editedList(random, existing),
        randomList(random, freshMeetingId()),
      ];
      await db.actionItemLists.bulkAdd(lists).catch((error: unknown) => {
        if (!(error instanceof Dexie.BulkError)) throw error;
      });
    });
  },
  'modify the lists of a relationship (where openRelationships)': (random) => {
    const relationshipId = random.pick(ITEM_RELATIONSHIPS.slice(0, -1));
    return db.actionItemLists
      .where('openRelationships')
      .equals(relationshipId as string)
      .modify((list) => {
        const items = list.items.map((item) =>
          item.relationshipId === relationshipId
            ? random.pick([
                { ...item, doneAt: item.doneAt === 0 ? NOW : 0 },
                { ...item, due: random.pick(DUES) },
                withRelationship(item, random.pick(ITEM_RELATIONSHIPS)),
              ])
            : item,
        );
        Object.assign(list, listOf(list.meetingId, items));
      });
  },
  'modify the lists with an overdue item (where openOrder: a list comes once per such item)': (random) =>
    db.actionItemLists
      .where('openOrder')
      .below([NOW])
      .modify((list) => {
        const items = list.items.map((item) =>
          item.doneAt === 0 && item.due !== 0 && item.due < NOW
            ? random.pick([
                { ...item, doneAt: NOW },
                { ...item, due: random.pick(DUES) },
                withRelationship(item, random.pick(ITEM_RELATIONSHIPS)),
              ])
            : item,
        );
        Object.assign(list, listOf(list.meetingId, items));
      }),
  'modify a list into another meeting (its key changes: Dexie adds, then deletes)': async (random) => {
    const list = await someStoredList(random);
    if (!list) return;
    // To a meeting with no list, or to one that may have a list: then the add fails, and the whole
    // modify with it.
    const to = random.below(2) === 0 ? freshMeetingId() : random.pick(MEETINGS);
    await db.actionItemLists
      .where(':id')
      .equals(list.meetingId)
      .modify((stored) => {
        Object.assign(
          stored,
          listOf(
            to,
            stored.items.map((item) => ({ ...item, meetingId: to })),
          ),
        );
      })
      .catch((error: unknown) => {
        if (!(error instanceof Dexie.ModifyError)) throw error;
      });
  },
  'modify every list, deleting those with no open item (ctx.value = null)': (random) =>
    db.actionItemLists.toCollection().modify((list, ctx) => {
      if (list.openOrder.length === 0) {
        delete (ctx as { value?: unknown }).value;
      } else if (random.below(4) === 0) {
        Object.assign(
          list,
          listOf(
            list.meetingId,
            list.items.map((item) => ({ ...item, due: random.pick(DUES) })),
          ),
        );
      }
    }),
  'delete a list (Table.delete)': async (random) =>
    db.actionItemLists.delete((await someStoredList(random))?.meetingId ?? 'no-such-meeting'),
  'bulkDelete, one key not stored': async (random) => {
    const keys = await db.actionItemLists.toCollection().primaryKeys();
    return db.actionItemLists.bulkDelete([...keys.filter(() => random.below(4) === 0), 'no-such-meeting']);
  },
  'bulkDelete more keys than are followed one by one, many not stored': async (random) => {
    const keys = [...new Set([...(await db.actionItemLists.toCollection().primaryKeys()), ...MANY_MEETINGS])];
    return db.actionItemLists.bulkDelete(
      keys.filter(() => random.below(8) !== 0).slice(0, LARGEST_INCREMENTAL_WRITE + 1 + random.below(50)),
    );
  },
  'delete a range of keys (where(":id"))': async (random) => {
    const keys = await db.actionItemLists.toCollection().primaryKeys();
    return db.actionItemLists
      .where(':id')
      .between(random.pick(keys) ?? 'a', random.pick(keys) ?? 'z', true, random.below(2) === 0)
      .delete();
  },
  'delete the lists with an overdue item (where openOrder: a list comes once per such item)': () =>
    db.actionItemLists.where('openOrder').below([NOW]).delete(),
  'several writes in one transaction': (random) =>
    db.transaction('rw', db.actionItemLists, db.meetings, async () => {
      const list = randomList(random, freshMeetingId());
      const { meetingId, items } = list;
      await db.actionItemLists.add(list);
      await db.actionItemLists.update(
        meetingId,
        listChanges(
          listOf(
            meetingId,
            items.map((item) => ({ ...item, doneAt: 0, due: random.pick(DUES) })),
          ),
        ),
      );
      await db.actionItemLists.put(
        listOf(
          meetingId,
          items.map((item) => withRelationship(item, 'r1')),
        ),
      );
      await setActionItemDone(await someStoredItem(random), random.below(2) === 0, NOW);
      await addActionItem({ meetingId, text: 'Also', owner: 'me', due: random.pick(DUES) }, NOW);
      await db.actionItemLists.delete((await someStoredList(random))?.meetingId ?? 'no-such-meeting');
    }),
  'a transaction that fails after writing': async (random) => {
    const failing = db.transaction('rw', db.actionItemLists, async () => {
      await db.actionItemLists.bulkPut(
        Array.from({ length: 3 + random.below(300) }, () => randomList(random, random.pick(MANY_MEETINGS))),
      );
      const list = await someStoredList(random);
      if (list) {
        const items = list.items.map((item) => withRelationship({ ...item, doneAt: 0 }, 'r2'));
        await db.actionItemLists.update(list.meetingId, listChanges(listOf(list.meetingId, items)));
      }
      throw new Error('the user closed the popup');
    });
    await expect(failing).rejects.toThrow('the user closed the popup');
  },
  clear: () => db.actionItemLists.clear(),
  'import a backup (merge or replace)': async (random) => {
    const backup = await exportBackup();
    const kept = backup.tables.actionItems.filter(() => random.below(5) !== 0);
    // Some items edited, some of those into another meeting's list.
    const edited = kept.map((item) =>
      random.below(4) === 0 ? randomItem(random, random.pick([item.meetingId, ...MEETINGS]), item.id) : item,
    );
    // A few items, or enough in as many meetings that the import writes more lists than are followed one by one.
    const added = random.pick([
      () => Array.from({ length: 2 }, () => randomItem(random)),
      () => Array.from({ length: 250 }, () => randomItem(random, random.pick(MANY_MEETINGS))),
    ])();
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
  'delete a range of keys (where(":id"))',
  'bulkDelete more keys than are followed one by one, many not stored',
  'delete the lists with an overdue item (where openOrder: a list comes once per such item)',
  'modify every list, deleting those with no open item (ctx.value = null)',
]);

describe('the open item tally stays exact', () => {
  it('through random sequences of every kind of write, compared with a count of all items after each step', async () => {
    const stepNames = Object.keys(STEPS);
    const taken = new Map<string, number>();
    let mostTallyRows = 0;
    let mostRelationshipsShown = 0;
    let mostOverdue = 0;
    let mostLists = 0;
    for (const seed of [1, 2, 3, 4]) {
      await resetDatabase();
      nextId = 0;
      const random = randomSource(seed);
      await db.relationships.bulkPut(STORED_RELATIONSHIPS.map(relationshipRow));
      await db.actionItemLists.bulkAdd(groupIntoLists(Array.from({ length: 40 }, () => randomItem(random))));
      for (let step = 0; step < 80; step++) {
        let name = random.pick(stepNames);
        if (RARE_STEPS.has(name) && random.below(2) !== 0) name = 'add (the Plan form)';
        await STEPS[name]?.(random);
        taken.set(name, (taken.get(name) ?? 0) + 1);
        await expectCountsMatchRows(
          [NOW, random.pick(DUES) + random.pick([-1, 0, 1])],
          `seed ${seed}, step ${step}: ${name}`,
        );
        mostTallyRows = Math.max(mostTallyRows, await db.openItemTally.count());
        mostLists = Math.max(mostLists, await db.actionItemLists.count());
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
    expect(mostLists).toBeGreaterThan(LARGEST_INCREMENTAL_WRITE);
  }, 240_000);

  it.each([
    ['a few lists', 6],
    ['more lists than are followed one by one', 250],
  ])(
    'a write of %s that IndexedDB refuses part-way, caught by its caller, leaves the tally exact',
    async (_, size) => {
      const random = randomSource(8);
      await db.actionItemLists.bulkAdd(groupIntoLists(Array.from({ length: 20 }, () => randomItem(random))));
      const stored = await db.actionItemLists.toArray();
      expect(stored.length).toBeGreaterThanOrEqual(3);
      const tallyBefore = await db.openItemTally.toArray();
      // The first three replace stored lists, every item open and overdue; the others are new meetings.
      const lists = [
        ...stored.slice(0, 3).map((list) =>
          listOf(
            list.meetingId,
            list.items.map((item) => ({ ...item, doneAt: 0, due: NOW - DAY })),
          ),
        ),
        ...MANY_MEETINGS.slice(0, size - 3).map((meetingId) => randomList(random, meetingId)),
      ];
      // A value IndexedDB cannot store inside the fourth list: its put throws, the first three are already in.
      const unstorable = {
        ...lists[3],
        items: [{ ...lists[3]?.items[0], text: () => 'not data' }],
      } as unknown as ActionItemListRecord;
      await db.transaction('rw', db.actionItemLists, async () => {
        await expect(
          db.actionItemLists.bulkPut([...lists.slice(0, 3), unstorable, ...lists.slice(4)]),
        ).rejects.toThrow();
      });
      expect(await db.actionItemLists.get(lists[0]?.meetingId ?? '')).toEqual(lists[0]);
      expect(await db.actionItemLists.get(lists[3]?.meetingId ?? '')).toBeUndefined();
      expect(await db.actionItemLists.get(lists[4]?.meetingId ?? '')).toBeUndefined();
      // The lists that went in did change the tally.
      expect(await db.openItemTally.toArray()).not.toEqual(tallyBefore);
      await expectCountsMatchRows([NOW], 'after the refused write');
    },
  );

  it('a transaction that throws leaves the tally exactly as it was, as it does the items', async () => {
    const random = randomSource(9);
    await db.relationships.bulkPut(STORED_RELATIONSHIPS.map(relationshipRow));
    await db.actionItemLists.bulkAdd(groupIntoLists(Array.from({ length: 60 }, () => randomItem(random))));
    const tallyBefore = await db.openItemTally.toArray();
    const listsBefore = await db.actionItemLists.toArray();
    const itemsBefore = await allActionItems();
    const countsBefore = await openActionItemCounts(NOW);
    expect(countsBefore.total).toBeGreaterThan(0);

    const failing = db.transaction('rw', db.actionItemLists, db.meetings, db.openItemTally, async () => {
      await addActionItem({
        meetingId: 'm1',
        relationshipId: 'r0',
        text: 'new',
        owner: 'me',
        due: NOW - DAY,
      });
      for (const item of itemsBefore.slice(0, 10)) await setActionItemDone(item, item.doneAt === 0, NOW);
      await db.actionItemLists.bulkPut(
        MANY_MEETINGS.slice(0, 250).map((meetingId) => randomList(random, meetingId)),
      );
      // The writes so far did change the tally inside the transaction.
      expect(await db.openItemTally.toArray()).not.toEqual(tallyBefore);
      await db.actionItemLists.clear();
      throw new Error('disk full');
    });

    await expect(failing).rejects.toThrow('disk full');
    expect(await db.openItemTally.toArray()).toEqual(tallyBefore);
    expect(await db.actionItemLists.toArray()).toEqual(listsBefore);
    expect(await openActionItemCounts(NOW)).toEqual(countsBefore);
  });

  it('writes started together in one transaction each count: none reads a tally row the other is changing', async () => {
    const a = await addActionItem(
      { meetingId: 'm1', relationshipId: 'r1', text: 'a', owner: 'me', due: NOW },
      1,
    );
    const b = await addActionItem(
      { meetingId: 'm2', relationshipId: 'r1', text: 'b', owner: 'me', due: NOW },
      2,
    );
    const c = await addActionItem({ meetingId: 'm3', relationshipId: 'r1', text: 'c', owner: 'me' }, 3);
    await db.transaction('rw', db.actionItemLists, () =>
      Promise.all([
        db.actionItemLists.put(listOf('m1', [{ ...a, doneAt: NOW }])),
        db.actionItemLists.put(listOf('m2', [{ ...b, doneAt: NOW }])),
      ]),
    );
    await expectCountsMatchRows([NOW], 'two ticks together');
    await db.transaction('rw', db.actionItemLists, () =>
      Promise.all([
        db.actionItemLists.put(listOf('m3', [{ ...c, relationshipId: 'r3' }])),
        db.actionItemLists.clear(),
      ]),
    );
    await expectCountsMatchRows([NOW], 'a move and a clear together');
  });
});

describe('the cost of keeping it', () => {
  /** How many single records IndexedDB reads, per store, while `run` runs (getMany reads record by record). */
  async function recordReadsDuring(run: () => Promise<unknown>): Promise<Record<string, number>> {
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    await run();
    const reads: Record<string, number> = {};
    for (const { name } of get.mock.contexts as IDBObjectStore[]) reads[name] = (reads[name] ?? 0) + 1;
    get.mockRestore();
    return reads;
  }

  /** The tally keys of the open items among `items`: the tally rows a change of all of them rewrites. */
  const openKeys = (items: ActionItemRecord[]) => Object.keys(tallyByHand(items));

  it('a write of many lists, such as a backup import, rebuilds the tally instead of reading each old list', async () => {
    const random = randomSource(4);
    const lists = MANY_MEETINGS.map((meetingId) => randomList(random, meetingId));
    await db.actionItemLists.bulkAdd(lists);
    // Every item open on a date no item had: every tally row of the old and the new open items changes.
    const edited = lists.map((list) =>
      listOf(
        list.meetingId,
        list.items.map((item) => ({ ...item, doneAt: 0, due: NOW + 9 * DAY })),
      ),
    );

    const justFollowed = edited.slice(0, LARGEST_INCREMENTAL_WRITE);
    expect(await recordReadsDuring(() => db.actionItemLists.bulkPut(justFollowed))).toEqual({
      actionItemLists: LARGEST_INCREMENTAL_WRITE,
      openItemTally: openKeys(lists.slice(0, LARGEST_INCREMENTAL_WRITE).flatMap((list) => list.items)).length,
    });
    const tooMany = edited.slice(MANY_MEETINGS.length - LARGEST_INCREMENTAL_WRITE - 1);
    expect(await recordReadsDuring(() => db.actionItemLists.bulkPut(tooMany))).toEqual({});
    await expectCountsMatchRows([NOW], 'after the large puts');

    const deleted = edited.slice(0, LARGEST_INCREMENTAL_WRITE + 1).map((list) => list.meetingId);
    expect(await recordReadsDuring(() => db.actionItemLists.bulkDelete(deleted))).toEqual({});
    await expectCountsMatchRows([NOW], 'after the large delete');
    expect(await db.actionItemLists.count()).toBe(MANY_MEETINGS.length - LARGEST_INCREMENTAL_WRITE - 1);
  });

  it('a modify of many lists stays list by list, reading each list once: Dexie’s own read serves the middleware', async () => {
    const random = randomSource(5);
    const lists = MANY_MEETINGS.map((meetingId) => randomList(random, meetingId));
    await db.actionItemLists.bulkAdd(lists);
    // Dexie modifies 200 lists at a time: two chunks, each followed list by list, each reading its tally rows.
    const reads = await recordReadsDuring(() =>
      db.actionItemLists.toCollection().modify((list) => {
        Object.assign(
          list,
          listOf(
            list.meetingId,
            list.items.map((item) => ({ ...item, doneAt: 0, due: NOW + 9 * DAY })),
          ),
        );
      }),
    );
    // Every item is open afterwards, on a date no item had: a chunk changes the tally row of each of its items.
    const keysOf = (chunk: ActionItemListRecord[]) =>
      openKeys(chunk.flatMap((list) => list.items).map((item) => ({ ...item, doneAt: 0 }))).length;
    expect(reads).toEqual({
      actionItemLists: MANY_MEETINGS.length,
      openItemTally: keysOf(lists.slice(0, 200)) + keysOf(lists.slice(200)),
    });
    await expectCountsMatchRows([NOW], 'after the modify');
  });

  it('a small write reads its own old lists and the tally rows it changes; an add reads no old list', async () => {
    const open = (meetingId: string, id: string, relationshipId: string): ActionItemRecord => ({
      id,
      relationshipId,
      meetingId,
      text: id,
      owner: 'me',
      due: NOW,
      doneAt: 0,
      createdAt: 1,
    });
    // Three open items in each of 299 meetings.
    const listOfMeeting = (i: number) =>
      listOf(
        `m${i}`,
        [0, 1, 2].map((j) => open(`m${i}`, `item-${i}-${j}`, `r${(i + j) % 4}`)),
      );
    await db.actionItemLists.bulkAdd(Array.from({ length: 299 }, (_, i) => listOfMeeting(i)));

    expect(
      await recordReadsDuring(() => db.actionItemLists.add(listOf('new', [open('new', 'new', 'r1')]))),
    ).toEqual({ openItemTally: 1 });
    // Moves an item of m0 from r0 to r2: its old list, then the two tally rows.
    const [first, ...others] = listOfMeeting(0).items;
    const moved = listOf('m0', [open('m0', first?.id ?? '', 'r2'), ...others]);
    expect(await recordReadsDuring(() => db.actionItemLists.put(moved))).toEqual({
      actionItemLists: 1,
      openItemTally: 2,
    });
    // Two lists deleted and a key not stored: the three old lists, then the tally rows of their open items.
    const gone = ['m1', 'm2', 'no-such-meeting'];
    const goneItems = [listOfMeeting(1), listOfMeeting(2)].flatMap((list) => list.items);
    expect(await recordReadsDuring(() => db.actionItemLists.bulkDelete(gone))).toEqual({
      actionItemLists: 3,
      openItemTally: openKeys(goneItems).length,
    });
    // The Plan form ticking an item: it reads the list, the middleware reads it again, then one tally row.
    expect(await recordReadsDuring(() => setActionItemDone(open('m5', 'item-5-0', 'r1'), true, NOW))).toEqual(
      {
        actionItemLists: 2,
        openItemTally: 1,
      },
    );
    await expectCountsMatchRows([NOW], 'after the small writes');
  });

  it('an edit that changes no open item’s date or relationship writes no tally row', async () => {
    const item = await addActionItem({
      meetingId: 'm1',
      relationshipId: 'r1',
      text: 'Draft',
      owner: 'me',
      due: NOW,
    });
    const done = await addActionItem({ meetingId: 'm1', relationshipId: 'r1', text: 'Done', owner: 'me' });
    await setActionItemDone(done, true, NOW);
    const written = new Set<string>();
    const listener = (parts: ObservabilitySet) => {
      // A part is "idb://<database>/<table>/<index>".
      for (const part of Object.keys(parts)) written.add(part.split('/')[3] ?? part);
    };
    Dexie.on.storagemutated.subscribe(listener);
    const writtenBy = async (write: () => Promise<unknown>) => {
      written.clear();
      await write();
      return [...written].sort();
    };
    try {
      expect(
        await writtenBy(() => updateActionItem(item, { text: 'Second draft', owner: 'partner' })),
      ).toEqual(['actionItemLists']);
      // A done item's date is in no tally row.
      expect(await writtenBy(() => updateActionItem(done, { due: NOW + DAY }))).toEqual(['actionItemLists']);
      // The open item moves to another meeting's list, same relationship and date: it nets out.
      const m1 = (await db.actionItemLists.get('m1'))?.items ?? [];
      const stored = m1.find((i) => i.id === item.id);
      expect(stored).toMatchObject({ doneAt: 0, due: NOW, relationshipId: 'r1' });
      const movedItem = { ...(stored as ActionItemRecord), meetingId: 'm2' };
      const staying = m1.filter((i) => i.id !== item.id);
      expect(staying).toHaveLength(1);
      expect(
        await writtenBy(() => db.actionItemLists.bulkPut([listOf('m1', staying), listOf('m2', [movedItem])])),
      ).toEqual(['actionItemLists']);
      expect(await writtenBy(() => setActionItemDone(movedItem, true, NOW))).toEqual([
        'actionItemLists',
        'openItemTally',
      ]);
      await expectCountsMatchRows([NOW], 'after the edits');
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
      await setActionItemDone(item, true, NOW);
      await seenCount(0);
      await setActionItemDone(item, false);
      await seenCount(1);
      expect(seen).toEqual([1, 0, 1]);
    } finally {
      subscription.unsubscribe();
    }
  });
});

describe('lists written into IndexedDB past Dexie', () => {
  /** What a tool or a test seeding the database does: a connection of its own, no middleware. */
  async function putPastDexie(lists: ActionItemListRecord[]): Promise<void> {
    const connection = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(db.name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const transaction = connection.transaction('actionItemLists', 'readwrite');
      for (const list of lists) transaction.objectStore('actionItemLists').put(list);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    connection.close();
  }

  it('are found by the tally check, which builds the tally again; a check of an exact tally changes nothing', async () => {
    await db.relationships.bulkPut(STORED_RELATIONSHIPS.map(relationshipRow));
    const random = randomSource(7);
    await db.actionItemLists.bulkPut(groupIntoLists(Array.from({ length: 5 }, () => randomItem(random))));
    expect(await checkOpenItemTally()).toBe(false);
    // Lists of meetings already stored and of new ones.
    await putPastDexie(
      groupIntoLists(
        Array.from({ length: 30 }, () => randomItem(random, random.pick([...MEETINGS, 'p0', 'p1', 'p2']))),
      ),
    );
    // The tally no longer matches the items.
    const tally = Object.fromEntries(
      (await db.openItemTally.toArray()).map((row) => [row.relationshipKey, row.dues]),
    );
    expect(tally).not.toEqual(tallyByHand(await allActionItems()));

    expect(await checkOpenItemTally()).toBe(true);
    await expectCountsMatchRows([NOW, NOW - DAY], 'after the rebuild');
    expect(await checkOpenItemTally()).toBe(false);
  });

  it('make a write that finds the tally lacking its old list’s dates build the tally again', async () => {
    const random = randomSource(6);
    await db.actionItemLists.bulkPut(groupIntoLists(Array.from({ length: 5 }, () => randomItem(random))));
    // Open on a date no stored item has: the tally has no such date for them.
    const pastDexie = ['p0', 'p1'].map((meetingId) =>
      listOf(meetingId, [{ ...randomItem(random, meetingId), doneAt: 0, due: NOW + 9 * DAY }]),
    );
    await putPastDexie(pastDexie);

    await db.actionItemLists.delete('p0');
    // p1, which no write through Dexie named, is counted too: the tally was built again.
    await expectCountsMatchRows([NOW], 'after the write that found the tally inexact');
    expect(await checkOpenItemTally()).toBe(false);
  });
});
