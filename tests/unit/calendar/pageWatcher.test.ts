import { afterEach, describe, expect, it, vi } from 'vitest';
import { OWN_ELEMENT_ATTRIBUTE, PageWatcher } from '@/entrypoints/calendar.content/pageWatcher';

afterEach(() => {
  document.body.replaceChildren();
});

const nextFlush = () => new Promise((resolve) => setTimeout(resolve, 250));

describe('PageWatcher', () => {
  it('hands a burst of additions to its listeners as one batch', async () => {
    const batches: number[] = [];
    const watcher = new PageWatcher(document.body, () => {});
    watcher.onChange((added) => batches.push(added.length));
    watcher.start();
    for (let i = 0; i < 50; i += 1) document.body.append(document.createElement('div'));
    await nextFlush();
    expect(batches).toEqual([50]);
    watcher.stop();
  });

  it('skips elements removed again before the batch runs', async () => {
    const seen: Element[][] = [];
    const watcher = new PageWatcher(document.body, () => {});
    watcher.onChange((added) => seen.push([...added]));
    watcher.start();
    const kept = document.createElement('p');
    const gone = document.createElement('span');
    document.body.append(kept, gone);
    gone.remove();
    await nextFlush();
    expect(seen).toEqual([[kept]]);
    watcher.stop();
  });

  it('catches a failing listener and still runs the others', async () => {
    const onError = vi.fn();
    const watcher = new PageWatcher(document.body, onError);
    const second = vi.fn();
    watcher.onChange(() => {
      throw new Error('boom');
    });
    watcher.onChange(second);
    watcher.start();
    document.body.append(document.createElement('div'));
    await nextFlush();
    expect(onError).toHaveBeenCalledOnce();
    expect(second).toHaveBeenCalledOnce();
    watcher.stop();
  });

  it('leaves out elements Four Ps added itself', async () => {
    const seen: Element[][] = [];
    const watcher = new PageWatcher(document.body, () => {});
    watcher.onChange((added) => seen.push([...added]));
    watcher.start();
    const ours = document.createElement('span');
    ours.setAttribute(OWN_ELEMENT_ATTRIBUTE, '');
    const theirs = document.createElement('div');
    document.body.append(ours, theirs);
    await nextFlush();
    expect(seen).toEqual([[theirs]]);
    document.body.append(ours.cloneNode());
    await nextFlush();
    expect(seen).toHaveLength(1);
    watcher.stop();
  });

  it('runs each batch in a frame, not on the timeout an earlier batch left behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    try {
      const seen: string[][] = [];
      const watcher = new PageWatcher(document.body, () => {});
      watcher.onChange((added) => seen.push(added.map((element) => element.id)));
      watcher.start();
      const add = async (id: string) => {
        const element = document.createElement('div');
        element.id = id;
        document.body.append(element);
        await Promise.resolve(); // the observer's callback
      };

      await add('first');
      await vi.advanceTimersByTimeAsync(16);
      expect(seen).toEqual([['first']]);
      // At 193 ms, just after a frame (frames come every 16 ms): the first batch's fallback, due at
      // 200 ms, would come before the next frame, at 208 ms.
      await vi.advanceTimersByTimeAsync(177);
      await add('second');
      await vi.advanceTimersByTimeAsync(8);
      expect(seen).toEqual([['first']]);
      await vi.advanceTimersByTimeAsync(16);
      expect(seen).toEqual([['first'], ['second']]);
      watcher.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops observing when stopped', async () => {
    const listener = vi.fn();
    const watcher = new PageWatcher(document.body, () => {});
    watcher.onChange(listener);
    watcher.start();
    watcher.stop();
    document.body.append(document.createElement('div'));
    await nextFlush();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('PageWatcher and elements re-used in place', () => {
  it('hands on an element whose watched attribute is rewritten to another value', async () => {
    const seen: Element[][] = [];
    const dialog = document.createElement('div');
    dialog.setAttribute('data-eventid', 'first');
    document.body.append(dialog);
    const watcher = new PageWatcher(document.body, () => {}, ['data-eventid']);
    watcher.onChange((added) => seen.push([...added]));
    watcher.start();
    dialog.setAttribute('data-eventid', 'second');
    await nextFlush();
    expect(seen).toEqual([[dialog]]);
    watcher.stop();
  });

  it('ignores the attribute being set on a new element, set to its own value, or unwatched', async () => {
    const seen: Element[][] = [];
    const dialog = document.createElement('div');
    dialog.setAttribute('data-eventid', 'same');
    document.body.append(dialog);
    const watcher = new PageWatcher(document.body, () => {}, ['data-eventid']);
    watcher.onChange((added) => seen.push([...added]));
    watcher.start();
    dialog.setAttribute('data-eventid', 'same');
    dialog.setAttribute('data-other', 'x');
    const chip = document.createElement('div');
    document.body.append(chip);
    chip.setAttribute('data-eventid', 'new');
    await nextFlush();
    expect(seen).toEqual([[chip]]);
    watcher.stop();
  });
});
