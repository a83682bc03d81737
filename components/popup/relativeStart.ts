import { formatMeetingTime } from '@/components/formatMeetingTime';

const MINUTE_MS = 60 * 1000;

/** "Today, 15:00 · in 25 min": the countdown only when it is under an hour, where minutes matter. */
export function relativeStart(start: number | undefined, allDay: boolean, now: number): string {
  const day = formatMeetingTime(start, allDay);
  if (start === undefined || allDay) return day;
  const minutes = Math.round((start - now) / MINUTE_MS);
  return minutes > 0 && minutes < 60 ? `${day} · in ${minutes} min` : day;
}
