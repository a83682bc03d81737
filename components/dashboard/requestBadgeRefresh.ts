import { sendMessage } from '@/lib/messaging/sendMessage';

/** After the dashboard changed meetings, preps or preferences: the badge and reminders follow now. */
export function requestBadgeRefresh(): void {
  sendMessage({ type: 'badge/refresh' }).catch((error: unknown) =>
    console.warn('Four Ps: badge refresh failed', error),
  );
}
