import { resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';

/** The production build the tests and the demo load, as a user would with "Load unpacked". */
export const EXTENSION_PATH = resolve(
  import.meta.dirname,
  '../..',
  process.env.FOURPS_OUT_DIR ?? '.output',
  'chrome-mv3',
);
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Playwright turns off third-party storage partitioning, which shipping Chrome has on. Without it,
 * Chromium denies IndexedDB to the prep page framed by the calendar, so by default we switch it back
 * on to test what users run. The last `--disable-features` flag wins, so this list replaces
 * Playwright's; it keeps the entries that stop Chromium from reaching for the network.
 */
const CHROME_LIKE_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

/**
 * Starts Debian's Chromium with the built extension. Extensions load only in a persistent context
 * with both extension flags; the other flags keep a headless run off the (absent) network.
 * `playwrightDefaults` keeps Playwright's own feature flags (storage partitioning off), to test the
 * prep page's fallback for browsers that refuse it storage in a frame.
 */
export async function launchWithExtension(options: {
  headless: boolean;
  userDataDir?: string;
  playwrightDefaults?: boolean;
}) {
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: CHROMIUM_PATH,
    headless: options.headless,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_PATH}`,
      `--load-extension=${EXTENSION_PATH}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.playwrightDefaults
        ? []
        : [`--disable-features=${CHROME_LIKE_DISABLED_FEATURES.join(',')}`]),
    ],
  });
  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const [running] = context.serviceWorkers();
  return running ?? context.waitForEvent('serviceworker');
}
