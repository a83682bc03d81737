import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { registerDraftPort, UNCONFIRMED_DRAFT_SAVE_MS } from '@/lib/background/draftPort';
import { db } from '@/lib/db/database';
import { savePrepAnswer } from '@/lib/db/preps';
import { DRAFT_PORT_NAME } from '@/lib/drafts/draftRelay';
import { connectAs, type FakePort, OWN_PAGE, type PortSender, resetFakePorts } from '../fakeRuntimePorts';
import { resetDatabase } from '../resetDatabase';

const MEETING = 'gcal:evt1';
const QUESTION = 'purpose.why-now';

const changed = (text: string, editedAt: number, target: object = {}) => ({
  type: 'draft/changed',
  kind: 'prep',
  meetingId: MEETING,
  field: QUESTION,
  text,
  editedAt,
  ...target,
});

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDatabase();
  registerDraftPort();
});

/** Lets queued port messages, the disconnect and the writes it starts run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function databaseRowCount() {
  const counts = await Promise.all(db.tables.map((table) => table.count()));
  return counts.reduce((a, b) => a + b, 0);
}

async function storedAnswer(): Promise<string | undefined> {
  return (await db.preps.get(MEETING))?.answers[QUESTION];
}

function openFrom(sender: PortSender = OWN_PAGE, name = DRAFT_PORT_NAME): FakePort {
  return connectAs(sender, name);
}

describe('draft port: a page closed before its own save committed', () => {
  it('stores the last text of each field when the page goes away', async () => {
    const page = openFrom();
    page.postMessage(changed('H', 1000));
    page.postMessage(changed('Hello', 1001));
    page.postMessage(changed('notes typed', 1002, { kind: 'notes', field: 'feedbackHeard' }));
    page.postMessage(changed('plan typed', 1003, { kind: 'plan', field: 'accountability' }));
    await settle();
    // Nothing is written while the page is open and may still save itself.
    expect(await databaseRowCount()).toBe(0);

    page.disconnect();
    await vi.waitFor(async () => expect(await storedAnswer()).toBe('Hello'));
    await vi.waitFor(async () => expect((await db.notes.get(MEETING))?.feedbackHeard).toBe('notes typed'));
    await vi.waitFor(async () => expect((await db.plans.get(MEETING))?.accountability).toBe('plan typed'));
    expect((await db.preps.get(MEETING))?.answerEditedAt[QUESTION]).toBe(1001);
  });

  it('never lets a late, older message replace newer text', async () => {
    const page = openFrom();
    page.postMessage(changed('newer', 2000));
    page.postMessage(changed('older', 1999));
    page.disconnect();
    await vi.waitFor(async () => expect(await storedAnswer()).toBe('newer'));
  });

  it('does not overwrite text another view stored later', async () => {
    const page = openFrom();
    page.postMessage(changed('typed in the closing tab', 1000));
    await settle();
    await savePrepAnswer(MEETING, QUESTION, 'typed later in the side panel', 5000);
    page.disconnect();
    await settle();
    expect(await storedAnswer()).toBe('typed later in the side panel');
  });

  it('writes nothing for text the page says it stored itself', async () => {
    const page = openFrom();
    page.postMessage(changed('stored by the page', 1000));
    page.postMessage({
      type: 'draft/saved',
      kind: 'prep',
      meetingId: MEETING,
      field: QUESTION,
      editedAt: 1000,
    });
    page.disconnect();
    await settle();
    expect(await databaseRowCount()).toBe(0);
  });

  it('still stores a keystroke newer than what the page says it stored', async () => {
    const page = openFrom();
    page.postMessage(changed('stored', 1000));
    page.postMessage(changed('stored, then more', 1001));
    page.postMessage({
      type: 'draft/saved',
      kind: 'prep',
      meetingId: MEETING,
      field: QUESTION,
      editedAt: 1000,
    });
    page.disconnect();
    await vi.waitFor(async () => expect(await storedAnswer()).toBe('stored, then more'));
  });

  it('stores a change the open page has not confirmed after a while', async () => {
    const page = openFrom();
    page.postMessage(changed('page save is stuck', 1000));
    await settle();
    expect(await storedAnswer()).toBeUndefined();
    await vi.waitFor(async () => expect(await storedAnswer()).toBe('page save is stuck'), {
      timeout: UNCONFIRMED_DRAFT_SAVE_MS + 2000,
      interval: 100,
    });
    expect(page.closed).toBe(false);
  });

  it('is registered by the background entrypoint', async () => {
    resetFakePorts();
    background.main();
    const page = browser.runtime.connect({ name: DRAFT_PORT_NAME });
    page.postMessage(changed('through the real listener', 1000));
    page.disconnect();
    await vi.waitFor(async () => expect(await storedAnswer()).toBe('through the real listener'));
  });
});

describe('draft port: only valid messages from our own pages', () => {
  it.each([
    ['not an object', 'hello'],
    ['an unknown type', { ...changed('x', 1000), type: 'draft/delete' }],
    ['an unknown kind', changed('x', 1000, { kind: 'actionItem' })],
    ['a field notes do not have', changed('x', 1000, { kind: 'notes', field: 'answers' })],
    ['a field the plan does not have', changed('x', 1000, { kind: 'plan', field: 'doneAt' })],
    ['an empty meeting id', changed('x', 1000, { meetingId: '' })],
    ['an oversized meeting id', changed('x', 1000, { meetingId: 'm'.repeat(5000) })],
    ['text that is not a string', changed('x', 1000, { text: { html: '<img>' } })],
    ['oversized text', changed('x'.repeat(1_000_001), 1000)],
    ['a time that is not a number', changed('x', 1000, { editedAt: 'now' })],
    ['a negative time', changed('x', -1)],
    ['an extra field', changed('x', 1000, { html: '<img>' })],
    ['a missing field', { type: 'draft/changed', kind: 'prep', meetingId: MEETING, text: 'x', editedAt: 1 }],
  ])('ignores %s and changes nothing', async (_name, raw) => {
    const page = openFrom();
    page.postMessage(raw);
    page.disconnect();
    await settle();
    expect(await databaseRowCount()).toBe(0);
  });

  it.each([
    [
      'a content script in a calendar tab',
      { ...OWN_PAGE, url: 'https://calendar.google.com/calendar/u/0/r' },
    ],
    ['a content script in a Meet tab', { ...OWN_PAGE, url: 'https://meet.google.com/abc-defg-hij' }],
    ['another extension', { id: 'another-extension', url: 'chrome-extension://another-extension/p.html' }],
    [
      'another extension naming our URL',
      { id: 'another-extension', url: 'chrome-extension://test-extension-id/prep.html' },
    ],
    ['a sender without a URL', { id: 'test-extension-id' }],
    ['a sender without an extension id', { url: OWN_PAGE.url }],
  ])('refuses %s: the port is closed and nothing is stored', async (_name, sender) => {
    const page = openFrom(sender);
    const closed = vi.fn();
    page.onDisconnect.addListener(closed);
    page.postMessage(changed('smuggled in', 1000));
    await settle();
    expect(closed).toHaveBeenCalledOnce();
    page.disconnect();
    await settle();
    expect(await databaseRowCount()).toBe(0);
  });

  it('leaves ports with another name alone', async () => {
    const page = openFrom(OWN_PAGE, 'some-other-port');
    const closed = vi.fn();
    page.onDisconnect.addListener(closed);
    page.postMessage(changed('not a draft port', 1000));
    page.disconnect();
    await settle();
    expect(closed).not.toHaveBeenCalled();
    expect(await databaseRowCount()).toBe(0);
  });
});
