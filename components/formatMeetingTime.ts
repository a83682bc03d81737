import { format, isToday, isTomorrow } from 'date-fns';

/** "Today 15:00", "Tomorrow 09:30", or "Tue 15 Sep, 15:00" in the user's locale-neutral short form. */
export function formatMeetingTime(start: number | undefined, allDay = false): string {
  if (start === undefined) return 'Time unknown';
  const date = new Date(start);
  const day = isToday(date) ? 'Today' : isTomorrow(date) ? 'Tomorrow' : format(date, 'EEE d MMM');
  if (allDay) return `${day}, all day`;
  return `${day}, ${date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}`;
}
