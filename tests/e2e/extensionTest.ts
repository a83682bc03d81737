import { type BrowserContext, test as base, type Worker } from '@playwright/test';
import { launchWithExtension } from '../support/launchExtension';
import { refuseOtherHosts } from '../support/routeFixtures';

interface ExtensionOptions {
  /** Keep Playwright's own Chromium feature flags (third-party storage partitioning off). */
  playwrightDefaults: boolean;
}

interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Errors the host page itself reports (window.onerror / unhandled rejections in the main world). */
  hostPageErrors: string[];
}

/**
 * Each test gets a fresh Chromium profile with the built extension loaded, so no test sees another's
 * data, and every request outside the Google fixture hosts is refused.
 */
export const test = base.extend<ExtensionFixtures & ExtensionOptions>({
  playwrightDefaults: [false, { option: true }],
  context: async ({ playwrightDefaults }, use) => {
    const { context } = await launchWithExtension({ headless: true, playwrightDefaults });
    await refuseOtherHosts(context);
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    const [worker] = context.serviceWorkers();
    await use(worker ?? (await context.waitForEvent('serviceworker')));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  hostPageErrors: async ({ context }, use) => {
    const errors: string[] = [];
    await context.exposeBinding('__fourpsReportHostError', (_source, message: string) => {
      errors.push(message);
    });
    await context.addInitScript(() => {
      const report = (window as unknown as { __fourpsReportHostError: (m: string) => void })
        .__fourpsReportHostError;
      window.addEventListener('error', (event) => report(String(event.message)));
      window.addEventListener('unhandledrejection', (event) => report(String(event.reason)));
    });
    await use(errors);
  },
  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },
});

export { expect } from '@playwright/test';
