import { defineContentScript } from 'wxt/utils/define-content-script';
import { MEET_MATCHES } from '@/lib/hosts';
import { type CallReport, createCallEndTracker } from '@/lib/meet/callEndTracker';
import { isMeetLookupUrl, meetCodeOfPage, readCallStage } from '@/lib/meet/readMeetPage';
import { sendMessage } from '@/lib/messaging/sendMessage';
import { createPanelButton, PANEL_BUTTON_TESTID } from './panelButton';

/** Meet re-renders constantly during a call; reading its stage twice a second is plenty. */
const STAGE_CHECK_INTERVAL_MS = 500;

/**
 * Google Meet: tells the background when the call in this tab starts and ends (a rejoin is reported
 * as a new start, which undoes the end), and offers a small "Four Ps" button that opens the side
 * panel. Never touches the database. The page only says what it shows; the call-end tracker decides
 * what counts as an end (ended screen at once, missing controls after a grace).
 */
export default defineContentScript({
  matches: MEET_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    let tracker = createCallEndTracker();
    let trackedCode: string | null = null;
    /** A report the background has not acknowledged yet (the worker may be starting): retried each tick. */
    let pending: { meetCode: string; stage: CallReport } | null = null;
    let sending = false;
    let warned = false;
    const warnOnce = (error: unknown) => {
      if (warned) return;
      warned = true;
      console.warn('[Four Ps] Meet integration paused:', error);
    };
    const flush = () => {
      if (!pending || sending || !ctx.isValid) return;
      const report = pending;
      sending = true;
      sendMessage({ type: 'meet/status', meetCode: report.meetCode, stage: report.stage })
        .then(() => {
          if (pending === report) pending = null;
        }, warnOnce)
        .finally(() => {
          sending = false;
        });
    };
    const check = () => {
      try {
        // A `/lookup/…` page whose screen stops stating the code (an unknown ended screen) is still
        // the same call: keeping its code lets the tracker end it.
        const meetCode =
          meetCodeOfPage(location.href, document) ?? (isMeetLookupUrl(location.href) ? trackedCode : null);
        if (meetCode !== trackedCode) {
          // Meet moved this tab to another call (or home) without a reload: a new call, a new tracker.
          // The background ends the previous call when the tab reports the next one or leaves Meet.
          tracker = createCallEndTracker();
          trackedCode = meetCode;
        }
        if (!meetCode) return;
        if (!document.querySelector(`[data-testid="${PANEL_BUTTON_TESTID}"]`)) {
          document.body.append(
            createPanelButton(document, () => void sendMessage({ type: 'sidepanel/open' }).catch(warnOnce)),
          );
        }
        const report = tracker.observe(readCallStage(document), Date.now());
        if (report) pending = { meetCode, stage: report };
        flush();
      } catch (error) {
        warnOnce(error);
      }
    };
    check();
    ctx.setInterval(check, STAGE_CHECK_INTERVAL_MS);
    ctx.onInvalidated(() => document.querySelector(`[data-testid="${PANEL_BUTTON_TESTID}"]`)?.remove());
  },
});
