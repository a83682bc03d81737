import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * `runtime.connect` / `runtime.onConnect` for WXT's fake browser, which leaves them unimplemented.
 * Like Chromium, a message or a disconnect reaches the other end asynchronously and in the order sent.
 */
class FakeEvent<Args extends unknown[]> {
  readonly listeners = new Set<(...args: Args) => void>();
  addListener(listener: (...args: Args) => void) {
    this.listeners.add(listener);
  }
  removeListener(listener: (...args: Args) => void) {
    this.listeners.delete(listener);
  }
  hasListener(listener: (...args: Args) => void) {
    return this.listeners.has(listener);
  }
  hasListeners() {
    return this.listeners.size > 0;
  }
  trigger(...args: Args) {
    for (const listener of this.listeners) listener(...args);
  }
}

export interface PortSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface FakePort {
  name: string;
  sender?: PortSender;
  closed: boolean;
  onMessage: FakeEvent<[unknown, FakePort]>;
  onDisconnect: FakeEvent<[FakePort]>;
  postMessage(message: unknown): void;
  disconnect(): void;
}

function portEnd(name: string, sender: PortSender | undefined, other: () => FakePort): FakePort {
  const end: FakePort = {
    name,
    sender,
    closed: false,
    onMessage: new FakeEvent(),
    onDisconnect: new FakeEvent(),
    postMessage(message) {
      if (end.closed) throw new Error('Attempting to use a disconnected port object');
      const copy = structuredClone(message);
      queueMicrotask(() => {
        const to = other();
        if (!to.closed) to.onMessage.trigger(copy, to);
      });
    },
    disconnect() {
      if (end.closed) return;
      end.closed = true;
      queueMicrotask(() => {
        const to = other();
        if (to.closed) return;
        to.closed = true;
        to.onDisconnect.trigger(to);
      });
    },
  };
  return end;
}

export const onConnect = new FakeEvent<[FakePort]>();

/** The ports opened since the last reset: `page` is the connecting end, `background` the other. */
export const openedPorts: { page: FakePort; background: FakePort }[] = [];

/** An extension page of this extension, as Chromium describes it to the background. */
export const OWN_PAGE: PortSender = {
  id: 'test-extension-id',
  url: 'chrome-extension://test-extension-id/prep.html?meeting=gcal%3Aevt1',
  tab: { id: 3 },
};

/** Opens a port from `sender` to the background's onConnect listeners; returns the sender's end. */
export function connectAs(sender: PortSender, name: string): FakePort {
  const page: FakePort = portEnd(name, undefined, () => background);
  const background: FakePort = portEnd(name, sender, () => page);
  openedPorts.push({ page, background });
  queueMicrotask(() => onConnect.trigger(background));
  return page;
}

/** Installs the fake ports on fakeBrowser.runtime; `connect` comes from one of our own pages. */
export function installFakePorts(): void {
  Object.assign(fakeBrowser.runtime, {
    onConnect,
    connect: (info?: { name?: string }) => connectAs(OWN_PAGE, info?.name ?? ''),
  });
}

/**
 * Forgets every listener and severs every port, telling only the page ends (so a page module drops
 * its port): a background end left by one test must not write into the next.
 */
export function resetFakePorts(): void {
  onConnect.listeners.clear();
  for (const { page, background } of openedPorts.splice(0)) {
    background.closed = true;
    if (page.closed) continue;
    page.closed = true;
    page.onDisconnect.trigger(page);
  }
}
