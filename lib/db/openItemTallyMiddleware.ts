/**
 * Keeps the open item tally (lib/db/openItemTally.ts) exact: every write to `actionItems` also writes
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
import type { OpenItemTallyRecord } from './records';

const ACTION_ITEMS = 'actionItems';

/**
 * Above this many rows, a put or delete rebuilds the tally from the open rows (one indexed read, ~25 ms
 * for the ~2,000 open items of a 10-year database in Chromium) instead of reading each old row (one
 * request each): a 50,000-row backup import must not read row by row. 200 is the chunk Dexie's `modify`
 * writes, whose old rows Dexie has just read and serves again from its transaction cache, so an update
 * of many items stays incremental at no extra read.
 */
const LARGEST_INCREMENTAL_WRITE = 200;

/** The index whose leading `doneAt` finds the open rows (doneAt = 0) without reading the done ones. */
const OPEN_ITEMS_INDEX = ['doneAt', 'due', 'createdAt'];

// Dexie declares DBCoreRangeType as a const enum, which isolated modules cannot import as values.
const RANGE = 2 as DBCoreRangeType.Range;
const ANY = 3 as DBCoreRangeType.Any;
const OPEN_ITEMS_RANGE: DBCoreKeyRange = {
  type: RANGE,
  lower: [0, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY],
  upper: [0, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
};
const EVERY_KEY: DBCoreKeyRange = { type: ANY, lower: undefined, upper: undefined };

export const openItemTallyMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'OpenItemTally',
  create(down) {
    // While an upgrade runs the versions before 3, the store does not exist yet: v3's upgrade builds it.
    if (!down.schema.tables.some((table) => table.name === OPEN_ITEM_TALLY)) return {};
    return {
      transaction(stores, mode, options) {
        // Every transaction that may write action items may write the tally too (as Dexie Cloud adds
        // its mutation tables); reads never need it added.
        const writesActionItems =
          mode === 'readwrite' && stores.includes(ACTION_ITEMS) && !stores.includes(OPEN_ITEM_TALLY);
        return down.transaction(writesActionItems ? [...stores, OPEN_ITEM_TALLY] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return name === ACTION_ITEMS ? tallyKeepingTable(table, down.table(OPEN_ITEM_TALLY)) : table;
      },
    };
  },
};

/**
 * Rebuilds the whole tally from the open rows, in `trans`. The v3 upgrade builds it this way, and writes
 * too large to follow row by row end with it.
 */
export function rebuildOpenItemTally(core: DBCore, trans: DBCoreTransaction): Promise<void> {
  return rebuild(core.table(ACTION_ITEMS), core.table(OPEN_ITEM_TALLY), trans);
}

function rebuild(actionItems: DBCoreTable, tally: DBCoreTable, trans: DBCoreTransaction): Promise<void> {
  const index = actionItems.schema.getIndexByKeyPath(OPEN_ITEMS_INDEX);
  if (!index) throw new Error(`actionItems has no [${OPEN_ITEMS_INDEX.join('+')}] index to find open items.`);
  return actionItems
    .query({ trans, values: true, query: { index, range: OPEN_ITEMS_RANGE } })
    .then(({ result }) => {
      const rows = tallyOpenItems(result as TalliedItem[]);
      return tally
        .mutate({ trans, type: 'deleteRange', range: EVERY_KEY })
        .then(() => putTallyRows(tally, trans, rows));
    });
}

function tallyKeepingTable(actionItems: DBCoreTable, tally: DBCoreTable): DBCoreTable {
  return {
    ...actionItems,
    mutate(req) {
      const written =
        req.type === 'deleteRange' || !followsRowByRow(req)
          ? actionItems.mutate(req).then((res) => rebuild(actionItems, tally, req.trans).then(() => res))
          : oldRows(actionItems, req).then((before) =>
              actionItems.mutate(req).then((res) => updateTally(actionItems, tally, req, before, res)),
            );
      // A write that failed part-way (a row IndexedDB refused while others went in, and the caller went on
      // in the transaction) leaves rows no one can name: rebuild, if the transaction still lives.
      return written.catch((error: unknown) =>
        rebuild(actionItems, tally, req.trans).then(
          () => Dexie.Promise.reject(error),
          () => Dexie.Promise.reject(error),
        ),
      );
    },
  };
}

/** Adds, deletes and puts: the writes that name their rows. */
type RowWriteRequest = Exclude<DBCoreMutateRequest, DBCoreDeleteRangeRequest>;

/** Adds read nothing old; puts and deletes of up to LARGEST_INCREMENTAL_WRITE rows read their old rows. */
function followsRowByRow(req: RowWriteRequest): boolean {
  if (req.type === 'add') return true;
  return (req.type === 'delete' ? req.keys : req.values).length <= LARGEST_INCREMENTAL_WRITE;
}

/** The primary key of each row a request writes or deletes, in request order. */
function requestKeys(actionItems: DBCoreTable, req: RowWriteRequest): unknown[] {
  if (req.type === 'delete') return req.keys;
  const extractKey = actionItems.schema.primaryKey.extractKey;
  return req.keys ?? req.values.map((value) => extractKey?.(value));
}

/** The stored rows a put or delete replaces, by key; an add replaces nothing (it fails on an existing key). */
function oldRows(actionItems: DBCoreTable, req: RowWriteRequest): Promise<Map<unknown, TalliedItem>> {
  if (req.type === 'add') return Dexie.Promise.resolve(new Map());
  const keys = requestKeys(actionItems, req);
  // 'immutable' shares Dexie's per-transaction cache, as Dexie's own hooks layer does: `modify` has just
  // read these very rows, and the observability layer can reuse them to tell liveQuery which index
  // ranges changed.
  return actionItems
    .getMany({ trans: req.trans, keys, cache: 'immutable' })
    .then((rows: (TalliedItem | undefined)[]) => {
      const byKey = new Map<unknown, TalliedItem>();
      keys.forEach((key, i) => {
        const row = rows[i];
        if (row) byKey.set(key, row);
      });
      return byKey;
    });
}

/** After a write of named rows: the tally rows of the relationships whose open items changed. */
function updateTally(
  actionItems: DBCoreTable,
  tally: DBCoreTable,
  req: RowWriteRequest,
  before: Map<unknown, TalliedItem>,
  res: DBCoreMutateResponse,
): Promise<DBCoreMutateResponse> {
  const changes = new OpenItemTallyChanges();
  // Rows in request order, each replacing what the previous write of the same key left (a bulkPut may
  // name a key twice); a row IndexedDB refused changed nothing.
  const latest = before;
  requestKeys(actionItems, req).forEach((key, i) => {
    if (res.failures[i] !== undefined) return;
    const after: TalliedItem | undefined = req.type === 'delete' ? undefined : req.values[i];
    changes.replace(latest.get(key), after);
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
      if (!dues) return rebuild(actionItems, tally, trans).then(() => res);
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
