/**
 * What the in-page harnesses expose on `window`, shared by the code that runs in the pages and the
 * Node side that calls them through Playwright.
 */

export interface InjectionOptions {
  openings: number;
  dialogTemplate: string;
  seed: number;
  /** Give up on one opening after this long (counted as a miss). */
  timeoutMs: number;
}

export interface InjectionResult {
  /** Per opening: from the dialog being attached to the prep button being in it (ms). */
  latencies: number[];
  /** Per opening: from the start of the first animation frame after attaching to the button (ms). */
  inFrame: number[];
  /** Openings whose button was already there when the dialog was first laid out (before its first paint). */
  presentAtFirstLayout: number;
  /** Openings whose button never came within the timeout. */
  missed: number;
  /** Median interval between animation frames during the run (ms), to read the latencies against. */
  frameIntervalMs: number;
}

export interface SessionOptions {
  weeks: number;
  /** One chip in this many is a mentoring meeting (bench/inpage/weekGrid.ts). */
  mentoringEvery: number;
  dialogs: number;
  chipMutations: number;
  dialogTemplate: string;
  seed: number;
}

export interface SessionResult {
  frames: number;
  durationMs: number;
  chipMutations: number;
  dialogsOpened: number;
}

export interface CalendarHarness {
  runInjection(options: InjectionOptions): Promise<InjectionResult>;
  runSession(options: SessionOptions): Promise<SessionResult>;
  countBadges(): number;
}

export type SeedTable = 'relationships' | 'meetings' | 'preps' | 'actionItems';

export interface QueryTimings {
  upcoming: number[];
  openAll: number[];
  openCounts: number[];
  openForRelationship: number[];
  lastTime: number[];
  /** Rows each query returned, to show what was timed. */
  rows: {
    upcoming: number;
    openAll: number;
    openCounts: number;
    openForRelationship: number;
    lastTime: number;
  };
}

export interface ExportTiming {
  /** Reading every table in one transaction (exportBackup). */
  readMs: number;
  /** Serialising to the indented JSON file (backupToJson). */
  jsonMs: number;
  bytes: number;
}

export interface ImportTiming {
  /** The whole importBackup(file, 'replace'): parse and validate, count, clear, write. */
  ms: number;
  /** parseBackup alone (JSON.parse, hostile-key scan, zod validation of every row). */
  validateMs: number;
  ok: boolean;
  error?: string;
}

export interface ExtensionHarness {
  seed(table: SeedTable, json: string): Promise<number>;
  counts(): Promise<Record<string, number>>;
  timeQueries(options: { repeats: number; now: number; meetingId: string }): Promise<QueryTimings>;
  timeExport(): Promise<ExportTiming>;
  /** Imports the file of the last timeExport() in `replace` mode. */
  timeImport(): Promise<ImportTiming>;
  /** Empties every table, then imports the file of the last timeExport(): a restore on a new device. */
  timeRestoreIntoEmpty(): Promise<ImportTiming>;
  /** Puts the rows of the last timeExport() with plain IndexedDB into a scratch database: the floor (ms). */
  timeRawRestoreFloor(): Promise<number>;
  /** Resolves with the wall-clock time (ms, sub-ms precision) at which the answer first equals `expected`. */
  waitForAnswer(
    meetingId: string,
    questionId: string,
    expected: string,
    timeoutMs: number,
  ): Promise<number | null>;
  readAnswer(meetingId: string, questionId: string): Promise<string | undefined>;
}

/** Times recorded in an extension page by the render probe (ms since the page's time origin). */
export interface RenderMarks {
  upcomingItem?: number;
  answerShown?: number;
  lastTimeShown?: number;
}

declare global {
  interface Window {
    fourpsCalendarBench?: CalendarHarness;
    fourpsBench?: ExtensionHarness;
    fourpsRenderMarks?: RenderMarks;
    /** The beginning of a stored answer, for the render probe to recognise it shown as text. */
    fourpsExpectText?: string;
    /** Wall-clock times of keydown events in the prep page (autosave scenario). */
    fourpsKeydowns?: number[];
  }
}
