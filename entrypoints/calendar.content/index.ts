import { defineContentScript } from 'wxt/utils/define-content-script';
import { pageLocale } from '@/lib/gcal/pageLocale';
import { EVENT_ID_ATTRIBUTE } from '@/lib/gcal/selectors';
import { CALENDAR_MATCHES } from '@/lib/hosts';
import { onCalendarRecheck } from '@/lib/messaging/calendarRecheck';
import { startChipBadgeFeature } from './chipBadgeFeature';
import { ChipPrefilterState } from './chipPrefilterState';
import { startEventDetailsFeature } from './eventDetailsFeature';
import { PageWatcher } from './pageWatcher';
import { VerdictCache } from './verdictCache';

/**
 * Google Calendar: reads what the page shows, reports it to the background, and adds the Prep button
 * and chip badges. It never opens the database (that lives in the extension's origin) and never lets
 * an error of its own reach the page.
 */
export default defineContentScript({
  matches: CALENDAR_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    let logged = false;
    const logError = (error: unknown) => {
      if (logged) return;
      logged = true;
      console.warn('[Four Ps] calendar integration paused on an unexpected page state:', error);
    };
    try {
      // A popover or chip Calendar re-uses for another event gets a new event id and nothing added.
      const watcher = new PageWatcher(document.body, logError, [EVENT_ID_ATTRIBUTE]);
      // Read once per load (switching Calendar's language in its settings reloads the page, as far as we
      // know); the language's date words are derived when a date is first read.
      const locale = pageLocale(document, navigator.language);
      const prefilter = new ChipPrefilterState();
      const verdicts = new VerdictCache((ids) => prefilter.learn(ids));
      const chips = startChipBadgeFeature(watcher, verdicts, prefilter, logError, locale);
      const details = startEventDetailsFeature(
        ctx,
        watcher,
        verdicts,
        () => chips.refresh(),
        logError,
        locale,
      );
      // What counts as mentoring changed (rules, relationships, a restore): badges and buttons follow.
      const stopRechecks = onCalendarRecheck(() => {
        chips.recheck();
        details.recheck();
      });
      // Meetings another tab stored while this one was hidden reach its prefilter when it is shown.
      ctx.addEventListener(document, 'visibilitychange', () => {
        if (document.visibilityState === 'visible') chips.catchUp();
      });
      watcher.start();
      ctx.onInvalidated(() => {
        stopRechecks();
        watcher.stop();
        chips.removeAll();
      });
      // Until the background answers, every chip passes: the first screen is reported whole.
      prefilter.load().catch(logError);
      watcher.flush();
    } catch (error) {
      logError(error);
    }
  },
});
