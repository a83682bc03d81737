import type { BrowserContext, Page } from '@playwright/test';
import { bundleInPage } from './bundleInPage';
import { type Figure, figure } from './figures';
import type { RenderMarks, SeedTable } from './inpage/types';
import { launchBenchBrowser, sleep } from './launch';
import { generateSeed, type SeedData } from './seed';
import { max, median, p95 } from './stats';

const OPEN_REPEATS = 10;
const QUERY_REPEATS = 30;
const AUTOSAVE_TRIALS = 30;
const ABRUPT_CLOSES = 100;
/** An export and an import of the 10-year file take a few seconds each, so three rounds give a median. */
const BACKUP_REPEATS = 3;
/** A brisk typist: one key every 60 ms within a burst. */
const KEY_INTERVAL_MS = 60;
/** Restores into an empty database, each between two floors: a few seconds each since v4. */
const RESTORE_REPEATS = 3;

async function seedDatabase(host: Page, seed: SeedData, log: (line: string) => void): Promise<void> {
  const tables: [SeedTable, unknown[], number][] = [
    ['relationships', seed.relationships, 50],
    ['meetings', seed.meetings, 5000],
    ['preps', seed.preps, 5000],
    ['actionItems', seed.actionItems, 10000],
  ];
  for (const [table, rows, chunk] of tables) {
    for (let from = 0; from < rows.length; from += chunk) {
      const part = JSON.stringify(rows.slice(from, from + chunk));
      await host.evaluate(
        ([name, batch]) => {
          const harness = window.fourpsBench;
          if (!harness) throw new Error('extension harness missing');
          return harness.seed(name, batch);
        },
        [table, part] as const,
      );
    }
  }
  const counts = await host.evaluate(() => {
    const harness = window.fourpsBench;
    if (!harness) throw new Error('extension harness missing');
    return harness.counts();
  });
  log(`seeded: ${JSON.stringify(counts)}`);
}

/**
 * Opens an extension page in a new tab and returns when (ms after navigation start) each mark appeared.
 * A page that does not get there in 20 s counts as not rendered (NaN), with what it showed logged.
 */
async function timeOpen(
  context: BrowserContext,
  probe: string,
  url: string,
  marks: (keyof RenderMarks)[],
  log: (line: string) => void,
  expectText?: string,
): Promise<RenderMarks> {
  const page = await context.newPage();
  try {
    if (expectText !== undefined) {
      await page.addInitScript((text) => {
        window.fourpsExpectText = text;
      }, expectText);
    }
    await page.addInitScript(probe);
    // The probe announces its marks on the console; nothing is evaluated in the page until they are in.
    const rendered = page.waitForEvent('console', {
      predicate: (message) => {
        const [tag, ...set] = message.text().split(' ');
        return tag === 'fourps-render-marks' && marks.every((mark) => set.includes(mark));
      },
      timeout: 20_000,
    });
    await page.goto(url);
    await rendered;
    return await page.evaluate(() => ({ ...window.fourpsRenderMarks }));
  } catch (error) {
    const shown = await page
      .evaluate(() => ({
        marks: window.fourpsRenderMarks,
        text: (document.body.textContent ?? '').slice(0, 200),
      }))
      .catch(() => undefined);
    log(
      `  ${url} did not render in time (${String(error).split('\n')[0]}); it showed ${JSON.stringify(shown)}`,
    );
    return {};
  } finally {
    await page.close();
  }
}

async function openTimes(
  context: BrowserContext,
  probe: string,
  url: string,
  marks: (keyof RenderMarks)[],
  log: (line: string) => void,
  expectText?: string,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < OPEN_REPEATS; i++) {
    const result = await timeOpen(context, probe, url, marks, log, expectText);
    times.push(Math.max(...marks.map((mark) => result[mark] ?? Number.POSITIVE_INFINITY)));
  }
  return times;
}

/** Focuses the first empty answer box of an open prep page and returns its question id. */
async function focusEmptyAnswer(page: Page): Promise<string> {
  const questionId = await page.evaluate(() => {
    const fields = [...document.querySelectorAll<HTMLTextAreaElement>('textarea[data-question-id]')];
    return fields.find((field) => field.value === '')?.dataset.questionId;
  });
  if (!questionId) throw new Error('The prep page has no empty answer box.');
  await page.locator(`textarea[data-question-id="${questionId}"]`).click();
  return questionId;
}

