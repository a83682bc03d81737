/**
 * Keeps the open item tally (lib/db/openItemTally.ts) exact: every write to `actionItemLists` also writes
 * the tally rows it changes, in the same IndexedDB transaction, so both commit or roll back together.
 * It sits in Dexie's DBCore stack, under every way of writing (add, put, update, modify, bulk writes,
 * delete, clear) and above Dexie's observability layer, so liveQuery sees the tally change too.
 *
 * Written with `.then` chains, not async/await: Dexie's lower layers read the current transaction from
 * its promise zone, which Dexie's own promises carry across `.then` (as in its own middlewares).
 */
import Dexie, {
  type DBCore,
  type DBCoreDeleteRangeRequest,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreRangeType,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { OPEN_ITEM_TALLY, OpenItemTallyChanges, type TalliedItem, tallyOpenItems } from './openItemTally';
import type { ActionItemListRecord, OpenItemTallyRecord } from './records';

const ACTION_ITEM_LISTS = 'actionItemLists';

/**
 * Above this many lists, a put or delete rebuilds the tally from the lists with open items (one indexed
 * read) instead of reading each old list (one request each): a backup import must not read list by
 * list. 200 is the chunk Dexie's `modify` writes, whose old rows Dexie has just read and serves again
 * from its transaction cache, so an update of many lists stays incremental at no extra read.
 */
const LARGEST_INCREMENTAL_WRITE = 200;

/** The multi-entry index that holds a key per open item: it finds the lists with open items. */
const OPEN_ITEMS_INDEX = 'openOrder';

// Dexie declares DBCoreRangeType as a const enum, which isolated modules cannot import as values.
const ANY = 3 as DBCoreRangeType.Any;
const EVERY_KEY: DBCoreKeyRange = { type: ANY, lower: undefined, upper: undefined };

/** The items of a list as the tally sees them; none for a list that is not there. */
const itemsOfList = (list: ActionItemListRecord | undefined): readonly TalliedItem[] => list?.items ?? [];

export const openItemTallyMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'OpenItemTally',
  create(down) {
    // While an upgrade runs the versions before 4, the stores do not all exist yet: v4's upgrade builds
    // the tally.
    const names = new Set(down.schema.tables.map((table) => table.name));
    if (!names.has(OPEN_ITEM_TALLY) || !names.has(ACTION_ITEM_LISTS)) return {};
    return {
      transaction(stores, mode, options) {
        // Every transaction that may write action items may write the tally too (as Dexie Cloud adds
        // its mutation tables); reads never need it added.
        const writesActionItems =
          mode === 'readwrite' && stores.includes(ACTION_ITEM_LISTS) && !stores.includes(OPEN_ITEM_TALLY);
        return down.transaction(writesActionItems ? [...stores, OPEN_ITEM_TALLY] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === ACTION_ITEM_LISTS ? tallyKeepingTable(table, down.table(OPEN_ITEM_TALLY)) : table;
      },
    };
  },
};

/**
 * Rebuilds the whole tally from the lists with open items, in `trans`. The v4 upgrade builds it this
 * way, and writes too large to follow list by list end with it.
 */
export function rebuildOpenItemTally(core: DBCore, trans: DBCoreTransaction): Promise<void> {
  return rebuild(core.table(ACTION_ITEM_LISTS), core.table(OPEN_ITEM_TALLY), trans);
}

function rebuild(lists: DBCoreTable, tally: DBCoreTable, trans: DBCoreTransaction): Promise<void> {
  const index = lists.schema.getIndexByKeyPath(OPEN_ITEMS_INDEX);
  if (!index) throw new Error(`${ACTION_ITEM_LISTS} has no ${OPEN_ITEMS_INDEX} index to find open items.`);
  return lists.query({ trans, values: true, query: { index, range: EVERY_KEY } }).then(({ result }) => {
    // The index holds a key per open item: a list with several comes once per item.
    const unique = new Map((result as ActionItemListRecord[]).map((list) => [list.meetingId, list]));
    const rows = tallyOpenItems([...unique.values()].flatMap(itemsOfList));
    return tally
      .mutate({ trans, type: 'deleteRange', range: EVERY_KEY })
      .then(() => putTallyRows(tally, trans, rows));
  });
}

/**
 * The last write of each transaction still under way. A write reads the tally rows it changes and writes
 * them back: two writes started together in one transaction (a `Promise.all`) would both read the same
 * old row, and the second would undo the first one's change. So each write waits for the one before.
 */
const lastWriteOf = new WeakMap<DBCoreTransaction, Promise<unknown>>();

function inTurn<T>(trans: DBCoreTransaction, write: () => Promise<T>): Promise<T> {
  const before = lastWriteOf.get(trans);
  const written = before ? before.then(write, write) : write();
  lastWriteOf.set(
    trans,
    written.catch(() => undefined),
  );
  return written;
}

function tallyKeepingTable(lists: DBCoreTable, tally: DBCoreTable): DBCoreTable {
  const write = (req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
    const written =
      req.type === 'deleteRange' || !followsListByList(req)
        ? lists.mutate(req).then((res) => rebuild(lists, tally, req.trans).then(() => res))
        : oldLists(lists, req).then((before) =>
            lists.mutate(req).then((res) => updateTally(lists, tally, req, before, res)),
          );
    // A write that failed part-way (a list IndexedDB refused while others went in, and the caller went
    // on in the transaction) leaves lists no one can name: rebuild, if the transaction still lives.
    return written.catch((error: unknown) =>
      rebuild(lists, tally, req.trans).then(
        () => Dexie.Promise.reject(error),
        () => Dexie.Promise.reject(error),
      ),
    );
  };
  return { ...lists, mutate: (req) => inTurn(req.trans, () => write(req)) };
}

/** Adds, deletes and puts: the writes that name their lists. */
type ListWriteRequest = Exclude<DBCoreMutateRequest, DBCoreDeleteRangeRequest>;

/** Adds read nothing old; puts and deletes of up to LARGEST_INCREMENTAL_WRITE lists read their old lists. */
function followsListByList(req: ListWriteRequest): boolean {
  if (req.type === 'add') return true;
  return (req.type === 'delete' ? req.keys : req.values).length <= LARGEST_INCREMENTAL_WRITE;
}

/** The primary key of each list a request writes or deletes, in request order. */
function requestKeys(lists: DBCoreTable, req: ListWriteRequest): unknown[] {
  if (req.type === 'delete') return req.keys;
  const extractKey = lists.schema.primaryKey.extractKey;
  return req.keys ?? req.values.map((value) => extractKey?.(value));
}

/** The stored lists a put or delete replaces, by key; an add replaces nothing (it fails on an existing key). */
function oldLists(lists: DBCoreTable, req: ListWriteRequest): Promise<Map<unknown, ActionItemListRecord>> {
  if (req.type === 'add') return Dexie.Promise.resolve(new Map());
  const keys = requestKeys(lists, req);
  // 'immutable' shares Dexie's per-transaction cache, as Dexie's own hooks layer does: `modify` has just
  // read these very lists, and the observability layer can reuse them to tell liveQuery which index
  // ranges changed.
  return lists
    .getMany({ trans: req.trans, keys, cache: 'immutable' })
    .then((rows: (ActionItemListRecord | undefined)[]) => {
      const byKey = new Map<unknown, ActionItemListRecord>();
      keys.forEach((key, i) => {
        const row = rows[i];
        if (row) byKey.set(key, row);
      });
      return byKey;
    });
}

/** After a write of named lists: the tally rows of the relationships whose open items changed. */
function updateTally(
  lists: DBCoreTable,
  tally: DBCoreTable,
  req: ListWriteRequest,
  before: Map<unknown, ActionItemListRecord>,
  res: DBCoreMutateResponse,
): Promise<DBCoreMutateResponse> {
  const changes = new OpenItemTallyChanges();
  // Lists in request order, each replacing what the previous write of the same key left (a bulkPut may
  // name a key twice); a list IndexedDB refused changed nothing. Every item of the old list goes and
  // every item of the new one comes: an item left as it was nets out.
  const latest = before;
  requestKeys(lists, req).forEach((key, i) => {
    if (res.failures[i] !== undefined) return;
    const after: ActionItemListRecord | undefined = req.type === 'delete' ? undefined : req.values[i];
    for (const item of itemsOfList(latest.get(key))) changes.replace(item, undefined);
    for (const item of itemsOfList(after)) changes.replace(undefined, item);
    if (after) latest.set(key, after);
    else latest.delete(key);
  });
  const keys = changes.relationshipKeys();
  if (keys.length === 0) return Dexie.Promise.resolve(res);
  const { trans } = req;
  return tally.getMany({ trans, keys }).then((rows: (OpenItemTallyRecord | undefined)[]) => {
    const changed: OpenItemTallyRecord[] = [];
    const emptied: string[] = [];
    for (const [i, relationshipKey] of keys.entries()) {
      const dues = changes.apply(relationshipKey, rows[i]?.dues ?? []);
      if (!dues) return rebuild(lists, tally, trans).then(() => res);
      if (dues.length > 0) changed.push({ relationshipKey, dues });
      else emptied.push(relationshipKey);
    }
    // A relationship with no open item left has no row, so that "delete all" and a tally rebuilt from
    // scratch look the same.
    return putTallyRows(tally, trans, changed)
      .then(() => deleteTallyRows(tally, trans, emptied))
      .then(() => res);
  });
}

// No request for nothing: an empty write would still tell liveQuery that the tally changed.
function putTallyRows(
  tally: DBCoreTable,
  trans: DBCoreTransaction,
  rows: OpenItemTallyRecord[],
): Promise<void> {
  if (rows.length === 0) return Dexie.Promise.resolve();
  return tally.mutate({ trans, type: 'put', values: rows }).then(throwOnFailure);
}

function deleteTallyRows(tally: DBCoreTable, trans: DBCoreTransaction, keys: string[]): Promise<void> {
  if (keys.length === 0) return Dexie.Promise.resolve();
  return tally.mutate({ trans, type: 'delete', keys }).then(throwOnFailure);
}

/** A tally write that IndexedDB refused must fail the whole write, or the tally would drift. */
function throwOnFailure(res: DBCoreMutateResponse): void {
  if (res.numFailures > 0) throw Object.values(res.failures)[0];
}
