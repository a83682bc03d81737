import { browser } from 'wxt/browser';

/** What the checks read of a message's or a port's sender. */
interface Sender {
  id?: string;
  url?: string;
}

/** Sent by another extension (a sender with no id is not one: our own pages and tests may omit it). */
export function fromAnotherExtension(sender: Sender): boolean {
  return sender.id !== undefined && sender.id !== browser.runtime.id;
}

/**
 * Sent by a page of this extension, not by a content script, whose sender carries the host page's URL.
 * Compared by URL prefix: outside Chromium, URL gives extension URLs the origin "null".
 */
export function fromOwnExtensionPage(sender: Sender): boolean {
  return !fromAnotherExtension(sender) && sender.url?.startsWith(browser.runtime.getURL('/')) === true;
}
