import { browser } from 'wxt/browser';
import { CLOSE_PREP_MESSAGE, prepPagePath } from '@/lib/prepPage';

export const PREP_OVERLAY_TESTID = 'fourps-prep-overlay';

const BACKDROP_STYLE = 'position:fixed;inset:0;z-index:2147483000;background:rgba(32,33,36,0.4)';
const FRAME_STYLE =
  'position:fixed;top:32px;left:50%;transform:translateX(-50%);width:min(760px,calc(100vw - 32px));' +
  'height:calc(100vh - 64px);border:0;border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.3);background:#fff';

/**
 * The prep page over the calendar: an extension page in an iframe, so the form and the database
 * stay in the extension's origin. Esc, a click on the backdrop or the page's close button closes it;
 * focus may not wander to the calendar behind it while it is open, and goes back where it was after.
 * A plain iframe rather than WXT's createIframeUi: the same result for a quarter of the content
 * script's size budget (its mounting helpers weigh ~3 KB gzipped).
 */
export class PrepOverlay {
  private backdrop: HTMLDivElement | undefined;
  /** Where keyboard focus was before the overlay opened, to give it back on close (WCAG 2.4.3). */
  private focusBefore: HTMLElement | null = null;
  private readonly cleanups: (() => void)[] = [];

  constructor(private readonly onClosed: () => void) {}

  get isOpen(): boolean {
    return this.backdrop !== undefined;
  }

  open(meetingId: string): void {
    this.close();
    this.focusBefore = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const backdrop = document.createElement('div');
    backdrop.dataset.testid = PREP_OVERLAY_TESTID;
    backdrop.style.cssText = BACKDROP_STYLE;
    const iframe = document.createElement('iframe');
    iframe.title = 'Four Ps — mentoring prep';
    iframe.style.cssText = FRAME_STYLE;
    iframe.src = browser.runtime.getURL(prepPagePath(meetingId, true) as '/prep.html');
    iframe.addEventListener('load', () => iframe.focus(), { once: true });
    backdrop.append(iframe);
    document.documentElement.append(backdrop);
    this.backdrop = backdrop;

    this.listen(backdrop, 'click', (event) => event.target === backdrop && this.close());
    this.listen(window, 'message', (event: MessageEvent) => {
      if (event.source === iframe.contentWindow && event.data === CLOSE_PREP_MESSAGE) this.close();
    });
    this.listen(document, 'keydown', (event: KeyboardEvent) => event.key === 'Escape' && this.close());
    this.listen(document, 'focusin', (event: FocusEvent) => {
      if (event.target instanceof Node && !backdrop.contains(event.target)) iframe.focus();
    });
  }

  close(): void {
    if (!this.backdrop) return;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.backdrop.remove();
    this.backdrop = undefined;
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