async function autosaveLatencies(
  context: BrowserContext,
  host: Page,
  probe: string,
  prepUrl: string,
  meetingId: string,
): Promise<number[]> {
  const page = await context.newPage();
  await page.addInitScript(probe);
  await page.goto(prepUrl);
  await page.waitForFunction(() => window.fourpsRenderMarks?.answerShown !== undefined);
  const questionId = await focusEmptyAnswer(page);
  await page.evaluate(() => {
    const stamps: number[] = [];
    window.fourpsKeydowns = stamps;
    document.addEventListener('keydown', () => stamps.push(performance.timeOrigin + performance.now()), true);
  });
  const latencies: number[] = [];
  let typed = '';
  for (let trial = 0; trial < AUTOSAVE_TRIALS; trial++) {
    const burst = 'abcde'.slice(0, 1 + (trial % 5));
    typed += burst;
    const durable = host.evaluate(
      ([m, q, expected]) => {
        const harness = window.fourpsBench;
        if (!harness) throw new Error('extension harness missing');
        return harness.waitForAnswer(m, q, expected, 5000);
      },
      [meetingId, questionId, typed] as const,
    );
    for (const key of burst) {
      await page.keyboard.type(key);
      await sleep(KEY_INTERVAL_MS);
    }
    const durableAt = await durable;
    const lastKey = await page.evaluate(() => window.fourpsKeydowns?.at(-1) ?? Number.NaN);
    latencies.push(durableAt === null ? Number.POSITIVE_INFINITY : durableAt - lastKey);
    await sleep(150);
  }
  await page.close();
  return latencies;
}

interface CloseOutcome {
  typedKeys: number;
  lostKeys: number;
  lostCloses: number;
}

/** Types into a prep page and closes the tab at once, 100 times; then counts what reached the database. */
async function abruptCloses(
  context: BrowserContext,
  host: Page,
  probe: string,
  base: string,
  meetingIds: string[],
): Promise<CloseOutcome> {
  const typed: { meetingId: string; questionId: string; text: string }[] = [];
  for (const [i, meetingId] of meetingIds.slice(0, ABRUPT_CLOSES).entries()) {
    const page = await context.newPage();
    await page.addInitScript(probe);
    await page.goto(`${base}/prep.html?meeting=${encodeURIComponent(meetingId)}`);
    await page.waitForFunction(() => window.fourpsRenderMarks?.answerShown !== undefined);
    const questionId = await focusEmptyAnswer(page);
    const text = `close ${String(i).padStart(3, '0')}`;
    await page.keyboard.type(text);
    await page.close();
    typed.push({ meetingId, questionId, text });
  }
  await sleep(1000);
  const outcome: CloseOutcome = { typedKeys: 0, lostKeys: 0, lostCloses: 0 };
  for (const { meetingId, questionId, text } of typed) {
    const stored = await host.evaluate(
      ([m, q]) => {
        const harness = window.fourpsBench;
        if (!harness) throw new Error('extension harness missing');
        return harness.readAnswer(m, q);
      },
      [meetingId, questionId] as const,
    );
    const kept = stored !== undefined && text.startsWith(stored) ? stored.length : 0;
    outcome.typedKeys += text.length;
    outcome.lostKeys += text.length - kept;
    if (kept < text.length) outcome.lostCloses++;
  }
  return outcome;
}

