import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerDraftPort } from '@/lib/background/draftPort';
import { handleMessage } from '@/lib/background/handleMessage';
import { registerMeetingSignals } from '@/lib/background/meetingSignals';
import { registerCallLifecycle } from '@/lib/background/registerCallLifecycle';

// The service worker keeps no state of its own (MV3 may stop it at any moment): every handler reads
// and writes the database, so a restarted worker carries on where the last one stopped.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    // sendResponse + `return true` rather than a returned promise: both the browser and WXT's fake
    // browser honour it.
    void handleMessage(raw, sender).then(sendResponse);
    return true;
  });
  // Text typed in an extension page just before it closed: stored when the page's port disconnects.
  registerDraftPort();
  // Toolbar badge and prep reminders, recomputed from the database on start-up and on alarms.
  registerMeetingSignals();
  // Ends of mentoring meetings: Meet tabs closed or left, and end-time alarms for meetings without Meet.
  registerCallLifecycle();
});
