import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { RelationshipRecord } from '@/lib/db/records';
import { loadRelationshipExport } from '@/lib/export/loadMeetingExport';
import { meetingMatchesSearch } from '@/lib/overview/timelineSearch';
import { TimelineMeeting } from './TimelineMeeting';

/** The meetings of one relationship, newest first, narrowed by a search over everything written. */
export function RelationshipTimeline({ relationship }: { relationship: RelationshipRecord }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const history = useLiveQuery(() => loadRelationshipExport(relationship.id), [relationship.id]);
  if (history === undefined) return null;
  const meetings = history.meetings.filter(
    (data) => data.meeting.detection.mentoring && meetingMatchesSearch(data, query),
  );
  return (
    <section className="timeline" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Meetings</h3>
      <div className="field search-field">
        <label htmlFor={`${id}-search`}>Search this relationship’s meetings</label>
        <input
          id={`${id}-search`}
          type="search"
          value={query}
          placeholder="A word from a title, prep, notes, plan or action item"
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {meetings.length === 0 ? (
        <p className="muted" data-testid="fourps-timeline-empty">
          {query.trim() === ''
            ? 'No meetings yet. Mentoring meetings with this partner show up here once Four Ps has seen them in Google Calendar.'
            : `No meeting mentions “${query.trim()}”.`}
        </p>
      ) : (
        <ol className="plain timeline-list">
          {meetings.map((data) => (
            <li key={data.meeting.id}>
              <TimelineMeeting data={data} phase={relationship.phase} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
