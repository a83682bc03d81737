import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_RETRY_MS, useAutosavedText } from '@/components/useAutosavedText';
import { registerDraftPort } from '@/lib/background/draftPort';
import { db } from '@/lib/db/database';
import { readDraft, writeDraft } from '@/lib/drafts/draftJournal';
import { openedPorts } from '../fakeRuntimePorts';
import { resetDatabase } from '../resetDatabase';

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('useAutosavedText', () => {
  it('saves once typing pauses, with the time of the last keystroke', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const { result } = renderHook(() => useAutosavedText('', save, 'prep:m1:q1'));
    act(() => result.current.onChange('H'));
    act(() => result.current.onChange('Hi'));
    expect(save).not.toHaveBeenCalled();
    await act(async () => {
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    });
    expect(save).toHaveBeenCalledOnce();
    expect(save.mock.calls[0]?.[0]).toBe('Hi');
    expect(result.current.state).toBe('saved');
  });

  it('journals every keystroke synchronously and forgets it once stored', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const { result } = renderHook(() => useAutosavedText('', save, 'prep:m1:q1'));
    act(() => result.current.onChange('typed just now'));
    expect(readDraft('prep:m1:q1')?.text).toBe('typed just now');
    await act(async () => {
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    });
    expect(readDraft('prep:m1:q1')).toBeUndefined();
  });

  it('saves a draft left by a page that closed before its save committed', async () => {
    writeDraft('prep:m1:q1', { text: 'last words before the close', editedAt: 1234 });
    const save = vi.fn().mockResolvedValue(undefined);
    const { result } = renderHook(() => useAutosavedText('older stored text', save, 'prep:m1:q1'));
    await act(async () => {});
    expect(result.current.value).toBe('last words before the close');
    expect(save).toHaveBeenCalledWith('last words before the close', 1234);
    expect(readDraft('prep:m1:q1')).toBeUndefined();
  });

  it('flushes at once when the page is hidden', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const { result } = renderHook(() => useAutosavedText('', save));
    act(() => result.current.onChange('closing the tab'));
    await act(async () => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(save).toHaveBeenCalledWith('closing the tab', expect.any(Number));
  });

  it('keeps the text and says so when saving fails', async () => {
    const save = vi.fn().mockRejectedValue(new Error('QuotaExceededError'));
    const { result } = renderHook(() => useAutosavedText('', save, 'prep:m1:q1'));
    act(() => result.current.onChange('do not lose me'));
    await act(async () => {
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    });
    expect(result.current.state).toBe('error');
    expect(result.current.value).toBe('do not lose me');
    expect(readDraft('prep:m1:q1')?.text).toBe('do not lose me');
  });

  it('tries a failed write again by itself until it is stored', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('AbortError')).mockResolvedValue(undefined);
    const { result } = renderHook(() => useAutosavedText('', save, 'prep:m1:q1'));
    act(() => result.current.onChange('kept and retried'));
    await act(async () => {
      vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    });
    expect(result.current.state).toBe('error');
    await act(async () => {
      vi.advanceTimersByTime(AUTOSAVE_RETRY_MS);
    });
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]?.[0]).toBe('kept and retried');
    expect(result.current.state).toBe('saved');
    expect(readDraft('prep:m1:q1')).toBeUndefined();
  });

  it('takes text stored by another view only while it has nothing unsaved', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    let stored = 'first';
    const { result, rerender } = renderHook(() => useAutosavedText(stored, save));
    stored = 'from the side panel';
    rerender();
    expect(result.current.value).toBe('from the side panel');
    act(() => result.current.onChange('mine, not saved yet'));
    stored = 'another remote edit';
    rerender();
    expect(result.current.value).toBe('mine, not saved yet');
  });

  it('keeps a keystroke journalled when a save of the one before, in the same millisecond, completes', async () => {
    let finishFirstSave: () => void = () => {};
    const save = vi
      .fn()
      .mockReturnValueOnce(new Promise<void>((resolve) => (finishFirstSave = resolve)))
      .mockResolvedValue(undefined);
    const { result } = renderHook(() => useAutosavedText('', save, 'prep:m1:q1'));
    // The fake clock stands still: both keystrokes and the blur fall in one millisecond.
    act(() => result.current.onChange('a'));
    act(() => result.current.flush());
    act(() => result.current.onChange('ab'));
    await act(async () => finishFirstSave());
    expect(save.mock.calls[0]?.[0]).toBe('a');
    expect(readDraft('prep:m1:q1')?.text).toBe('ab');
  });

  it('hands keystrokes to the background, which stores them when the page closes before its own save', async () => {
    vi.useRealTimers();
    await resetDatabase();
    registerDraftPort();
    // The page's own write never commits: the page is torn down first.
    const save = vi.fn(() => new Promise<void>(() => {}));
    const { result } = renderHook(() => useAutosavedText('', save, 'prep:gcal:evt1:purpose.why-now'));
    act(() => result.current.onChange('typed as the tab'));
    act(() => result.current.onChange('typed as the tab closed'));
    act(() => window.dispatchEvent(new Event('pagehide')));
    expect(save).toHaveBeenCalledWith('typed as the tab closed', expect.any(Number));
    for (const { page } of openedPorts) page.disconnect();
    await vi.waitFor(async () =>
      expect((await db.preps.get('gcal:evt1'))?.answers['purpose.why-now']).toBe('typed as the tab closed'),
    );
  });
});
