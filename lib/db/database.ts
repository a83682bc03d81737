import Dexie, { type EntityTable } from 'dexie';
import { moveActionItemsIntoLists } from './moveActionItemsIntoLists';
import { OPEN_ITEM_TALLY } from './openItemTally';
import { openItemTallyMiddleware, rebuildOpenItemTally } from './openItemTallyMiddleware';
import type {
  ActionItemListRecord,
  MeetingRecord,
  NotesRecord,
  OpenItemTallyRecord,
  PlanRecord,
  PrepRecord,
  RelationshipRecord,
  SettingRecord,
} from './records';

export const DATABASE_NAME = 'fourps';

/**
 * The one database of the extension. It lives in the extension's origin, so only the background
 * and extension pages may import it: a content script opening it would create a database in
 * calendar.google.com's origin instead (ARCHITECTURE rule 1).
 */
export class FourPsDatabase extends Dexie {
  relationships!: EntityTable<RelationshipRecord, 'id'>;
  meetings!: EntityTable<MeetingRecord, 'id'>;
  preps!: EntityTable<PrepRecord, 'meetingId'>;
  notes!: EntityTable<NotesRecord, 'meetingId'>;
  actionItemLists!: EntityTable<ActionItemListRecord, 'meetingId'>;
  plans!: EntityTable<PlanRecord, 'meetingId'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  openItemTally!: EntityTable<OpenItemTallyRecord, 'relationshipKey'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Only fields that some query filters or sorts on are indexed; the rest is payload. A version's
    // stores are never edited once shipped: a change is a new version, with a fixture in tests/fixtures/db.
    this.version(1).stores({
      relationships: 'id, *partnerEmails',
      meetings: 'id, calendarEventId, seriesId, relationshipId, start, meetCode, [relationshipId+start]',
      preps: 'meetingId',
      notes: 'meetingId',
      actionItems: 'id, relationshipId, meetingId, doneAt, due, [relationshipId+doneAt]',
      plans: 'meetingId',
      settings: 'key',
    });
    // v2: open action items are read in the order they are listed (overdue first, by due date, oldest
    // first on a tie) and counted per relationship from the indexes alone, so the popup reads the 8 rows
    // it shows instead of every open item. Unused single-field indexes go: each costs every write.
    this.version(2).stores({
      relationships: 'id, *partnerEmails',
      meetings: 'id, calendarEventId, seriesId, relationshipId, start, meetCode, [relationshipId+start]',
      preps: 'meetingId',
      notes: 'meetingId',
      actionItems: 'id, meetingId, [doneAt+due+createdAt], [relationshipId+doneAt+due]',
      plans: 'meetingId',
      settings: 'key',
    });
    // v3: the popup's counts of open and overdue items per relationship come from a tally kept beside
    // the items (lib/db/openItemTally.ts): counting in the indexes walked every open item, ~59 ms on a
    // 10-year database in Chromium. Its upgrade built the tally from the item rows; since v4 moved the
    // items into lists, v4's upgrade builds it from there, and this one has nothing left to do.
    this.version(3).stores({
      relationships: 'id, *partnerEmails',
      meetings: 'id, calendarEventId, seriesId, relationshipId, start, meetCode, [relationshipId+start]',
      preps: 'meetingId',
      notes: 'meetingId',
      actionItems: 'id, meetingId, [doneAt+due+createdAt], [relationshipId+doneAt+due]',
      plans: 'meetingId',
      settings: 'key',
      [OPEN_ITEM_TALLY]: 'relationshipKey',
    });
    // v4: action items are stored one list per meeting (ActionItemListRecord in records.ts): a restore of
    // a 10-year database writes 5,000 lists instead of 50,000 rows, each row costing Chromium as much as
    // a list. The open items' order and relationships are multi-entry indexes of the lists. The upgrade
    // moves every item into its meeting's list, then builds the open item tally from the lists.
    this.version(4)
      .stores({
        relationships: 'id, *partnerEmails',
        // No query reads meetings by calendarEventId (a meeting's id is made from it): its index, which
        // every meeting write paid for, goes.
        meetings: 'id, seriesId, relationshipId, start, meetCode, [relationshipId+start]',
        preps: 'meetingId',
        notes: 'meetingId',
        actionItems: null,
        actionItemLists: 'meetingId, *openOrder, *openRelationships',
        plans: 'meetingId',
        settings: 'key',
        [OPEN_ITEM_TALLY]: 'relationshipKey',
      })
      .upgrade((transaction) =>
        moveActionItemsIntoLists(transaction.idbtrans).then(() =>
          rebuildOpenItemTally(transaction.db.core, transaction.idbtrans),
        ),
      );
    // Keeps the tally exact in every transaction that writes action item lists, however they are written.
    this.use(openItemTallyMiddleware);
  }
}

/**
 * Tables derived from others and rebuilt from them, never entered by the user: backups leave them out
 * (lib/backup/backupFormat.ts lists the tables a backup holds), "delete all data" empties them too.
 */
export const DERIVED_TABLE_NAMES: readonly string[] = [OPEN_ITEM_TALLY];

export const db = new FourPsDatabase();
