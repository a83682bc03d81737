/**
 * One MutationObserver for the whole calendar page. Each mutation only records the element that
 * was added (no query runs per mutation); the listeners then run once per animation frame with the
 * batch, so a burst of Calendar re-rendering costs one pass. A timeout backs up the frame callback,
 * which browsers pause in background tabs; each batch's timeout is cleared when the batch runs, or a
 * batch's leftover timeout would run the next batch early, between frames and in pieces.
 *
 * Calendar may also re-use an element for another event, rewriting its event id in place (a details
 * popover switched to the next event, a chip re-used by a re-render) without adding a node: an element
 * whose watched attribute changes value is handed to the listeners as if it had been added.
 */
export type PageChangeListener = (addedElements: readonly Element[]) => void;

/** Marks elements Four Ps adds that no listener needs to hear about (a badge per chip would double the work). */
export const OWN_ELEMENT_ATTRIBUTE = 'data-fourps';

const BACKGROUND_TAB_FALLBACK_MS = 200;

export class PageWatcher {
  private readonly listeners: PageChangeListener[] = [];
  private readonly pending = new Set<Element>();
  private scheduled = false;
  private fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly observer: MutationObserver;

  constructor(
    private readonly root: Node,
    private readonly onError: (error: unknown) => void,
    /** Attributes whose change in place means the element now shows something else (an event id). */
    private readonly identityAttributes: readonly string[] = [],
  ) {
    this.observer = new MutationObserver((records) => {
      // An index loop: a NodeList's iterator costs about twice as much per node.
      for (const record of records) {
        if (record.type === 'attributes') {
          this.recordRewritten(record);
          continue;
        }
        const nodes = record.addedNodes;
        for (let i = 0; i < nodes.length; i += 1) {
          const node = nodes[i] as Node;
          if (node.nodeType === Node.ELEMENT_NODE && !(node as Element).hasAttribute(OWN_ELEMENT_ATTRIBUTE)) {
            this.pending.add(node as Element);
          }
        }
      }
      if (this.pending.size > 0) this.schedule();
    });
  }

  onChange(listener: PageChangeListener): void {
    this.listeners.push(listener);
  }

  start(): void {
    const identity =
      this.identityAttributes.length > 0
        ? { attributeFilter: [...this.identityAttributes], attributeOldValue: true }
        : {};
    this.observer.observe(this.root, { childList: true, subtree: true, ...identity });
  }

  stop(): void {
    this.observer.disconnect();
    this.pending.clear();
    this.scheduled = false;
    clearTimeout(this.fallbackTimer);
  }

  /** Runs the listeners now with everything added so far (also used for the first pass). */
  flush = (): void => {
    this.scheduled = false;
    clearTimeout(this.fallbackTimer);
    const added = [...this.pending].filter((element) => element.isConnected);
    this.pending.clear();
    for (const listener of this.listeners) {
      try {
        listener(added);
      } catch (error) {
        this.onError(error);
      }
    }
  };

  /**
   * An identity attribute set on a new element has no old value (the element arrives as added anyway);
   * only a value rewritten to another one makes the element news.
   */
  private recordRewritten(record: MutationRecord): void {
    const element = record.target as Element;
    const name = record.attributeName;
    if (record.oldValue === null || name === null || element.getAttribute(name) === record.oldValue) return;
    if (element.hasAttribute(OWN_ELEMENT_ATTRIBUTE)) return;
    this.pending.add(element);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => this.scheduled && this.flush());
    this.fallbackTimer = setTimeout(() => this.scheduled && this.flush(), BACKGROUND_TAB_FALLBACK_MS);
  }
}
