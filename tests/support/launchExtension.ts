import { resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';

/** The production build the tests and the demo load, as a user would with "Load unpacked". */
export const EXTENSION_PATH = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Starts Debian's Chromium with the built extension. Extensions load only in a persistent context
 * with both extension flags; the other flags keep a headless run off the (absent) network.
 */
export async function launchWithExtension(options: { headless: boolean; userDataDir?: string }) {
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
