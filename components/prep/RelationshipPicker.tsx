import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { MeetingRecord } from '@/lib/db/records';
import { assignMeetingToRelationship, createRelationship, listRelationships } from '@/lib/db/relationships';
import { PHASE_LABELS, PHASES, ROLE_LABELS, ROLES } from '@/lib/fourps/catalogue';
import type { Phase, Role } from '@/lib/fourps/types';

/** Guests who could be the mentoring partner: everyone but the calendar's owner. */
function partnerCandidates(meeting: MeetingRecord) {
  const owner = meeting.calendarId?.toLowerCase();
  return meeting.guests.filter((guest) => guest.email.toLowerCase() !== owner && guest.email.includes('@'));
}

/**
 * Who this meeting is with. A meeting belongs to a relationship (partner, my role, learning goals,
 * phase); choosing one here also attaches the rest of a recurring series.
 */
export function RelationshipPicker({ meeting, defaultRole }: { meeting: MeetingRecord; defaultRole: Role }) {
  const relationships = useLiveQuery(() => listRelationships(), []);
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState(false);
  const current = relationships?.find((r) => r.id === meeting.relationshipId);

  if (relationships === undefined) return null;
  if (current && !changing) {
    return (
      <div className="relationship" data-testid="fourps-relationship">
        <span>
          With <strong>{current.partnerName}</strong> · I am the {ROLE_LABELS[current.myRole].toLowerCase()} ·{' '}
          {PHASE_LABELS[current.phase]}
        </span>{' '}
        <button type="button" onClick={() => setChanging(true)}>
          Change
        </button>
      </div>
    );
  }
  if (creating) {
    return (
      <NewRelationshipForm
        meeting={meeting}
        defaultRole={defaultRole}
        onDone={() => {
          setCreating(false);
          setChanging(false);
        }}
      />
    );
  }
  return (
    <div className="relationship" data-testid="fourps-relationship">
      <label>
        Who is this meeting with?{' '}
        <select
          value={current?.id ?? ''}
          onChange={(event) => {
            if (event.target.value === '') return;
            void assignMeetingToRelationship(meeting.id, event.target.value).then(() => setChanging(false));
          }}
        >
          <option value="">Choose a mentoring relationship…</option>
          {relationships.map((r) => (
            <option key={r.id} value={r.id}>
              {r.partnerName}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => setCreating(true)}>
        New relationship
      </button>
    </div>
  );
}

function NewRelationshipForm({
  meeting,
  defaultRole,
  onDone,
}: {
  meeting: MeetingRecord;
  defaultRole: Role;
  onDone: () => void;
}) {
  const id = useId();
  const [first] = partnerCandidates(meeting);
  const [partnerName, setPartnerName] = useState(first?.name ?? '');
  const [emails, setEmails] = useState(first?.email ?? '');
  const [myRole, setMyRole] = useState<Role>(defaultRole);
  const [phase, setPhase] = useState<Phase>('initiation');
  const [learningGoals, setLearningGoals] = useState('');
  const candidates = partnerCandidates(meeting);

  const save = async () => {
    const relationship = await createRelationship({
      partnerName: partnerName || emails,
      partnerEmails: emails.split(/[,\s;]+/),
      myRole,
      phase,
      learningGoals,
    });
    await assignMeetingToRelationship(meeting.id, relationship.id);
    onDone();
  };

  return (
    <fieldset className="new-relationship" data-testid="fourps-new-relationship">
      <legend>New mentoring relationship</legend>
      {candidates.length > 1 && (
        <label>
          Partner from the guests{' '}
          <select
            onChange={(event) => {
              const guest = candidates.find((g) => g.email === event.target.value);
              setPartnerName(guest?.name ?? '');
              setEmails(guest?.email ?? '');
            }}
            defaultValue={first?.email}
          >
            {candidates.map((guest) => (
              <option key={guest.email} value={guest.email}>
                {guest.name ? `${guest.name} (${guest.email})` : guest.email}
              </option>
            ))}
          </select>
        </label>
      )}
      <label htmlFor={`${id}-name`}>Partner’s name</label>
      <input
        id={`${id}-name`}
        type="text"
        value={partnerName}
        onChange={(e) => setPartnerName(e.target.value)}
      />
      <label htmlFor={`${id}-emails`}>Partner’s e-mail (several: separate with commas)</label>
      <input id={`${id}-emails`} type="text" value={emails} onChange={(e) => setEmails(e.target.value)} />
      <label htmlFor={`${id}-role`}>I am the</label>
      <select id={`${id}-role`} value={myRole} onChange={(e) => setMyRole(e.target.value as Role)}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-phase`}>Where the relationship stands</label>
      <select id={`${id}-phase`} value={phase} onChange={(e) => setPhase(e.target.value as Phase)}>
        {PHASES.map((p) => (
          <option key={p} value={p}>
            {PHASE_LABELS[p]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-goals`}>Learning goals</label>
      <textarea
        id={`${id}-goals`}
        rows={2}
        value={learningGoals}
        onChange={(e) => setLearningGoals(e.target.value)}
      />
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          disabled={!partnerName && !emails}
          onClick={() => void save()}
        >
          Save relationship
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
