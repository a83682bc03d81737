import { askCalendarsToRecheck } from '@/lib/messaging/calendarRecheck';
import { sendMessage } from '@/lib/messaging/sendMessage';

/**
 * After the dashboard changed meetings, preps, rules, relationships or preferences: the toolbar badge
 * and reminders follow now, and open calendar tabs ask again about the events they show. Only the
 * dashboard asks the calendar tabs: the popup refreshes the badge each time it opens, and that must
 * not make every calendar tab read its page again.
 */
export function announceDashboardChange(): void {
  sendMessage({ type: 'badge/refresh' }).catch((error: unknown) =>
    console.warn('Four Ps: badge refresh failed', error),
  );
  askCalendarsToRecheck().catch((error: unknown) =>
    console.warn('Four Ps: could not ask calendar tabs to check again', error),
  );
}
