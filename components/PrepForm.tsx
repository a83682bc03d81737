import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { db } from '@/lib/db/database';
import { getOrCreatePrep, prepProgress, savePrepAnswer, setPrepRole } from '@/lib/db/preps';
import {
  FOUR_PS,
  P_ORDER,
  pLabel,
  prepQuestions,
  questionsByP,
  ROLES,
  roleLabel,
} from '@/lib/fourps/catalogue';
import type { Role } from '@/lib/fourps/types';
import { formatMeetingTime } from './formatMeetingTime';
import { LastTimePanel } from './prep/LastTimePanel';
import { QuestionsToBring } from './prep/QuestionsToBring';
import { RelationshipPicker } from './prep/RelationshipPicker';
import { QuestionField } from './QuestionField';
import { type SaveState, SaveStatus } from './SaveStatus';

/**
 * The 4 Ps prep form of one meeting: Purpose, Preparation, Participation and Plan ahead, with the
 * questions for the user's role. Every answer saves as it is typed.
 */
export function PrepForm({ meetingId }: { meetingId: string }) {
  const meeting = useLiveQuery(() => db.meetings.get(meetingId), [meetingId]);
  // null = read and missing; undefined = not read yet. A live query may not write, so an effect creates it.
  const prep = useLiveQuery(async () => (await db.preps.get(meetingId)) ?? null, [meetingId]);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  useEffect(() => {
    if (prep === null) void getOrCreatePrep(meetingId);
  }, [prep, meetingId]);

  const relationship = useLiveQuery(
    async () =>
      meeting?.relationshipId ? ((await db.relationships.get(meeting.relationshipId)) ?? null) : null,
    [meeting?.relationshipId],
  );

  if (!prep) return null;
  const questions = questionsByP(prepQuestions(prep.role, relationship?.phase));
  const progress = prepProgress(prep);

  return (
    <form className="prep-form" onSubmit={(event) => event.preventDefault()} aria-label="4 Ps prep">
      <header className="prep-header">
        <div>
          <h1>{meeting?.title || 'Mentoring meeting'}</h1>
          <p className="muted">{formatMeetingTime(meeting?.start, meeting?.allDay)}</p>
        </div>
        <fieldset className="role-switch">
          <legend>I am the</legend>
          {ROLES.map((role: Role) => (
            <label key={role}>
              <input
                type="radio"
                name="role"
                value={role}
                checked={prep.role === role}
                onChange={() => void setPrepRole(meetingId, role)}
              />
              {roleLabel(role)}
            </label>
          ))}
        </fieldset>
      </header>
      {meeting && <RelationshipPicker meeting={meeting} defaultRole={prep.role} />}
      {meeting && <LastTimePanel meeting={meeting} />}
      <p className="progress" data-testid="fourps-prep-progress" data-prep-status={progress.status}>
        {progress.answeredPs} of 4 Ps prepared
      </p>
      {P_ORDER.map((p) => {
        const headingId = `section-${p}`;
        const name = pLabel(p, 'before');
        const done = prepProgressFor(
          prep.answers,
          questions[p].map((q) => q.id),
        );
        return (
          <section key={p} aria-labelledby={headingId} className="p-section" data-p={p}>
            <h2 id={headingId}>
              {name}{' '}
              {done && (
                <span className="done-mark" aria-hidden="true">
                  ✓
                </span>
              )}
            </h2>
            <p className="muted">{FOUR_PS[p].summary}</p>
            {questions[p].map((question) => (
              <QuestionField
                key={`${prep.role}-${question.id}`}
                meetingId={meetingId}
                question={question}
                pName={name}
                stored={prep.answers[question.id]}
                save={(id, text, editedAt) => savePrepAnswer(meetingId, id, text, editedAt)}
                onSaveState={setSaveState}
              />
            ))}
            {p === 'preparation' && (
              <QuestionsToBring meetingId={meetingId} questions={prep.questionsToBring} />
            )}
          </section>
        );
      })}
      <footer className="prep-footer">
        <SaveStatus state={saveState} />
      </footer>
    </form>
  );
}

function prepProgressFor(answers: Record<string, string>, ids: string[]): boolean {
  return ids.some((id) => (answers[id] ?? '').trim() !== '');
}
