import { roleLabel } from '@/lib/fourps/catalogue';
import type { UpcomingRow } from '@/lib/overview/upcomingOverview';
import { FourPsSteps } from './FourPsSteps';
import { openMeetingPanelTab, openPrepTab } from './openExtensionPage';
import { relativeStart } from './relativeStart';

/**
 * One upcoming mentoring meeting: the whole card opens its prep in one click; a meeting under way
 * offers its notes instead of pretending there is still time to prepare, and one that is over offers
 * its plan until the plan is done.
 */
export function UpcomingMeetingItem({ row, now }: { row: UpcomingRow; now: number }) {
  const { meeting, relationship, progress, timing, planDone } = row;
  const role = relationship?.myRole;
  return (
    <li
      className={`upcoming-entry upcoming-entry--${timing}`}
      data-testid="fourps-upcoming-item"
      data-meeting-id={meeting.id}
      data-timing={timing}
    >
      <button type="button" className="upcoming-item" onClick={() => openPrepTab(meeting.id)}>
        <span className="when">
          {relativeStart(meeting.start, meeting.allDay, now)}
          {timing === 'in-progress' && <span className="pill pill--live">In progress</span>}
          {timing === 'ended' && <span className="pill">Ended</span>}
        </span>
        <span className="title">{meeting.title || 'Mentoring meeting'}</span>
        <span className="who">
          {relationship ? `with ${relationship.partnerName}` : 'Partner not set yet'}
          {role && ` · you are the ${roleLabel(role).toLowerCase()}`}
        </span>
        <FourPsSteps progress={progress} />
      </button>
      {timing === 'in-progress' && (
        <button
          type="button"
          className="primary entry-action"
          onClick={() => openMeetingPanelTab(meeting.id)}
        >
          Open notes for this call
        </button>
      )}
      {timing === 'ended' && !planDone && (
        <button
          type="button"
          className="primary entry-action"
          onClick={() => openMeetingPanelTab(meeting.id)}
        >
          Write the plan
        </button>
      )}
    </li>
  );
}
