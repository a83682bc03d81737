import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { db } from '@/lib/db/database';
import { upcomingMentoringMeetings } from '@/lib/db/meetings';
import { prepProgress } from '@/lib/db/preps';
import { prepPagePath } from '@/lib/prepPage';
import { formatMeetingTime } from './formatMeetingTime';

export const UPCOMING_DAYS = 14;

/** Upcoming mentoring meetings, soonest first, each with how far its 4 Ps are prepared. */
export function UpcomingMeetings() {
  const rows = useLiveQuery(async () => {
    const meetings = await upcomingMentoringMeetings(Date.now(), UPCOMING_DAYS);
    const preps = await db.preps.bulkGet(meetings.map((m) => m.id));
    return meetings.map((meeting, index) => ({ meeting, progress: prepProgress(preps[index]) }));
  }, []);

  if (rows === undefined) return null;
  if (rows.length === 0) {
    return (
      <div className="empty" data-testid="fourps-upcoming-empty">
        <p>
          No mentoring meetings in the next {UPCOMING_DAYS} days yet. Four Ps finds them while you browse
          Google Calendar: events about mentoring or coaching, or with a mentoring partner as a guest. You can
          also open any event and choose “Make this a mentoring meeting”.
        </p>
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
    <ul className="plain upcoming">
      {rows.map(({ meeting, progress }) => (
        <li key={meeting.id} data-testid="fourps-upcoming-item" data-meeting-id={meeting.id}>
          <button
            type="button"
            className="upcoming-item"
            onClick={() =>
              void browser.tabs.create({
                url: browser.runtime.getURL(prepPagePath(meeting.id) as '/prep.html'),
              })
            }
          >
            <span className="when">{formatMeetingTime(meeting.start, meeting.allDay)}</span>
            <span className="title">{meeting.title || 'Mentoring meeting'}</span>
            <span className={`prep-count prep-count--${progress.status}`} data-prep-status={progress.status}>
              {progress.answeredPs}/4 Ps prepared
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
