import { useLiveQuery } from 'dexie-react-hooks';
import { AutosavedField } from '@/components/call/AutosavedField';
import { useMeetingContext } from '@/components/call/useMeetingContext';
import { actionItemsForMeeting } from '@/lib/db/actionItems';
import { db } from '@/lib/db/database';
import {
  type PlanTextField,
  saveNextMeetingDate,
  savePlanText,
  setPlanChecked,
  setPlanDone,
} from '@/lib/db/plans';
import { planPrompts } from '@/lib/fourps/catalogue';
import type { FourPsQuestion } from '@/lib/fourps/types';
import { ActionItemsEditor } from './ActionItemsEditor';
import { fromDateTimeInput, toDateTimeInput } from './dayInput';
import { nextMeetingInviteUrl } from './nextMeetingInvite';

/** Which Plan question each stored plan field answers (mentor and mentee word some differently). */
const FIELD_OF_QUESTION: Readonly<Record<string, PlanTextField>> = {
  'plan.needs': 'menteeNeeds',
  'plan.mentee-needs': 'menteeNeeds',
  'plan.on-track': 'accountability',
  'plan.accountability': 'accountability',
  'plan.learned': 'learned',
  'plan.feedback': 'feedback',
};

/** Looking back rather than ahead: what was learned, and the feedback that went both ways. */
const REFLECTION = new Set(['plan.learned', 'plan.feedback']);

const questionText = (questions: FourPsQuestion[], id: string, fallback: string) =>
  questions.find((q) => q.id === id)?.text ?? fallback;

/**
 * The Plan checklist, right after the meeting: next steps with owners and dates (the action items
 * captured during the call are already there), what the mentee needs, how to stay accountable, a
 * short reflection, and the next meeting, which Google Calendar can create pre-filled.
 */
export function PlanChecklist({ meetingId }: { meetingId: string }) {
  const context = useMeetingContext(meetingId);
  // null = read and none yet; undefined = not read yet (so the fields start with the stored text).
  const plan = useLiveQuery(async () => (await db.plans.get(meetingId)) ?? null, [meetingId]);
  const items = useLiveQuery(() => actionItemsForMeeting(meetingId), [meetingId]);
  if (!context || plan === undefined || items === undefined) return null;
  const { meeting, relationship, role, partnerName } = context;
  const questions = planPrompts(role);
  const textFields = questions.filter((q) => FIELD_OF_QUESTION[q.id] !== undefined);
  const inviteUrl = nextMeetingInviteUrl(meeting, relationship, plan ?? undefined, items);
  const done = plan?.doneAt !== undefined;
  const renderField = (question: FourPsQuestion) => {
    const field = FIELD_OF_QUESTION[question.id] as PlanTextField;
    return (
      <AutosavedField
        key={question.id}
        p="plan"
        label={question.text}
        hint={question.hint}
        stored={plan?.[field]}
        save={(text, editedAt) => savePlanText(meetingId, field, text, editedAt)}
        rows={2}
        testId={`fourps-plan-${field}`}
        draftKey={`plan:${meetingId}:${field}`}
      />
    );
  };

  return (
    <main
      className="page side-panel plan-checklist"
      data-testid="fourps-plan-checklist"
      data-meeting-id={meetingId}
      data-plan-done={done}
    >
      <header>
        <p className="eyebrow">{meeting.state === 'ended' ? 'Just finished' : 'Plan'}</p>
        <h1>Plan: {meeting.title || 'Mentoring conversation'}</h1>
        <p className="muted">
          While it is fresh: who does what next, and when you meet again. A few lines are plenty.
        </p>
      </header>

      <ActionItemsEditor
        meetingId={meetingId}
        partnerName={partnerName}
        heading={`Plan · ${questionText(questions, 'plan.next-steps', 'Next steps')}`}
        emptyText="No next steps yet. What is the first small thing, and who does it?"
      />

      <section className="p-section" aria-labelledby="plan-commitments">
        <h2 id="plan-commitments">Plan · Support and follow-up</h2>
        {textFields.filter((q) => !REFLECTION.has(q.id)).map(renderField)}
      </section>

      <section className="p-section" aria-labelledby="plan-reflection">
        <h2 id="plan-reflection">Plan · Reflection</h2>
        {textFields.filter((q) => REFLECTION.has(q.id)).map(renderField)}
      </section>

      <section className="p-section" aria-labelledby="plan-next-meeting">
        <h2 id="plan-next-meeting">Plan · Next meeting</h2>
        <div className="question">
          <label htmlFor="plan-next-date">
            <span className="p-tag">Plan</span>{' '}
            {questionText(questions, 'plan.next-meeting', 'When do you meet next?')}
          </label>
          <input
            id="plan-next-date"
            type="datetime-local"
            data-testid="fourps-plan-next-date"
            value={toDateTimeInput(plan?.nextMeetingDate)}
            onChange={(event) => void saveNextMeetingDate(meetingId, fromDateTimeInput(event.target.value))}
          />
        </div>
        <AutosavedField
          p="plan"
          label={questionText(questions, 'plan.next-goal', 'What is the next meeting for?')}
          stored={plan?.nextMeetingGoal}
          save={(text, editedAt) => savePlanText(meetingId, 'nextMeetingGoal', text, editedAt)}
          rows={2}
          testId="fourps-plan-nextMeetingGoal"
          draftKey={`plan:${meetingId}:nextMeetingGoal`}
        />
        {inviteUrl ? (
          <a
            className="button"
            href={inviteUrl}
            target="_blank"
            rel="noreferrer"
            data-testid="fourps-plan-create-event"
            onClick={() => void setPlanChecked(meetingId, 'nextMeetingCreated', true)}
          >
            Create it in Google Calendar
          </a>
        ) : (
          <p className="hint">Pick a date and Google Calendar can create the invitation for you.</p>
        )}
        {plan?.checked.nextMeetingCreated && (
          <p className="hint">Opened in Google Calendar. Remember to save it there.</p>
        )}
      </section>

      <footer className="plan-footer">
        {done ? (
          <>
            <p className="done-note" data-testid="fourps-plan-done-note">
              Plan done. Nicely wrapped up.
            </p>
            <button type="button" onClick={() => void setPlanDone(meetingId, false)}>
              Reopen the plan
            </button>
          </>
        ) : (
          <button
            type="button"
            className="primary"
            data-testid="fourps-plan-done"
            onClick={() => void setPlanDone(meetingId, true)}
          >
            Plan done
          </button>
        )}
      </footer>
    </main>
  );
}
