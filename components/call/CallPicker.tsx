import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { formatMeetingTime } from '@/components/formatMeetingTime';
import { db } from '@/lib/db/database';
import { isMentoringMeeting } from '@/lib/db/meetings';
import { listRelationships } from '@/lib/db/relationships';
import { sendMessage } from '@/lib/messaging/sendMessage';

function todayRange(now: number): [number, number] {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return [start.getTime(), end.getTime()];
}

/**
 * A Meet call that no calendar entry carried: the user says which of today's mentoring meetings it
 * is (the code is remembered for next time), or starts an ad-hoc conversation with one of their
 * relationships. Linking goes through the background, which owns the call's life.
 */
export function CallPicker({ meetCode }: { meetCode: string }) {
  const today = useLiveQuery(async () => {
    const [from, to] = todayRange(Date.now());
    const meetings = await db.meetings.where('start').between(from, to, true, false).toArray();
    return meetings.filter((m) => isMentoringMeeting(m) && !m.cancelled && m.state !== 'ended');
  }, []);
  const relationships = useLiveQuery(() => listRelationships(), []);
  const [relationshipId, setRelationshipId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const report = (promise: Promise<unknown>) =>
    promise.catch(() => setError('That did not work. Please try once more.'));

  if (today === undefined || relationships === undefined) return null;
  return (
    <main className="page side-panel" data-testid="fourps-call-picker" data-meet-code={meetCode}>
      <h1>Which conversation is this?</h1>
      <p className="muted">
        This call ({meetCode}) is not on a mentoring meeting Four Ps knows. Pick it below and your prep and
        notes sit right here.
      </p>
      <section className="p-section" aria-labelledby="picker-today">
        <h2 id="picker-today">Today’s mentoring meetings</h2>
        {today.length === 0 ? (
          <p className="muted">None on the calendar today.</p>
        ) : (
          <ul className="plain picker-list">
            {today.map((meeting) => (
              <li key={meeting.id}>
                <button
                  type="button"
                  className="picker-item"
                  onClick={() =>
                    void report(sendMessage({ type: 'call/link', meetCode, meetingId: meeting.id }))
                  }
                >
                  <span className="title">{meeting.title || 'Mentoring meeting'}</span>
                  <span className="when">{formatMeetingTime(meeting.start, meeting.allDay)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="p-section" aria-labelledby="picker-ad-hoc">
        <h2 id="picker-ad-hoc">Not on the calendar?</h2>
        <p className="muted">Start an unplanned mentoring conversation.</p>
        <div className="relationship">
          <label htmlFor="picker-relationship">With</label>
          <select
            id="picker-relationship"
            value={relationshipId}
            onChange={(event) => setRelationshipId(event.target.value)}
          >
            <option value="">Someone not in my list yet</option>
            {relationships.map((r) => (
              <option key={r.id} value={r.id}>
                {r.partnerName}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="primary"
            onClick={() =>
              void report(
                sendMessage({ type: 'call/ad-hoc', meetCode, relationshipId: relationshipId || undefined }),
              )
            }
          >
            Start
          </button>
        </div>
      </section>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </main>
  );
}
