import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_RETRY_MS, useAutosavedText } from '@/components/useAutosavedText';
import { readDraft, writeDraft } from '@/lib/drafts/draftJournal';

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
});
