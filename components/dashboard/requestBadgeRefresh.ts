import { sendMessage } from '@/lib/messaging/sendMessage';

/**
 * After the dashboard changed meetings, preps, rules, relationships or preferences: the badge and
 * reminders follow now, and open calendar tabs ask again about the events they show.
 */
export function requestBadgeRefresh(): void {
  sendMessage({ type: 'badge/refresh' }).catch((error: unknown) =>
    console.warn('Four Ps: badge refresh failed', error),
  );
}
