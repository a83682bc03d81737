import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { listRelationships } from '@/lib/db/relationships';
import { PHASE_LABELS, roleLabel } from '@/lib/fourps/catalogue';
import { RelationshipDetail } from './RelationshipDetail';
import { RelationshipForm } from './RelationshipForm';

/** Relationships list on the left, the chosen one (or a new one) on the right. */
export function RelationshipsSection() {
  const [showArchived, setShowArchived] = useState(false);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const relationships = useLiveQuery(() => listRelationships(true), []);
  if (relationships === undefined) return null;

  const shown = relationships.filter((r) => showArchived || !r.archived);
  const selected = relationships.find((r) => r.id === selectedId) ?? (creating ? undefined : shown[0]);

  return (
    <section id="relationships" className="dashboard-section" aria-labelledby="relationships-heading">
      <h1 id="relationships-heading">Relationships</h1>
      <div className="relationships-layout">
        <nav aria-label="Relationships" className="relationship-list">
          <button
            type="button"
            className="primary"
            onClick={() => {
              setCreating(true);
              setSelectedId(undefined);
            }}
          >
            New relationship
          </button>
          {shown.length === 0 && <p className="muted">No relationships yet.</p>}
          <ul className="plain">
            {shown.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className={`relationship-link${selected?.id === r.id && !creating ? ' is-selected' : ''}`}
                  aria-current={selected?.id === r.id && !creating ? 'true' : undefined}
                  data-testid="fourps-relationship-link"
                  onClick={() => {
                    setCreating(false);
                    setSelectedId(r.id);
                  }}
                >
                  <span className="title">{r.partnerName}</span>
                  <span className="muted-inline">
                    {roleLabel(r.myRole)} · {PHASE_LABELS[r.phase]}
                    {r.archived && ' · archived'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <label className="checkbox-line">
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(e) => setShowArchived(e.target.checked)}
            />{' '}
            Show archived
          </label>
        </nav>
        <div className="relationship-main">
          {creating || !selected ? (
            <div className="new-relationship">
              <h2>New relationship</h2>
              <p className="muted">
                One per mentoring partner: Four Ps attaches your meetings with them, and asks the questions
                that fit your role and where the relationship stands.
              </p>
              <RelationshipForm
                onSaved={(id) => {
                  setCreating(false);
                  setSelectedId(id);
                }}
                onCancel={relationships.length > 0 ? () => setCreating(false) : undefined}
              />
            </div>
          ) : (
            <RelationshipDetail relationship={selected} />
          )}
        </div>
      </div>
    </section>
  );
}
