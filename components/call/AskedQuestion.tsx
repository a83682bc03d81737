import { useEffect, useState } from 'react';
import { setQuestionAsked } from '@/lib/db/preps';
import type { QuestionToBring } from '@/lib/db/records';

/** One question the user brought, ticked off once asked; the tick shows at once, then follows the store. */
export function AskedQuestion({ meetingId, question }: { meetingId: string; question: QuestionToBring }) {
  const stored = question.askedAt !== undefined;
  const [asked, setAsked] = useState(stored);
  useEffect(() => setAsked(stored), [stored]);
  return (
    <li className="bring-row">
      <label className="bring-text">
        <input
          type="checkbox"
          checked={asked}
          onChange={(event) => {
            setAsked(event.target.checked);
            void setQuestionAsked(meetingId, question.id, event.target.checked);
          }}
        />
        <span className={asked ? 'asked' : undefined}>{question.text}</span>
      </label>
    </li>
  );
}
