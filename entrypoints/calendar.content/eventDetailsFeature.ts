import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CalendarEvent } from '@/lib/gcal/calendarEvent';
import { eidFromUrl } from '@/lib/gcal/eventId';
import {
  findEventDialog,
  findPrepButtonSlot,
  isCreateEventDialog,
  parseEventDialog,
  touchesEventDialog,
} from '@/lib/gcal/parseEventDialog';
import { findEventPagePrepSlot, parseEventPage } from '@/lib/gcal/parseEventPage';
import type { EventVerdict } from '@/lib/messages';
import { trimCalendarEvent } from '@/lib/messaging/trimCalendarEvent';
import type { PageWatcher } from './pageWatcher';
import { createPrepControls, findPrepControls } from './prepControls';
import { PrepOverlay } from './prepOverlay';
import type { VerdictCache } from './verdictCache';

interface ShownEvent {
  event: CalendarEvent;
  slot: { parent: Element; before: Node | null };
}

/** The event whose details are on screen: the popover first, else the full event page. */
function readShownEvent(doc: Document, url: string, now: Date, locale?: string): ShownEvent | null {
  const dialog = findEventDialog(doc);
  if (dialog && !isCreateEventDialog(dialog)) {
    const event = parseEventDialog(dialog, now, locale);
    const slot = event && findPrepButtonSlot(dialog);
    return event && slot ? { event, slot } : null;
  }
  // Only an event page's own URL names an event; after navigating away its DOM may linger briefly.
  if (eidFromUrl(url) === null) return null;
  const event = parseEventPage(doc, url, now, locale);
  const slot = event && findEventPagePrepSlot(doc);
  return event && slot ? { event, slot } : null;
}

interface EventDetailsFeature {
  /** Asks the background again about the event on screen (after the rules changed) and follows its answer. */
  recheck: () => void;
}

/**
 * Puts exactly one set of Four Ps controls into the details of the event on screen: "Prep (4 Ps)" for
 * a mentoring meeting, "Make this a mentoring meeting" otherwise. Runs again whenever Calendar
 * re-renders, so a rebuilt dialog gets its button back and a reused one never gets a second.
 */
export function startEventDetailsFeature(
  ctx: ContentScriptContext,
  watcher: PageWatcher,
  verdicts: VerdictCache,
  onMeetingChanged: () => void,
  logError: (error: unknown) => void,
  /** The page's language (pageLocale.ts), for dates in a language without a hand table. */
  locale?: string,
): EventDetailsFeature {
  const overlay = new PrepOverlay(onMeetingChanged);
  ctx.onInvalidated(() => overlay.close());

  const place = (shown: ShownEvent, mentoring: boolean, meetingId: string) => {
    const { parent, before } = shown.slot;
    if (!parent.isConnected) return;
    findPrepControls(parent)?.remove();
    const controls = createPrepControls(document, shown.event.eventId, mentoring, {
      openPrep: () => overlay.open(meetingId),
      markMentoring: (value) => {
        verdicts
          .setMentoring(trimCalendarEvent(shown.event), value)
          .then((verdict) => {
            place(shown, verdict.mentoring, verdict.meetingId);
            onMeetingChanged();
          })
          .catch(logError);
      },
    });
    parent.insertBefore(controls, before && before.parentNode === parent ? before : null);
  };

  /** Places the controls the background's verdict calls for, unless the right ones are there already. */
  const placeForVerdict = (shown: ShownEvent, verdict: EventVerdict | undefined) => {
    const current = findPrepControls(shown.slot.parent);
    const changed = current?.dataset.fourpsControls !== (verdict?.mentoring ? 'mentoring' : 'other');
    if (verdict && (!current || changed)) place(shown, verdict.mentoring, verdict.meetingId);
  };

  const update = (url = location.href) => {
    const shown = readShownEvent(document, url, new Date(), locale);
    if (!shown) return;
    const existing = findPrepControls(shown.slot.parent);
    if (existing?.dataset.eventId === shown.event.eventId) return;
    existing?.remove();
    const known = verdicts.get(shown.event.eventId);
    if (known) place(shown, known.mentoring, known.meetingId);
    verdicts
      .report([trimCalendarEvent(shown.event)])
      .then(([verdict]) => placeForVerdict(shown, verdict))
      .catch(logError);
  };

  // Whether the URL is an event page's, parsed once per URL rather than on every batch of changes.
  // Read per batch, not only on navigation: where the Navigation API is missing (Firefox), WXT learns
  // of a new URL by polling once a second, and the event page's button would wait for that.
  let lastHref = '';
  let lastHrefIsEventPage = false;
  const onEventPage = () => {
    if (location.href !== lastHref) {
      lastHref = location.href;
      lastHrefIsEventPage = eidFromUrl(lastHref) !== null;
    }
    return lastHrefIsEventPage;
  };

  // Search the page for event details only when a dialog came or changed, or on an event page.
  watcher.onChange((added) => {
    if (onEventPage() || added.some(touchesEventDialog)) update();
  });
  update();
  // The Navigation API announces a navigation before location.href changes: read the new URL from the event.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => {
    // Leaving an event page: nothing of ours may stay behind in a container Calendar reuses.
    overlay.close();
    for (const stale of document.querySelectorAll('[data-fourps-controls]')) stale.remove();
    update(event.newUrl.href);
  });

  return {
    recheck: () => {
      const shown = readShownEvent(document, location.href, new Date(), locale);
      if (!shown) return;
      verdicts
        .refresh([trimCalendarEvent(shown.event)])
        .then(([verdict]) => placeForVerdict(shown, verdict))
        .catch(logError);
    },
  };
}
