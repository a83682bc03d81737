import { type FormEvent, useId, useState } from 'react';
import type { RelationshipRecord } from '@/lib/db/records';
import { createRelationship, updateRelationship } from '@/lib/db/relationships';
import { PHASE_LABELS, PHASE_SUMMARIES, PHASES, ROLE_LABELS, ROLES } from '@/lib/fourps/catalogue';
import type { Phase, Role } from '@/lib/fourps/types';
import { announceDashboardChange } from './announceDashboardChange';

/** E-mails as typed: separated by commas, semicolons, spaces or lines. */
function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((email) => email.trim())
    .filter((email) => email !== '');
}

/** A new relationship when `relationship` is absent; otherwise edits it. */
export function RelationshipForm({
  relationship,
  onSaved,
  onCancel,
}: {
  relationship?: RelationshipRecord;
  onSaved: (id: string) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [partnerName, setPartnerName] = useState(relationship?.partnerName ?? '');
  const [emails, setEmails] = useState(relationship?.partnerEmails.join(', ') ?? '');
  const [myRole, setMyRole] = useState<Role>(relationship?.myRole ?? 'mentee');
  const [learningGoals, setLearningGoals] = useState(relationship?.learningGoals ?? '');
  const [phase, setPhase] = useState<Phase>(relationship?.phase ?? 'initiation');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const partnerEmails = splitEmails(emails);
    const wrong = partnerEmails.find((email) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email));
    if (partnerName.trim() === '') {
      setError('Give your partner’s name, so you can tell your relationships apart.');
      return;
    }
    if (wrong) {
      setError(`“${wrong}” does not look like an e-mail address. Check it, or leave the field empty.`);
      return;
    }
    setError('');
    try {
      const draft = { partnerName, partnerEmails, myRole, learningGoals, phase };
      if (relationship) {
        await updateRelationship(relationship.id, draft);
        setStatus('Changes saved.');
        onSaved(relationship.id);
      } else {
        const created = await createRelationship(draft);
        onSaved(created.id);
      }
      announceDashboardChange();
    } catch (failure) {
      setError(`Could not save: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  };

  return (
    <form className="relationship-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>Partner’s name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={partnerName}
          onChange={(event) => setPartnerName(event.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-emails`}>Partner’s e-mail addresses</label>
        <p className="hint" id={`${id}-emails-hint`}>
          Separate several with commas. A calendar event with one of them as a guest counts as a mentoring
          meeting of this relationship.
        </p>
        <input
          id={`${id}-emails`}
          type="text"
          value={emails}
          aria-describedby={`${id}-emails-hint`}
          onChange={(event) => setEmails(event.target.value)}
        />
      </div>
      <fieldset className="field role-choice">
        <legend>My role</legend>
        {ROLES.map((role) => (
          <label key={role}>
            <input
              type="radio"
              name={`${id}-role`}
              value={role}
              checked={myRole === role}
              onChange={() => setMyRole(role)}
            />{' '}
            {ROLE_LABELS[role]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-goals`}>Learning goals</label>
        <textarea
          id={`${id}-goals`}
          rows={3}
          value={learningGoals}
          onChange={(event) => setLearningGoals(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-phase`}>Phase</label>
        <select
          id={`${id}-phase`}
          value={phase}
          onChange={(event) => setPhase(PHASES.find((p) => p === event.target.value) ?? phase)}
        >
          {PHASES.map((option) => (
            <option key={option} value={option}>
              {PHASE_LABELS[option]}
            </option>
          ))}
        </select>
        <p className="hint">{PHASE_SUMMARIES[phase]}</p>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          {relationship ? 'Save changes' : 'Create relationship'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <output aria-live="polite">{status}</output>
      </div>
    </form>
  );
}
