import { openSidePanels } from '../support/sidePanelContexts';
import { expect, test } from './extensionTest';

/** The toolbar popup opens the side panel (the click is the user gesture Chrome requires). */
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
