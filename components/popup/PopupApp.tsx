import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging/sendMessage';
import { UpcomingMeetings } from '../UpcomingMeetings';
import { NeedsPlanList } from './NeedsPlanList';
import { OpenActionItems } from './OpenActionItems';
import { openSidePanel } from './openExtensionPage';

/** The glance: what is coming, how ready the user is, what was promised. */
export function PopupApp() {
  useEffect(() => {
    // The user may have prepared since the worker last looked; the badge should agree with this list.
    // The worker does the counting, so opening the popup stays light.
    sendMessage({ type: 'badge/refresh' }).catch((error: unknown) =>
      console.warn('Four Ps: badge refresh failed', error),
    );
  }, []);
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
      <NeedsPlanList />
      <UpcomingMeetings />
      <OpenActionItems />
    </main>
  );
}
