import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { readUpcomingList, type UpcomingList } from '@/lib/overview/upcomingOverview';
import { UpcomingMeetingItem } from './popup/UpcomingMeetingItem';

/**
 * Upcoming mentoring meetings of the user's window, soonest first, each with how far its 4 Ps are.
 * `first` is the list read before the component mounted, shown until the live query has its own;
 * `onShown` is called once the list (or its empty state) has been drawn.
 */
export function UpcomingMeetings({ first, onShown }: { first?: UpcomingList; onShown?: () => void }) {
  const data = useLiveQuery(() => readUpcomingList(), [], first);
  const loaded = data !== undefined;
  useEffect(() => {
    if (loaded) onShown?.();
  }, [loaded, onShown]);

  if (data === undefined) return null;
  if (data.rows.length === 0) {
    return (
      <div className="empty" data-testid="fourps-upcoming-empty">
        <p>
          Nothing on the mentoring calendar for the next {data.days} days — or none found yet. Four Ps spots
          mentoring meetings while you look at Google Calendar: events that mention mentoring, coaching or a
          1:1, and events with one of your mentoring partners as a guest.
        </p>
        <p>Not spotted? Open the event in Google Calendar and choose “Make this a mentoring meeting”.</p>
        <button
          type="button"
          className="primary"
          onClick={() => void browser.tabs.create({ url: 'https://calendar.google.com/' })}
        >
          Open Google Calendar
        </button>
      </div>
    );
  }
  return (
    <ul className="plain upcoming" aria-label={`Mentoring meetings of the next ${data.days} days`}>
      {data.rows.map((row) => (
        <UpcomingMeetingItem key={row.meeting.id} row={row} now={data.now} />
      ))}
    </ul>
  );
}
