import type { Worker } from '@playwright/test';
import { expect, test } from './extensionTest';

/** The toolbar popup opens the side panel (the click is the user gesture Chrome requires). */
async function openSidePanels(serviceWorker: Worker): Promise<number> {
  return serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> } };
    };
    return (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length;
  });
}

test('the popup’s "Side panel" button opens the side panel of the window', async ({
  context,
  extensionId,
  serviceWorker,
}) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  expect(await openSidePanels(serviceWorker)).toBe(0);
  await popup.getByTestId('fourps-open-side-panel').click();
  await expect.poll(() => openSidePanels(serviceWorker)).toBe(1);
});
