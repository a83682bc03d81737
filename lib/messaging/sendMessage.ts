import { browser } from 'wxt/browser';
import type { Envelope, Message, Reply } from '@/lib/messages';

/**
 * Sends a message to the background and returns its typed reply, or throws the background's error.
 * Safe for content scripts: it brings no schema code along, only types.
 */
export async function sendMessage<M extends Message>(message: M): Promise<Reply<M['type']>> {
  const envelope = (await browser.runtime.sendMessage(message)) as Envelope<Reply<M['type']>> | undefined;
  if (!envelope) throw new Error(`Four Ps: no answer to ${message.type}`);
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.reply;
}
