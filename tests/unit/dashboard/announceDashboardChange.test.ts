import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { announceDashboardChange } from '@/components/dashboard/announceDashboardChange';
import { onCalendarRecheck } from '@/lib/messaging/calendarRecheck';

const sent = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.mock('@/lib/messaging/sendMessage', () => sent);

beforeEach(() => {
  fakeBrowser.reset();
  sent.sendMessage.mockReset().mockResolvedValue({ refreshed: true });
});

describe('announceDashboardChange', () => {
  it('refreshes the toolbar badge and asks open calendar tabs to check what they show again', async () => {
    const rechecks = vi.fn();
    const stop = onCalendarRecheck(rechecks);

    announceDashboardChange();

    expect(sent.sendMessage).toHaveBeenCalledWith({ type: 'badge/refresh' });
    await vi.waitFor(() => expect(rechecks).toHaveBeenCalledTimes(1));
    stop();
  });

  it('stops telling a listener once it stopped listening', async () => {
    const rechecks = vi.fn();
    const stop = onCalendarRecheck(rechecks);
    stop();
    announceDashboardChange();
    // The storage write resolves before its change event; a listener still there would be called by then.
    await vi.waitFor(() => expect(sent.sendMessage).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rechecks).not.toHaveBeenCalled();
  });
});
