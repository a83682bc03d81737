import { useState } from 'react';
import {
  addQuestionToBring,
  moveQuestionToBring,
  removeQuestionToBring,
  setQuestionAsked,
} from '@/lib/db/preps';
import type { QuestionToBring } from '@/lib/db/records';

/**
 * The questions the user wants to ask in the conversation: add, reorder, remove, and tick off once
 * asked (during the call, or here).
 */
export function QuestionsToBring({
  meetingId,
  questions,
}: {
  meetingId: string;
  questions: QuestionToBring[];
}) {
  const [draft, setDraft] = useState('');
  const add = () => {
    void addQuestionToBring(meetingId, draft);
    setDraft('');
  };
  return (
    <div className="questions-to-bring" data-testid="fourps-questions-to-bring">
      <h3 id="questions-to-bring-heading">Preparation · Questions to bring</h3>
      {questions.length === 0 && <p className="muted">Nothing yet. What do you want to ask this time?</p>}
      <ol className="plain" aria-labelledby="questions-to-bring-heading">
        {questions.map((question, index) => (
          <li key={question.id} className="bring-row">
            <label className="bring-text">
              <input
                type="checkbox"
                checked={question.askedAt !== undefined}
                onChange={(event) => void setQuestionAsked(meetingId, question.id, event.target.checked)}
              />
              <span className={question.askedAt ? 'asked' : undefined}>{question.text}</span>
            </label>
            <span className="row-actions">
              <button
                type="button"
                disabled={index === 0}
                aria-label={`Move “${question.text}” up`}
                onClick={() => void moveQuestionToBring(meetingId, question.id, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={index === questions.length - 1}
                aria-label={`Move “${question.text}” down`}
                onClick={() => void moveQuestionToBring(meetingId, question.id, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={`Remove “${question.text}”`}
                onClick={() => void removeQuestionToBring(meetingId, question.id)}
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="add-row">
        <label htmlFor="new-question-to-bring" className="visually-hidden">
          Preparation: a question to bring
        </label>
        <input
          id="new-question-to-bring"
          type="text"
          placeholder="Add a question to bring…"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={draft.trim() === ''}>
          Add
        </button>
      </div>
    </div>
  );
}
