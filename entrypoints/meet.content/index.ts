import { defineContentScript } from 'wxt/utils/define-content-script';
import { MEET_MATCHES } from '@/lib/hosts';
import type { CallStage } from '@/lib/meet/readMeetPage';
import { meetCodeFromUrl, readCallStage } from '@/lib/meet/readMeetPage';
import { sendMessage } from '@/lib/messaging/sendMessage';
import { createPanelButton, PANEL_BUTTON_TESTID } from './panelButton';

/** Meet re-renders constantly during a call; reading its stage twice a second is plenty. */
const STAGE_CHECK_INTERVAL_MS = 500;

/**
 * Google Meet: tells the background which call this tab is in and whether it is on or over, and
 * offers a small "Four Ps" button that opens the side panel. Never touches the database.
 */
export default defineContentScript({
  matches: MEET_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    let lastReport = '';
    let warned = false;
    const warnOnce = (error: unknown) => {
      if (warned) return;
      warned = true;
      console.warn('[Four Ps] Meet integration paused:', error);
    };
    const check = () => {
      try {
        const meetCode = meetCodeFromUrl(location.href);
        if (!meetCode) return;
        const stage: CallStage = readCallStage(document);
        if (!document.querySelector(`[data-testid="${PANEL_BUTTON_TESTID}"]`)) {
          document.body.append(
            createPanelButton(document, () => void sendMessage({ type: 'sidepanel/open' }).catch(warnOnce)),
          );
        }
        const report = `${meetCode}:${stage}`;
        if (report === lastReport) return;
        lastReport = report;
        void sendMessage({ type: 'meet/status', meetCode, stage }).catch(warnOnce);
      } catch (error) {
        warnOnce(error);
      }
    };
    check();
    ctx.setInterval(check, STAGE_CHECK_INTERVAL_MS);
    ctx.onInvalidated(() => document.querySelector(`[data-testid="${PANEL_BUTTON_TESTID}"]`)?.remove());
  },
});
