/**
 * Runs in the calendar page's main world (bundled to one script and evaluated there). It plays the part
 * of Google Calendar: attaches and removes the details dialog, switches weeks, re-renders chips. The
 * content script runs in an isolated world but shares this DOM, so its work is seen from here.
 */
import { seededRandom } from './random';
import type {
  CalendarHarness,
  InjectionOptions,
  InjectionResult,
  SessionOptions,
  SessionResult,
} from './types';
import {
  CHIPS_PER_WEEK,
  chipHtml,
  DENSE_MENTORING,
  dialogHtml,
  isMentoringChip,
  weekGridHtml,
} from './weekGrid';

const PREP_BUTTON = '[data-testid="fourps-prep-button"]';
const CHIP = '[data-eventchip][data-eventid]';
const CHIP_MUTATIONS_PER_FRAME = 10;
/** Longer than the content script's background-tab fallback timer (pageWatcher.ts, 200 ms). */
const QUIET_MS = 220;

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Waits for the next frame, then continues in a task of its own, as Calendar's handlers would run. */
async function afterFrame(): Promise<void> {
  await nextFrame();
  await sleep(0);
}

function elementFrom(html: string): Element {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  const element = holder.firstElementChild;
  if (!element) throw new Error('The markup made no element.');
  return element;
}

const mentoringIndexesOf = (every: number) =>
  Array.from({ length: CHIPS_PER_WEEK }, (_, index) => index).filter((index) =>
    isMentoringChip(index, every),
  );
const mentoringIndexes = mentoringIndexesOf(DENSE_MENTORING);

interface Opening {
  latency: number;
  inFrame: number;
  presentAtFirstLayout: boolean;
}

/**
 * Attaches one dialog and resolves once the prep button is in it and the dialog has been laid out.
 * The first ResizeObserver callback runs in the rendering step right after the frame's animation-frame
 * callbacks and before paint: the button being there then means it appears in the dialog's first frame.
 */
function openOnce(container: Element, timeoutMs: number): Promise<Opening | null> {
  const dialog = container.querySelector('[role="dialog"]') ?? container;
  return new Promise((resolve) => {
    let buttonAt: number | undefined;
    let frameStart: number | undefined;
    let firstLayout: boolean | undefined;
    const settle = () => {
      if (buttonAt === undefined || firstLayout === undefined) return;
      stop();
      resolve({
        latency: buttonAt - attachedAt,
        inFrame: frameStart === undefined ? Number.NaN : buttonAt - frameStart,
        presentAtFirstLayout: firstLayout,
      });
    };
    const mutations = new MutationObserver(() => {
      if (buttonAt === undefined && dialog.querySelector(PREP_BUTTON)) {
        buttonAt = performance.now();
        settle();
      }
    });
    const layout = new ResizeObserver(() => {
      if (firstLayout !== undefined) return;
      firstLayout = dialog.querySelector(PREP_BUTTON) !== null;
      settle();
    });
    const timer = setTimeout(() => {
      stop();
      resolve(null);
    }, timeoutMs);
    const stop = () => {
      mutations.disconnect();
      layout.disconnect();
      clearTimeout(timer);
    };
    mutations.observe(dialog, { childList: true, subtree: true });
    const attachedAt = performance.now();
    document.body.append(container);
    // Registered before the content script's own frame callback (which it requests from its observer,
    // after this task), so this runs first in the same frame and marks the frame's start.
    requestAnimationFrame(() => {
      frameStart = performance.now();
    });
    layout.observe(dialog);
  });
}

async function frameInterval(): Promise<number> {
  const stamps: number[] = [];
  for (let i = 0; i < 31; i++) stamps.push(await nextFrame());
  const gaps = stamps
    .slice(1)
    .map((stamp, i) => stamp - (stamps[i] ?? stamp))
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? Number.NaN;
}

async function runInjection(options: InjectionOptions): Promise<InjectionResult> {
  const random = seededRandom(options.seed);
  const result: InjectionResult = {
    latencies: [],
    inFrame: [],
    presentAtFirstLayout: 0,
    missed: 0,
    frameIntervalMs: await frameInterval(),
  };
  for (let i = 0; i < options.openings; i++) {
    const index = mentoringIndexes[i % mentoringIndexes.length] ?? 0;
    const container = elementFrom(dialogHtml(options.dialogTemplate, 0, index));
    const opening = await openOnce(container, options.timeoutMs);
    container.remove();
    if (opening) {
      result.latencies.push(opening.latency);
      result.inFrame.push(opening.inFrame);
      if (opening.presentAtFirstLayout) result.presentAtFirstLayout++;
    } else result.missed++;
    // People open dialogs seconds apart: wait out the content script's 200 ms fallback timer, so that
    // none could run the next opening's batch early and flatter the figure (the page clears it when the
    // frame runs the batch); the random part spreads attaching over the frame.
    await afterFrame();
    await sleep(QUIET_MS + random() * 17);
  }
  return result;
}

/**
 * The scripted session: for each week, replace the whole grid (300 chips, one in `mentoringEvery` a
 * mentoring meeting), open and close one details dialog of a mentoring meeting, then re-render chips
 * ten per frame. Identical in every variant, so differences in the
 * page's script time are the extension's (or the naive baseline's).
 */
async function runSession(options: SessionOptions): Promise<SessionResult> {
  const random = seededRandom(options.seed);
  const every = options.mentoringEvery;
  const sessionMentoring = mentoringIndexesOf(every);
  const main = document.querySelector('[role="main"]');
  if (!main) throw new Error('The calendar page has no main area.');
  const startedAt = performance.now();
  let frames = 0;
  let chipMutations = 0;
  let dialogsOpened = 0;
  let revision = 0;
  const tick = async () => {
    await afterFrame();
    frames++;
  };
  for (let week = 1; week <= options.weeks; week++) {
    main.innerHTML = weekGridHtml(week, CHIPS_PER_WEEK, every);
    await tick();
    const opensThisWeek = Math.round((week * options.dialogs) / options.weeks) - dialogsOpened;
    for (let d = 0; d < opensThisWeek; d++) {
      const index = sessionMentoring[Math.floor(random() * sessionMentoring.length)] ?? 0;
      const container = elementFrom(dialogHtml(options.dialogTemplate, week, index, every));
      document.body.append(container);
      dialogsOpened++;
      await tick();
      await tick();
      container.remove();
      await tick();
    }
    const chips = [...main.querySelectorAll(CHIP)];
    const target = Math.round((week * options.chipMutations) / options.weeks);
    while (chipMutations < target) {
      for (let k = 0; k < CHIP_MUTATIONS_PER_FRAME && chipMutations < target; k++) {
        const index = Math.floor(random() * chips.length);
        const old = chips[index];
        if (!old) continue;
        const fresh = elementFrom(chipHtml(week, index, ++revision, every));
        old.replaceWith(fresh);
        chips[index] = fresh;
        chipMutations++;
      }
      await tick();
    }
  }
  return { frames, durationMs: performance.now() - startedAt, chipMutations, dialogsOpened };
}

const harness: CalendarHarness = {
  runInjection,
  runSession,
  countBadges: () => document.querySelectorAll('[data-testid="fourps-chip-badge"]').length,
};
window.fourpsCalendarBench = harness;
