import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { openActionItems, setActionItemDone } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import type { MeetingRecord } from '@/lib/db/records';
import { previousMeeting } from '@/lib/db/relationships';
import { formatMeetingTime } from '../formatMeetingTime';

/**
 * "Last time": what the previous conversation of the same relationship left behind — its plan, the
 * action items still open (tick them here), and the questions that were not asked.
 */
export function LastTimePanel({ meeting }: { meeting: MeetingRecord }) {
  const data = useLiveQuery(async () => {
    const previous = await previousMeeting(meeting);
    const open = meeting.relationshipId
      ? (await openActionItems(Date.now(), meeting.relationshipId)).filter(
          (item) => item.meetingId !== meeting.id,
        )
      : [];
    if (!previous) return { previous: null, open, plan: undefined, lingering: [] };
    const [plan, prep] = await Promise.all([db.plans.get(previous.id), db.preps.get(previous.id)]);
    const lingering = (prep?.questionsToBring ?? []).filter((q) => q.askedAt === undefined);
    return { previous, open, plan, lingering };
  }, [meeting.id, meeting.relationshipId, meeting.start]);

  if (data === undefined) return null;
  const { previous, open, plan, lingering } = data;
  return (
    <details className="last-time" open data-testid="fourps-last-time">
      <summary>
        <h2>Last time</h2>
      </summary>
      {!meeting.relationshipId && (
        <p className="muted">
          Choose who this meeting is with, and what you agreed last time will show up here.
        </p>
      )}
      {meeting.relationshipId && !previous && open.length === 0 && (
        <p className="muted">
          This is your first conversation here. After it, its plan, open action items and unasked questions
          will wait for you in this spot.
        </p>
      )}
      {previous && (
        <p className="muted">
          {previous.title || 'Mentoring meeting'} · {formatMeetingTime(previous.start, previous.allDay)} ·{' '}
          <a
            href={browser.runtime.getURL(`/sidepanel.html?meeting=${encodeURIComponent(previous.id)}`)}
            target="_blank"
            rel="noreferrer"
          >
            its notes and plan
          </a>
        </p>
      )}
      {plan && (plan.nextMeetingGoal || plan.accountability || plan.menteeNeeds) && (
        <dl className="last-plan">
          {plan.nextMeetingGoal && (
            <>
              <dt>Goal set for this meeting</dt>
              <dd>{plan.nextMeetingGoal}</dd>
            </>
          )}
          {plan.menteeNeeds && (
            <>
              <dt>What the mentee needed</dt>
              <dd>{plan.menteeNeeds}</dd>
            </>
          )}
          {plan.accountability && (
            <>
              <dt>How we agreed to keep on track</dt>
              <dd>{plan.accountability}</dd>
            </>
          )}
        </dl>
      )}
      {open.length > 0 && (
        <>
          <h3>Open action items</h3>
          <ul className="plain" data-testid="fourps-last-time-actions">
            {open.map((item) => (
              <li key={item.id}>
                <label>
                  <input
                    type="checkbox"
                    onChange={(event) => void setActionItemDone(item, event.target.checked)}
                  />{' '}
                  {item.text}{' '}
                  <span className="muted">
                    ({item.owner === 'me' ? 'me' : 'partner'}
                    {item.due ? `, due ${formatMeetingTime(item.due, true).replace(', all day', '')}` : ''})
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      {lingering.length > 0 && (
        <>
          <h3>Questions not asked last time</h3>
          <ul>
            {lingering.map((question) => (
              <li key={question.id}>{question.text}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
