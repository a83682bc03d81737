import { format } from 'date-fns';
import { FourPsSteps } from '@/components/popup/FourPsSteps';
import { openMeetingPanelTab, openPrepTab } from '@/components/popup/openExtensionPage';
import { setActionItemDone } from '@/lib/db/actionItems';
import { loadMeetingExport } from '@/lib/export/loadMeetingExport';
import { type MeetingExportData, meetingToMarkdown } from '@/lib/export/meetingMarkdown';
import { P_ORDER, pLabel, questionById } from '@/lib/fourps/catalogue';
import type { Phase } from '@/lib/fourps/types';
import { phaseAwareProgress } from '@/lib/overview/meetingProgress';
import { fileNamePart } from './downloadText';
import { MarkdownExport } from './MarkdownExport';

const PLAN_FIELDS = [
  ['menteeNeeds', 'What the mentee needs'],
  ['accountability', 'Keeping on track'],
  ['learned', 'What I learned'],
  ['feedback', 'Feedback'],
  ['nextMeetingGoal', 'Goal of the next meeting'],
] as const;

/** One meeting of a relationship's history: what was prepared, noted, planned and promised. */
export function TimelineMeeting({ data, phase }: { data: MeetingExportData; phase: Phase }) {
  const { meeting, prep, notes, plan, actionItems } = data;
  const answers = Object.entries(prep?.answers ?? {}).filter(([, text]) => text.trim() !== '');
  const planFields = PLAN_FIELDS.filter(([field]) => plan && plan[field].trim() !== '');
  const date = meeting.start === undefined ? 'Date unknown' : format(meeting.start, 'EEE d MMM yyyy, HH:mm');
  return (
    <article className="timeline-meeting" data-testid="fourps-timeline-meeting" data-meeting-id={meeting.id}>
      <header>
        <h4>
          <span className="when">{date}</span> {meeting.title || 'Mentoring meeting'}
          {meeting.cancelled && <span className="pill">Cancelled</span>}
        </h4>
        <FourPsSteps progress={phaseAwareProgress(prep, phase)} />
      </header>
      {answers.length > 0 && (
        <section>
          <h5>Prep</h5>
          <dl>
            {P_ORDER.flatMap((p) =>
              answers
                .filter(([questionId]) => questionById(questionId)?.p === p)
                .map(([questionId, text]) => (
                  <div key={questionId}>
                    <dt>
                      <span className="p-tag">{pLabel(p, 'before')}</span>
                      {questionById(questionId)?.text}
                    </dt>
                    <dd className="user-text">{text}</dd>
                  </div>
                )),
            )}
          </dl>
        </section>
      )}
      {notes && (notes.text.trim() !== '' || notes.feedbackHeard.trim() !== '') && (
        <section>
          <h5>Notes</h5>
          {notes.text.trim() !== '' && <p className="user-text">{notes.text}</p>}
          {notes.feedbackHeard.trim() !== '' && (
            <p className="user-text">
              <strong>Feedback heard: </strong>
              {notes.feedbackHeard}
            </p>
          )}
        </section>
      )}
      {plan && (planFields.length > 0 || plan.doneAt !== undefined) && (
        <section>
          <h5>Plan{plan.doneAt !== undefined && ' (done)'}</h5>
          <dl>
            {planFields.map(([field, label]) => (
              <div key={field}>
                <dt>{label}</dt>
                <dd className="user-text">{plan[field]}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {actionItems.length > 0 && (
        <section>
          <h5>Action items</h5>
          <ul className="plain">
            {actionItems.map((item) => (
              <li key={item.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={item.doneAt !== 0}
                    onChange={(event) => void setActionItemDone(item, event.target.checked)}
                  />{' '}
                  {item.text}
                  <span className="muted-inline">
                    {' '}
                    · {item.owner === 'me' ? 'you' : 'your partner'}
                    {item.due !== 0 && ` · due ${format(item.due, 'd MMM yyyy')}`}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer className="meeting-actions">
        <button type="button" onClick={() => openPrepTab(meeting.id)}>
          Open prep
        </button>
        <button type="button" onClick={() => openMeetingPanelTab(meeting.id)}>
          Notes and plan
        </button>
        <MarkdownExport
          what={`the meeting “${meeting.title || 'Mentoring meeting'}”`}
          load={async () => {
            const fresh = await loadMeetingExport(meeting.id);
            if (!fresh) return undefined;
            const day = meeting.start === undefined ? '' : `${format(meeting.start, 'yyyy-MM-dd')}-`;
            return {
              fileName: `${day}${fileNamePart(meeting.title)}.md`,
              markdown: meetingToMarkdown(fresh),
            };
          }}
        />
      </footer>
    </article>
  );
}
