import { useId, useMemo, useState } from 'react';
import type { RelationshipRecord } from '@/lib/db/records';
import { detectMentoring } from '@/lib/detect/detectMentoring';
import type { DetectionResult, DetectionRules } from '@/lib/detect/types';

/** The reason in plain words, naming what matched. */
function explain(result: DetectionResult, relationships: readonly RelationshipRecord[]): string {
  const matched = result.matched ? `“${result.matched}”` : '';
  switch (result.reason) {
    case 'keyword':
      return `Yes — it would be found as a mentoring meeting: it contains the keyword ${matched}.`;
    case 'excluded-word':
      return `No — it contains the excluded word ${matched}, which overrides any keyword.`;
    case 'partner-email':
      return `Yes — ${matched} is one of your partner e-mails.`;
    case 'relationship-guest': {
      const partner = relationships.find((r) => r.id === result.relationshipId)?.partnerName;
      return `Yes — ${matched} is the e-mail of your mentoring partner${partner ? ` ${partner}` : ''}.`;
    }
    case 'event-override':
    case 'series-override':
      return result.mentoring ? 'Yes — you marked it as mentoring.' : 'No — you marked it as not mentoring.';
    case 'no-match':
      return 'No — no keyword and no partner e-mail matches.';
  }
}

/** "Would this title be detected?", answered live by the same function the calendar uses. */
export function DetectionPreview({
  rules,
  relationships,
}: {
  rules: DetectionRules;
  relationships: readonly RelationshipRecord[];
}) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [guest, setGuest] = useState('');
  const result = useMemo(() => {
    if (title.trim() === '' && guest.trim() === '') return undefined;
    return detectMentoring(
      {
        eventId: 'preview',
        title,
        guests: guest.trim() === '' ? [] : [{ email: guest.trim().toLowerCase(), response: 'accepted' }],
      },
      { rules, relationships },
    );
  }, [title, guest, rules, relationships]);

  return (
    <section className="detection-preview" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Try it</h2>
      <div className="rules-grid">
        <div className="field">
          <label htmlFor={`${id}-title`}>Event title</label>
          <input id={`${id}-title`} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-guest`}>A guest’s e-mail (optional)</label>
          <input id={`${id}-guest`} type="text" value={guest} onChange={(e) => setGuest(e.target.value)} />
        </div>
      </div>
      <output
        className={`preview-result${result ? (result.mentoring ? ' preview-result--yes' : ' preview-result--no') : ''}`}
        data-testid="fourps-detection-preview-result"
        data-mentoring={result?.mentoring}
        aria-live="polite"
      >
        {result
          ? explain(result, relationships)
          : 'Type a title to see whether Four Ps would treat it as mentoring.'}
      </output>
    </section>
  );
}
