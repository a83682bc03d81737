import type { Worker } from '@playwright/test';

/**
 * How many side panels of the extension are open, asked of its service worker: an open side panel is
 * not among Playwright's pages, but Chrome lists it as a SIDE_PANEL context.
 */
export async function openSidePanels(serviceWorker: Worker): Promise<number> {
  return serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> } };
    };
    return (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length;
  });
}
