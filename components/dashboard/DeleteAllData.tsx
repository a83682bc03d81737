import { useState } from 'react';
import { deleteAllData } from '@/lib/db/deleteAllData';
import { announceDashboardChange } from './announceDashboardChange';

/** The one irreversible action, behind a second, explicit confirmation. */
export function DeleteAllData() {
  const [step, setStep] = useState<'idle' | 'confirming' | 'deleted' | 'failed'>('idle');
  const remove = async () => {
    try {
      await deleteAllData();
      setStep('deleted');
      announceDashboardChange();
    } catch {
      setStep('failed');
    }
  };
  return (
    <section id="delete" className="dashboard-section danger-zone" aria-labelledby="delete-heading">
      <h1 id="delete-heading">Delete all data</h1>
      <p className="muted">
        Removes every relationship, meeting, prep, note, plan, action item and setting from this browser.
      </p>
      {step !== 'confirming' && (
        <button type="button" className="danger" onClick={() => setStep('confirming')}>
          Delete all data…
        </button>
      )}
      {step === 'confirming' && (
        <div className="confirm-box" role="alertdialog" aria-labelledby="delete-confirm-text">
          <p id="delete-confirm-text">
            This cannot be undone. If you may want any of it back, download a backup first.
          </p>
          <div className="form-actions">
            <button type="button" className="danger" onClick={() => void remove()}>
              Yes, delete everything
            </button>
            {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes focus in a destructive confirmation */}
            <button type="button" autoFocus onClick={() => setStep('idle')}>
              Keep my data
            </button>
          </div>
        </div>
      )}
      {step === 'deleted' && (
        <p className="form-ok" role="status">
          All data deleted. Four Ps starts afresh with its default settings.
        </p>
      )}
      {step === 'failed' && (
        <p className="form-error" role="alert">
          Deleting failed; nothing was removed. Close other Four Ps pages and try again.
        </p>
      )}
    </section>
  );
}
