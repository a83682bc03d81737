import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import {
  getPreferences,
  type Preferences,
  REMINDER_LEAD_RANGE,
  savePreferences,
  UPCOMING_DAYS_RANGE,
} from '@/lib/db/preferences';
import { getDefaultRole, saveDefaultRole } from '@/lib/db/settings';
import { ROLE_LABELS, ROLES } from '@/lib/fourps/catalogue';
import type { Role } from '@/lib/fourps/types';
import { announceDashboardChange } from './announceDashboardChange';

const LEAD_CHOICES = [10, 15, 30, 60, 120, 240, 24 * 60] as const;

function leadLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes before`;
  if (minutes === 24 * 60) return 'A day before';
  const hours = minutes / 60;
  return `${hours} hour${hours === 1 ? '' : 's'} before`;
}

/** Preferences save as soon as they change; reminders and the badge follow at once. */
export function PreferencesSection() {
  const id = useId();
  const saved = useLiveQuery(
    async () => ({ ...(await getPreferences()), defaultRole: await getDefaultRole() }),
    [],
  );
  // What the user just chose shows at once, before the database write comes back through liveQuery.
  const [chosen, setChosen] = useState<Partial<Preferences> & { defaultRole?: Role }>({});
  const [status, setStatus] = useState('');
  const [daysText, setDaysText] = useState<string | undefined>();
  if (saved === undefined) return null;
  const stored = { ...saved, ...chosen };

  const save = async (changes: Partial<Preferences>) => {
    setChosen((current) => ({ ...current, ...changes }));
    try {
      await savePreferences(changes);
      setStatus('Saved.');
      announceDashboardChange();
    } catch {
      setChosen({});
      setStatus('That value cannot be used; nothing was changed.');
    }
  };
  const saveRole = async (role: Role) => {
    setChosen((current) => ({ ...current, defaultRole: role }));
    await saveDefaultRole(role);
    setStatus('Saved.');
  };
  const commitDays = () => {
    if (daysText === undefined) return;
    const days = Number(daysText);
    if (Number.isInteger(days) && days >= UPCOMING_DAYS_RANGE.min && days <= UPCOMING_DAYS_RANGE.max) {
      void save({ upcomingDays: days });
      setDaysText(undefined);
    } else {
      setStatus(
        `Choose a whole number of days from ${UPCOMING_DAYS_RANGE.min} to ${UPCOMING_DAYS_RANGE.max}.`,
      );
    }
  };
  const leadChoices = LEAD_CHOICES.includes(stored.reminderLeadMinutes as (typeof LEAD_CHOICES)[number])
    ? LEAD_CHOICES
    : [...LEAD_CHOICES, stored.reminderLeadMinutes].sort((a, b) => a - b);

  return (
    <section id="preferences" className="dashboard-section" aria-labelledby="preferences-heading">
      <h1 id="preferences-heading">Preferences</h1>
      <fieldset className="field role-choice">
        <legend>My usual role (for meetings not attached to a relationship)</legend>
        {ROLES.map((role) => (
          <label key={role}>
            <input
              type="radio"
              name={`${id}-role`}
              checked={stored.defaultRole === role}
              onChange={() => void saveRole(role)}
            />{' '}
            {ROLE_LABELS[role]}
          </label>
        ))}
      </fieldset>
      <div className="field narrow">
        <label htmlFor={`${id}-days`}>Days ahead shown in the popup</label>
        <input
          id={`${id}-days`}
          type="number"
          min={UPCOMING_DAYS_RANGE.min}
          max={UPCOMING_DAYS_RANGE.max}
          value={daysText ?? String(stored.upcomingDays)}
          onChange={(event) => setDaysText(event.target.value)}
          onBlur={commitDays}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitDays();
          }}
        />
      </div>
      <label className="checkbox-line field">
        <input
          type="checkbox"
          checked={stored.remindersEnabled}
          onChange={(event) => void save({ remindersEnabled: event.target.checked })}
        />{' '}
        Remind me to prepare before a mentoring meeting that is not fully prepared
      </label>
      <div className="field narrow">
        <label htmlFor={`${id}-lead`}>When to remind me</label>
        <select
          id={`${id}-lead`}
          value={stored.reminderLeadMinutes}
          disabled={!stored.remindersEnabled}
          onChange={(event) => void save({ reminderLeadMinutes: Number(event.target.value) })}
        >
          {leadChoices
            .filter((minutes) => minutes >= REMINDER_LEAD_RANGE.min && minutes <= REMINDER_LEAD_RANGE.max)
            .map((minutes) => (
              <option key={minutes} value={minutes}>
                {leadLabel(minutes)}
              </option>
            ))}
        </select>
      </div>
      <output aria-live="polite" data-testid="fourps-preferences-status">
        {status}
      </output>
    </section>
  );
}
