import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging/sendMessage';
import { UpcomingMeetings } from '../UpcomingMeetings';
import { NeedsPlanList } from './NeedsPlanList';
import { OpenActionItems } from './OpenActionItems';
import { openSidePanel } from './openExtensionPage';
import type { PopupFirstScreen } from './popupFirstScreen';

/**
 * The glance: what is coming, how ready the user is, what was promised. `first` holds the lists read
 * while the popup was starting, so they are in its first frame (absent if that read was slow).
 */
export function PopupApp({ first }: { first?: PopupFirstScreen }) {
  // The upcoming list is what the popup is opened for, so it is read first. The other reads wait until
  // it is drawn: on a database of years, each would otherwise slow the list's own reads.
  const [upcomingShown, setUpcomingShown] = useState(false);
  const showRest = useCallback(() => setUpcomingShown(true), []);
  useEffect(() => {
    if (!upcomingShown) return;
    // The user may have prepared since the worker last looked; the badge should agree with this list.
    // The worker does the counting (it reads the same tables, hence after the list is drawn).
    sendMessage({ type: 'badge/refresh' }).catch((error: unknown) =>
      console.warn('Four Ps: badge refresh failed', error),
    );
  }, [upcomingShown]);
  return (
    <main className="popup">
      <header className="popup-header">
        <h1>Upcoming mentoring</h1>
        <button
          type="button"
          data-testid="fourps-open-side-panel"
          title="Notes for the call in progress, or the plan of the one that just ended"
          onClick={() => void openSidePanel().then((opened) => opened && window.close())}
        >
          Side panel
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Dashboard
        </button>
      </header>
      <NeedsPlanList first={first?.needsPlan} />
      <UpcomingMeetings first={first?.upcoming} onShown={showRest} />
      {upcomingShown && <OpenActionItems />}
    </main>
  );
}
