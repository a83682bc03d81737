import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/** Where `npm run bench` builds, so it never collides with the tests' or another build's output. */
export const BENCH_OUT_DIR = '.output-bench';

/**
 * Starts Chromium with the benchmark's build, through the tests' own launcher (same flags as the tests).
 * The launcher reads FOURPS_OUT_DIR when it is first imported, hence the late import.
 */
export async function launchBenchBrowser() {
  process.env.FOURPS_OUT_DIR = BENCH_OUT_DIR;
  const { launchWithExtension } = await import('../tests/support/launchExtension');
  return launchWithExtension({ headless: true });
}

export async function chromiumVersion(): Promise<string> {
  const { CHROMIUM_PATH } = await import('../tests/support/launchExtension');
  const { execFileSync } = await import('node:child_process');
  return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function performanceMetrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await session.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

/** The V8 heap in use by the page's renderer after a full garbage collection (bytes). */
export async function heapAfterGc(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return usedSize;
}

/** A page that has been cleanly set up, with a CDP session on it. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { page, cdp };
}
