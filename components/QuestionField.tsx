import { useId } from 'react';
import type { FourPsQuestion } from '@/lib/fourps/types';
import { useAutosavedText } from './useAutosavedText';

interface QuestionFieldProps {
  meetingId: string;
  question: FourPsQuestion;
  /** The P's name as shown in this moment ("Plan ahead" before the meeting). */
  pName: string;
  stored: string | undefined;
  save: (questionId: string, text: string, editedAt: number) => Promise<unknown>;
  onSaveState: (state: 'idle' | 'saving' | 'saved' | 'error') => void;
}

/** One question with its answer box; the label names the P so the field makes sense on its own. */
export function QuestionField({ meetingId, question, pName, stored, save, onSaveState }: QuestionFieldProps) {
  const id = useId();
  const field = useAutosavedText(
    stored,
    async (text, editedAt) => {
      onSaveState('saving');
      try {
        await save(question.id, text, editedAt);
        onSaveState('saved');
      } catch (error) {
        onSaveState('error');
        throw error;
      }
    },
    `prep:${meetingId}:${question.id}`,
  );
  return (
    <div className="question">
      <label htmlFor={id}>
        <span className="p-tag">{pName}</span> {question.text}
      </label>
      {question.hint && <p className="hint">{question.hint}</p>}
      <textarea
        id={id}
        rows={2}
        value={field.value}
        onChange={(event) => field.onChange(event.target.value)}
        onBlur={field.flush}
        data-question-id={question.id}
      />
    </div>
  );
}
