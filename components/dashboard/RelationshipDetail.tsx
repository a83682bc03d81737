import type { RelationshipRecord } from '@/lib/db/records';
import { updateRelationship } from '@/lib/db/relationships';
import { loadRelationshipExport } from '@/lib/export/loadMeetingExport';
import { relationshipToMarkdown } from '@/lib/export/meetingMarkdown';
import { PHASE_LABELS, roleLabel } from '@/lib/fourps/catalogue';
import { announceDashboardChange } from './announceDashboardChange';
import { fileNamePart } from './downloadText';
import { MarkdownExport } from './MarkdownExport';
import { PhasePrompts } from './PhasePrompts';
import { RelationshipForm } from './RelationshipForm';
import { RelationshipTimeline } from './RelationshipTimeline';

/** One relationship: its details (editable), what its phase adds, its export, and its history. */
export function RelationshipDetail({ relationship }: { relationship: RelationshipRecord }) {
  const toggleArchived = async () => {
    await updateRelationship(relationship.id, { archived: !relationship.archived });
    announceDashboardChange();
  };
  return (
    <div className="relationship-detail" data-testid="fourps-relationship-detail">
      <header className="detail-header">
        <div>
          <h2>{relationship.partnerName}</h2>
          <p className="muted">
            You are the {roleLabel(relationship.myRole).toLowerCase()} · Phase:{' '}
            {PHASE_LABELS[relationship.phase]}
            {relationship.archived && ' · Archived'}
          </p>
        </div>
        <div className="detail-actions">
          <MarkdownExport
            what="this relationship"
            load={async () => {
              const data = await loadRelationshipExport(relationship.id);
              if (!data) return undefined;
              return {
                fileName: `mentoring-${fileNamePart(relationship.partnerName)}.md`,
                markdown: relationshipToMarkdown(data.relationship, data.meetings),
              };
            }}
          />
          <button type="button" onClick={() => void toggleArchived()}>
            {relationship.archived ? 'Bring back from archive' : 'Archive'}
          </button>
        </div>
      </header>
      <details className="edit-details">
        <summary>Edit details</summary>
        <RelationshipForm key={relationship.id} relationship={relationship} onSaved={() => undefined} />
      </details>
      <PhasePrompts role={relationship.myRole} phase={relationship.phase} />
      <RelationshipTimeline relationship={relationship} />
    </div>
  );
}
