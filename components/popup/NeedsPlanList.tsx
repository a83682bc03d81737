import { useLiveQuery } from 'dexie-react-hooks';
import type { MeetingRecord } from '@/lib/db/records';
import { meetingsNeedingPlan } from '@/lib/overview/meetingsNeedingPlan';
import { formatMeetingTime } from '../formatMeetingTime';
import { openMeetingPanelTab } from './openExtensionPage';

/**
 * Mentoring meetings of the past week that ended without a plan: the moment to write it down. `first`
 * is the list read before the component mounted, shown until the live query has its own.
 */
export function NeedsPlanList({ first }: { first?: MeetingRecord[] }) {
  const meetings = useLiveQuery(() => meetingsNeedingPlan(Date.now()), [], first);
  if (!meetings || meetings.length === 0) return null;
  return (
    <section className="popup-section" aria-labelledby="needs-plan-heading">
      <h2 id="needs-plan-heading">Ended — plan the next steps</h2>
      <ul className="plain needs-plan">
        {meetings.map((meeting) => (
          <li key={meeting.id} data-testid="fourps-needs-plan-item" data-meeting-id={meeting.id}>
            <span>
              <span className="when">{formatMeetingTime(meeting.start, meeting.allDay)}</span>{' '}
              <span className="title">{meeting.title || 'Mentoring meeting'}</span>
            </span>
            <button type="button" onClick={() => openMeetingPanelTab(meeting.id)}>
              Write the plan
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
