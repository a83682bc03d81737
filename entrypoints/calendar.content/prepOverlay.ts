import type { HtmlPublicPath } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi, type IframeContentScriptUi } from 'wxt/utils/content-script-ui/iframe';

import { CLOSE_PREP_MESSAGE, prepPagePath } from '@/lib/prepPage';

export const PREP_OVERLAY_TESTID = 'fourps-prep-overlay';

/**
 * The prep page over the calendar: an extension page in an iframe, so the form and the database
 * stay in the extension's origin. Esc or the page's close button closes it; focus may not wander
 * to the calendar behind it while it is open.
 */
export class PrepOverlay {
  private ui: IframeContentScriptUi<void> | undefined;
  /** Where keyboard focus was before the overlay opened, to give it back on close (WCAG 2.4.3). */
  private focusBefore: HTMLElement | null = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly onClosed: () => void,
  ) {}

  get isOpen(): boolean {
    return this.ui !== undefined;
  }

  open(meetingId: string): void {
    this.close();
    this.focusBefore = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const page = prepPagePath(meetingId, true) as HtmlPublicPath;
    const ui = createIframeUi(this.ctx, {
      page,
      position: 'modal',
      zIndex: 2147483000,
      onMount: (wrapper, iframe) => {
        wrapper.dataset.testid = PREP_OVERLAY_TESTID;
        wrapper.style.cssText += ';background:rgba(32,33,36,0.4)';
        iframe.title = 'Four Ps — mentoring prep';
        iframe.style.cssText =
          'position:fixed;top:32px;left:50%;transform:translateX(-50%);width:min(760px,calc(100vw - 32px));' +
          'height:calc(100vh - 64px);border:0;border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.3);background:#fff';
        iframe.addEventListener('load', () => iframe.focus(), { once: true });
        wrapper.addEventListener('click', (event) => event.target === wrapper && this.close());
      },
    });
    ui.mount();
    this.ui = ui;
    this.listen(window, 'message', (event: MessageEvent) => {
      if (event.source === ui.iframe.contentWindow && event.data === CLOSE_PREP_MESSAGE) this.close();
    });
    this.listen(document, 'keydown', (event: KeyboardEvent) => event.key === 'Escape' && this.close());
    this.listen(document, 'focusin', (event: FocusEvent) => {
      if (event.target instanceof Node && !ui.wrapper.contains(event.target)) ui.iframe.focus();
    });
  }

  close(): void {
    if (!this.ui) return;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.ui.remove();
    this.ui = undefined;
    if (this.focusBefore?.isConnected) this.focusBefore.focus();
    this.focusBefore = null;
    this.onClosed();
  }

  private listen<E extends Event>(target: EventTarget, type: string, handler: (event: E) => void): void {
    const listener = (event: Event) => handler(event as E);
    target.addEventListener(type, listener);
    this.cleanups.push(() => target.removeEventListener(type, listener));
  }
}
