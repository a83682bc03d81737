export const PANEL_BUTTON_TESTID = 'fourps-meet-panel-button';

/** A small floating "Four Ps" button; its click is the user gesture the side panel needs to open. */
export function createPanelButton(doc: Document, onClick: () => void): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.dataset.testid = PANEL_BUTTON_TESTID;
  button.textContent = 'Four Ps';
  button.title = 'Open your mentoring prep and notes in the side panel';
  button.style.cssText =
    'position:fixed;left:16px;bottom:88px;z-index:2147483000;padding:6px 12px;border-radius:16px;' +
    'border:0;background:#1a73e8;color:#fff;font:500 13px/18px system-ui,sans-serif;cursor:pointer;' +
    'box-shadow:0 2px 6px rgba(0,0,0,.3)';
  button.addEventListener('click', onClick);
  return button;
}
