import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { redetectRecentMeetings } from '@/lib/db/meetings';
import { listRelationships } from '@/lib/db/relationships';
import { getDetectionRules, saveDetectionRules } from '@/lib/db/settings';
import { defaultDetectionRules } from '@/lib/detect/defaultRules';
import type { DetectionRules } from '@/lib/detect/types';
import { announceDashboardChange } from './announceDashboardChange';
import { DetectionPreview } from './DetectionPreview';

interface RulesDraft {
  keywords: string;
  excludedWords: string;
  partnerEmails: string;
}

const toDraft = (rules: DetectionRules): RulesDraft => ({
  keywords: rules.keywords.join('\n'),
  excludedWords: rules.excludedWords.join('\n'),
  partnerEmails: rules.partnerEmails.join('\n'),
});

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

const fromDraft = (draft: RulesDraft): DetectionRules => ({
  keywords: lines(draft.keywords),
  excludedWords: lines(draft.excludedWords),
  partnerEmails: lines(draft.partnerEmails).map((email) => email.toLowerCase()),
});

/** Loads the stored rules once, then hands them to the editor. */
export function DetectionSettings() {
  const stored = useLiveQuery(async () => ({ rules: await getDetectionRules() }), []);
  if (stored === undefined) return null;
  return <DetectionRulesEditor initial={stored.rules} />;
}

/**
 * Keywords, excluded words and partner e-mails, one per line. The preview runs on the rules as typed,
 * before they are saved, so the user can try a change and see its effect first.
 */
function DetectionRulesEditor({ initial }: { initial: DetectionRules }) {
  const id = useId();
  const [draft, setDraft] = useState<RulesDraft>(() => toDraft(initial));
  const [status, setStatus] = useState('');
  // A new object only when the text changes: detection memoizes compiled rules by identity.
  const rules = useMemo(() => fromDraft(draft), [draft]);
  const relationships = useLiveQuery(() => listRelationships(false), []);

  const edit = (field: keyof RulesDraft) => (event: { target: { value: string } }) => {
    setDraft((current) => ({ ...current, [field]: event.target.value }));
    setStatus('Not saved yet.');
  };
  const save = async () => {
    try {
      await saveDetectionRules(rules);
      await redetectRecentMeetings();
      announceDashboardChange();
      setStatus('Saved. Known meetings and open Google Calendar tabs were checked again with these rules.');
    } catch (error) {
      setStatus(`Could not save: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <section id="detection" className="dashboard-section" aria-labelledby="detection-heading">
      <h1 id="detection-heading">Finding mentoring meetings</h1>
      <p className="muted">
        A calendar event counts as mentoring when its title or description contains a keyword (whole words,
        any case or accent; end a word with * to match its beginning), unless it also contains an excluded
        word; or when one of the partner e-mails is a guest. Your own choice on an event always wins.
      </p>
      <div className="rules-grid">
        <div className="field">
          <label htmlFor={`${id}-keywords`}>Keywords (one per line)</label>
          <textarea id={`${id}-keywords`} rows={8} value={draft.keywords} onChange={edit('keywords')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-excluded`}>Excluded words (one per line)</label>
          <textarea
            id={`${id}-excluded`}
            rows={8}
            value={draft.excludedWords}
            onChange={edit('excludedWords')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-emails`}>
            Partner e-mails (one per line; @example.com for a whole domain)
          </label>
          <textarea
            id={`${id}-emails`}
            rows={8}
            value={draft.partnerEmails}
            onChange={edit('partnerEmails')}
          />
        </div>
      </div>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void save()}>
          Save detection settings
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(toDraft(defaultDetectionRules()));
            setStatus('Defaults restored here; save to keep them.');
          }}
        >
          Back to the defaults
        </button>
        <output aria-live="polite">{status}</output>
      </div>
      <DetectionPreview rules={rules} relationships={relationships ?? []} />
    </section>
  );
}
