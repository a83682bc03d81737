import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DRAFT_PORT_NAME, relayDraftChange, relayDraftSaved } from '@/lib/drafts/draftRelay';
import { type FakePort, onConnect } from '../fakeRuntimePorts';

/** What the background receives, per port it accepted, about one meeting (tests use their own). */
function listen(meetingId: string) {
  const ports: { port: FakePort; received: unknown[] }[] = [];
  onConnect.addListener((port) => {
    const entry = { port, received: [] as unknown[] };
    ports.push(entry);
    port.onMessage.addListener((message) => {
      if ((message as { meetingId?: string }).meetingId === meetingId) entry.received.push(message);
    });
  });
  return ports;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('draftRelay', () => {
  it('hands each keystroke and the page’s own save to the background over one named port', async () => {
    const ports = listen('m-relay');
    relayDraftChange('prep:m-relay:purpose.why-now', 'H', 1);
    relayDraftChange('prep:m-relay:purpose.why-now', 'Hi', 2);
    relayDraftChange('notes:m-relay:feedbackHeard', 'heard', 3);
    relayDraftSaved('prep:m-relay:purpose.why-now', 2);
    await tick();
    expect(ports).toHaveLength(1);
    expect(ports[0]?.port.name).toBe(DRAFT_PORT_NAME);
    expect(ports[0]?.received).toEqual([
      {
        type: 'draft/changed',
        kind: 'prep',
        meetingId: 'm-relay',
        field: 'purpose.why-now',
        text: 'H',
        editedAt: 1,
      },
      {
        type: 'draft/changed',
        kind: 'prep',
        meetingId: 'm-relay',
        field: 'purpose.why-now',
        text: 'Hi',
        editedAt: 2,
      },
      {
        type: 'draft/changed',
        kind: 'notes',
        meetingId: 'm-relay',
        field: 'feedbackHeard',
        text: 'heard',
        editedAt: 3,
      },
      { type: 'draft/saved', kind: 'prep', meetingId: 'm-relay', field: 'purpose.why-now', editedAt: 2 },
    ]);
  });

  it('hands a restarted worker every change the page has not stored yet', async () => {
    const ports = listen('m-restart');
    relayDraftChange('prep:m-restart:purpose.why-now', 'not stored yet', 10);
    relayDraftChange('plan:m-restart:learned', 'stored by the page', 11);
    relayDraftSaved('plan:m-restart:learned', 11);
    await tick();
    // MV3 stops the worker: the page's port is closed from the other end.
    ports[0]?.port.disconnect();
    await tick();
    relayDraftChange('notes:m-restart:text', 'typed after the restart', 12);
    await tick();
    expect(ports).toHaveLength(2);
    expect(ports[1]?.received).toEqual([
      expect.objectContaining({ field: 'purpose.why-now', text: 'not stored yet', editedAt: 10 }),
      expect.objectContaining({ field: 'text', text: 'typed after the restart', editedAt: 12 }),
    ]);
  });

  it('relays nothing for keys that name no autosaved field', async () => {
    const ports = listen('m-unknown');
    relayDraftChange('mystery:m-unknown:x', 'x', 1);
    relayDraftChange('plan:m-unknown:doneAt', 'x', 1);
    await tick();
    expect(ports.flatMap((p) => p.received)).toEqual([]);
  });

  it('never throws where runtime ports are unavailable', () => {
    const connect = vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    // A severed port from an earlier test is forgotten, so this one must connect and fails.
    expect(() => relayDraftChange('prep:m-none:purpose.why-now', 'kept locally', 1)).not.toThrow();
    expect(connect).toHaveBeenCalled();
  });
});
