import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { PrepForm } from '@/components/PrepForm';
import { db } from '@/lib/db/database';
import { CLOSE_PREP_MESSAGE, prepPagePath } from '@/lib/prepPage';

/**
 * The prep page: over the calendar in an iframe (`embedded`, with a close button and Esc), or as a
 * tab of its own.
 */
export function PrepPage({ meetingId, embedded }: { meetingId: string | null; embedded: boolean }) {
  useEffect(() => {
    if (!embedded || !meetingId) return;
    // A browser that refuses storage to framed pages (third-party storage blocked, partitioning off)
    // gets the same prep in a tab of its own, where the extension's database is always reachable.
    db.open().catch(() => {
      void browser.tabs.create({ url: browser.runtime.getURL(prepPagePath(meetingId) as '/prep.html') });
      closeOverlay();
    });
  }, [embedded, meetingId]);

  useEffect(() => {
    if (!embedded) return;
    // On the key's release, not its press: the frame is removed on close, and a release still on its
    // way to a removed frame can be lost (a test's key press then never completes).
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && !event.isComposing && closeOverlay();
    document.addEventListener('keyup', onKey);
    return () => document.removeEventListener('keyup', onKey);
  }, [embedded]);

  if (!meetingId) {
    return (
      <main className="page">
        <h1>No meeting chosen</h1>
        <p>Open a mentoring meeting in Google Calendar and press “Prep (4 Ps)”.</p>
      </main>
    );
  }
  return (
    <main>
      {embedded && (
        <div className="toolbar">
          <button type="button" onClick={closeOverlay} aria-label="Close the prep (your answers are saved)">
            Close
          </button>
        </div>
      )}
      <PrepForm meetingId={meetingId} />
    </main>
  );
}

function closeOverlay() {
  // Flushes happen on pagehide when the iframe goes away; the parent removes the iframe.
  (document.activeElement as HTMLElement | null)?.blur();
  window.parent.postMessage(CLOSE_PREP_MESSAGE, '*');
}