/** Popup, side panel and prep page at scale, the three queries, autosave and backup: one browser. */
export async function databaseScenarios(log: (line: string) => void): Promise<Figure[]> {
  const seed = generateSeed(Date.now());
  const harness = await bundleInPage('extensionHarness');
  const probe = await bundleInPage('renderProbe');
  const { context, extensionId } = await launchBenchBrowser();
  const base = `chrome-extension://${extensionId}`;
  const figures: Figure[] = [];
  try {
    // The prep page without a meeting renders a notice and opens no database: a quiet host for the harness.
    const host = await context.newPage();
    await host.goto(`${base}/prep.html`);
    await host.evaluate(harness);
    log('seeding 10 years of data…');
    await seedDatabase(host, seed, log);
    // Let the service worker's debounced reaction to the writes and IndexedDB's own compaction pass.
    await sleep(5000);

    log('queries…');
    const queries = await host.evaluate(
      (options) => {
        const h = window.fourpsBench;
        if (!h) throw new Error('extension harness missing');
        return h.timeQueries(options);
      },
      { repeats: QUERY_REPEATS, now: Date.now(), meetingId: seed.upcomingMeetingId },
    );
    const queryFigure = (measure: string, values: number[], rows: string) =>
      figure({
        scenario: 'queries',
        measure,
        value: median(values),
        unit: 'ms',
        stat: `median of ${values.length}`,
        budget: { max: 5, text: 'median ≤ 5 ms' },
        note: `p95 ${p95(values).toFixed(2)} ms; ${rows}`,
      });
    figures.push(
      queryFigure(
        'upcoming mentoring meetings (next 14 days)',
        queries.upcoming,
        `${queries.rows.upcoming} rows`,
      ),
      queryFigure(
        'open action items, all relationships (the 8 the popup lists first)',
        queries.openAll,
        `${queries.rows.openAll} rows`,
      ),
      queryFigure(
        'open action items counted, in all and per relationship (the popup’s counts)',
        queries.openCounts,
        `${queries.rows.openCounts} open items; read from the open item tally, a row per relationship`,
      ),
      queryFigure(
        'open action items, one relationship (“last time”)',
        queries.openForRelationship,
        `${queries.rows.openForRelationship} rows`,
      ),
      queryFigure('previous meeting (“last time”)', queries.lastTime, `${queries.rows.lastTime} rows`),
    );

    log('popup, prep page and side panel at scale…');
    const popup = await openTimes(context, probe, `${base}/popup.html`, ['upcomingItem'], log);
    figures.push(
      figure({
        scenario: 'popup at scale',
        measure: 'open → first upcoming item rendered',
        value: median(popup),
        unit: 'ms',
        stat: `median of ${popup.length}`,
        budget: { max: 150, text: 'median ≤ 150 ms' },
        note: `p95 ${p95(popup).toFixed(0)} ms, first ${popup[0]?.toFixed(0)} ms`,
      }),
    );
    const meeting = encodeURIComponent(seed.upcomingMeetingId);
    const storedAnswer = Object.values(
      seed.preps.find((prep) => prep.meetingId === seed.upcomingMeetingId)?.answers ?? {},
    )[0]?.slice(0, 40);
    const pages = [
      {
        name: 'prep page',
        url: `${base}/prep.html?meeting=${meeting}`,
        marks: ['answerShown', 'lastTimeShown'] as (keyof RenderMarks)[],
        content: 'stored answers and “last time”',
      },
      {
        name: 'side panel',
        url: `${base}/sidepanel.html?meeting=${meeting}`,
        marks: ['answerShown'] as (keyof RenderMarks)[],
        content: 'the meeting’s stored prep',
      },
    ];
    for (const { name, url, marks, content } of pages) {
      const times = await openTimes(context, probe, url, marks, log, storedAnswer);
      figures.push(
        figure({
          scenario: 'side panel / prep page at scale',
          measure: `${name}: open → ${content} rendered`,
          value: median(times),
          unit: 'ms',
          stat: `median of ${times.length}`,
          budget: { max: 200, text: 'median ≤ 200 ms' },
          note: `p95 ${p95(times).toFixed(0)} ms`,
        }),
      );
    }

    log(`autosave: ${AUTOSAVE_TRIALS} typing bursts…`);
    const autosave = await autosaveLatencies(
      context,
      host,
      probe,
      `${base}/prep.html?meeting=${meeting}`,
      seed.upcomingMeetingId,
    );
    figures.push(
      figure({
        scenario: 'autosave',
        measure: 'last keystroke of a burst → durable in IndexedDB (read from another page)',
        value: p95(autosave),
        unit: 'ms',
        stat: `p95 of ${autosave.length}`,
        budget: { max: 600, text: 'p95 ≤ 600 ms' },
        note: `median ${median(autosave).toFixed(0)} ms, max ${max(autosave).toFixed(0)} ms (400 ms of it is the debounce)`,
      }),
    );
    log(`autosave: ${ABRUPT_CLOSES} abrupt closes…`);
    const closes = await abruptCloses(context, host, probe, base, seed.closeMeetingIds);
    figures.push(
      figure({
        scenario: 'autosave',
        measure: `keystrokes lost across ${ABRUPT_CLOSES} abrupt closes (tab closed right after typing)`,
        value: closes.lostKeys,
        unit: 'count',
        stat: `${closes.lostCloses} of ${ABRUPT_CLOSES} closes lost text; ${closes.typedKeys} keys typed`,
        budget: { max: 0, text: '0 lost' },
      }),
    );

    log('backup export and import…');
    const exports: number[] = [];
    const imports: number[] = [];
    const validations: number[] = [];
    const reads: number[] = [];
    let bytes = 0;
    let importError: string | undefined;
    for (let i = 0; i < BACKUP_REPEATS; i++) {
      const exported = await host.evaluate(() => {
        const h = window.fourpsBench;
        if (!h) throw new Error('extension harness missing');
        return h.timeExport();
      });
      exports.push(exported.readMs + exported.jsonMs);
      reads.push(exported.readMs);
      bytes = exported.bytes;
      const imported = await host.evaluate(() => {
        const h = window.fourpsBench;
        if (!h) throw new Error('extension harness missing');
        return h.timeImport();
      });
      imports.push(imported.ok ? imported.ms : Number.POSITIVE_INFINITY);
      validations.push(imported.validateMs);
      importError ??= imported.error;
    }
    figures.push(
      figure({
        scenario: 'backup',
        measure: 'export of the 10-year database (read all tables + JSON)',
        value: median(exports) / 1000,
        unit: 's',
        stat: `median of ${exports.length}`,
        budget: { max: 3, text: '≤ 3 s' },
        note: `${(bytes / 1048576).toFixed(1)} MB file; reading the tables ${(median(reads) / 1000).toFixed(1)} s, the rest is JSON`,
      }),
      figure({
        scenario: 'backup',
        measure: 'import of that file (validate + replace, one transaction)',
        value: median(imports) / 1000,
        unit: 's',
        stat: `median of ${imports.length}`,
        budget: { max: 3, text: '≤ 3 s' },
        note: importError
          ? `import refused: ${importError}`
          : `parseBackup alone (JSON + validation) ${(median(validations) / 1000).toFixed(1)} s; the rest reads the 60,050 stored rows and compares them with the file's, which holds the same data, so none is rewritten (into an empty database every record is written: 15,050 of them, action items in one list per meeting)`,
      }),
    );
    // The floor of any restore, interleaved with ours (floor, restore, floor, …): the origin's IndexedDB
    // grows through the run, and each write of the whole database is a little slower than the one before.
    const rawRestore = () =>
      host.evaluate(() => {
        const h = window.fourpsBench;
        if (!h) throw new Error('extension harness missing');
        return h.timeRawRestoreFloor();
      });
    // The restore of a new device or after "delete all": it leaves the database as the file had it.
    const restoreIntoEmpty = () =>
      host.evaluate(() => {
        const h = window.fourpsBench;
        if (!h) throw new Error('extension harness missing');
        return h.timeRestoreIntoEmpty();
      });
    const floors: number[] = [];
    const restores: number[] = [];
    let restoreError: string | undefined;
    for (let i = 0; i < RESTORE_REPEATS; i++) {
      log(`plain IndexedDB floor of a restore, then ours (${i + 1}/${RESTORE_REPEATS})…`);
      floors.push(await rawRestore());
      const restored = await restoreIntoEmpty();
      restores.push(restored.ok ? restored.ms : Number.POSITIVE_INFINITY);
      restoreError ??= restored.ok ? undefined : restored.error;
    }
    floors.push(await rawRestore());
    const floorMs = median(floors);
    const restoreMs = median(restores);
    const seconds = (list: number[]) => list.map((ms) => (ms / 1000).toFixed(2)).join(' s, ');
    figures.push(
      figure({
        scenario: 'backup',
        measure: 'restore of that file into an empty database (a new device)',
        value: restoreMs / 1000,
        unit: 's',
        stat: `median of ${restores.length}`,
        budget: { max: 3, text: '≤ 3 s' },
        note:
          restoreError === undefined
            ? `${seconds(restores)} s; ${(restoreMs / floorMs).toFixed(2)}× the plain IndexedDB floor below`
            : `restore refused: ${restoreError}`,
      }),
      figure({
        scenario: 'backup',
        measure: 'floor: the same records put with plain IndexedDB, same stores and indexes, one transaction',
        value: floorMs / 1000,
        unit: 's',
        stat: `median of ${floors.length} (before, between and after the restores)`,
        note: `${seconds(floors)} s; no Dexie, no validation: what no code of ours can go below with this data layout`,
      }),
    );
    return figures;
  } finally {
    await context.close();
  }
}
