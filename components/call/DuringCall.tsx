import { useLiveQuery } from 'dexie-react-hooks';
import { formatMeetingTime } from '@/components/formatMeetingTime';
import { ActionItemsEditor } from '@/components/plan/ActionItemsEditor';
import { db } from '@/lib/db/database';
import { saveNotesField } from '@/lib/db/notes';
import { duringPrompts, QUESTIONS } from '@/lib/fourps/catalogue';
import { AskedQuestion } from './AskedQuestion';
import { AutosavedField } from './AutosavedField';
import { useMeetingContext } from './useMeetingContext';

/**
 * Beside the call: why you are meeting, the questions you brought (tick them off), a few prompts to
 * stay present, notes saved as you type, and next steps as they come up.
 */
export function DuringCall({ meetingId }: { meetingId: string }) {
  const context = useMeetingContext(meetingId);
  // null = read and none yet; undefined = not read yet (so the fields start with the stored text).
  const notes = useLiveQuery(async () => (await db.notes.get(meetingId)) ?? null, [meetingId]);
  if (!context || notes === undefined) return null;
  const { meeting, prep, role, partnerName } = context;
  // Every Purpose answer written, whatever role or phase the prep was written for.
  const purposeAnswers = QUESTIONS.filter((q) => q.p === 'purpose' && q.moment === 'before')
    .map((q) => ({ question: q, answer: prep?.answers[q.id]?.trim() ?? '' }))
    .filter((row) => row.answer !== '');
  const questions = prep?.questionsToBring ?? [];

  return (
    <main className="page side-panel" data-testid="fourps-during-call" data-meeting-id={meetingId}>
      <header>
        <p className="eyebrow">In the call</p>
        <h1>{meeting.title || 'Mentoring conversation'}</h1>
        <p className="muted">{formatMeetingTime(meeting.start, meeting.allDay)}</p>
      </header>

      <section className="p-section" aria-labelledby="during-purpose">
        <h2 id="during-purpose">Purpose</h2>
        {purposeAnswers.length === 0 ? (
          <p className="muted">
            No purpose written down. Worth asking early: what would make this time useful?
          </p>
        ) : (
          <dl className="purpose-answers" data-testid="fourps-purpose-answers">
            {purposeAnswers.map(({ question, answer }) => (
              <div key={question.id}>
                <dt>{question.text}</dt>
                <dd>{answer}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section className="p-section" aria-labelledby="during-questions">
        <h2 id="during-questions">Preparation · Questions to bring</h2>
        {questions.length === 0 ? (
          <p className="muted">No questions brought this time. Your curiosity will do.</p>
        ) : (
          <ul className="plain">
            {questions.map((question) => (
              <AskedQuestion key={question.id} meetingId={meetingId} question={question} />
            ))}
          </ul>
        )}
      </section>

      <section className="p-section" aria-labelledby="during-participation">
        <h2 id="during-participation">Participation</h2>
        <ul className="prompts" data-testid="fourps-participation-prompts">
          {duringPrompts(role).map((prompt) => (
            <li key={prompt.id}>{prompt.text}</li>
          ))}
        </ul>
        <AutosavedField
          p="participation"
          label="Notes"
          hint="Only for you, kept on this device."
          stored={notes?.text}
          save={(text, editedAt) => saveNotesField(meetingId, 'text', text, editedAt)}
          rows={6}
          testId="fourps-call-notes"
          draftKey={`notes:${meetingId}:text`}
        />
        <AutosavedField
          p="participation"
          label="Feedback you heard"
          stored={notes?.feedbackHeard}
          save={(text, editedAt) => saveNotesField(meetingId, 'feedbackHeard', text, editedAt)}
          testId="fourps-call-feedback"
          draftKey={`notes:${meetingId}:feedbackHeard`}
        />
      </section>

      <ActionItemsEditor
        meetingId={meetingId}
        partnerName={partnerName}
        heading="Plan · Next steps as they come up"
        emptyText="Heard a next step? Jot it down now; it lands in your plan when the call ends."
      />
    </main>
  );
}
