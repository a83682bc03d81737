import { format } from 'date-fns';
import { type ChangeEvent, useId, useState } from 'react';
import { BACKUP_TABLE_NAMES, type BackupTableName } from '@/lib/backup/backupFormat';
import { backupToJson, exportBackup } from '@/lib/backup/exportBackup';
import { type ImportMode, type ImportPreview, importBackup, previewImport } from '@/lib/backup/importBackup';
import { announceDashboardChange } from './announceDashboardChange';
import { downloadText } from './downloadText';

const TABLE_LABELS: Record<BackupTableName, string> = {
  relationships: 'Relationships',
  meetings: 'Meetings',
  preps: 'Preps',
  notes: 'Notes',
  actionItems: 'Action items',
  plans: 'Plans',
  settings: 'Settings',
};

type ExportState = { step: 'idle' } | { step: 'running' } | { step: 'failed'; error: string };

type RestoreState =
  | { step: 'idle' }
  | { step: 'previewed'; fileName: string; json: string; preview: ImportPreview }
  | { step: 'failed'; error: string }
  | { step: 'restored'; message: string };

/** Full backup to a file, and a restore that shows what it will do before it does anything. */
export function BackupSection() {
  const id = useId();
  const [restore, setRestore] = useState<RestoreState>({ step: 'idle' });
  const [mode, setMode] = useState<ImportMode>('merge');
  const [busy, setBusy] = useState(false);
  /** Rows written so far of those the restore writes, once it has started writing. */
  const [progress, setProgress] = useState<{ written: number; total: number } | null>(null);
  const [exporting, setExporting] = useState<ExportState>({ step: 'idle' });

  // Years of data make a file of tens of megabytes, a second or two to read and write out.
  const download = async () => {
    setExporting({ step: 'running' });
    try {
      const backup = await exportBackup();
      downloadText(
        `four-ps-backup-${format(backup.exportedAt, 'yyyy-MM-dd')}.json`,
        backupToJson(backup),
        'application/json',
      );
      setExporting({ step: 'idle' });
    } catch (error) {
      setExporting({
        step: 'failed',
        error: `The backup could not be made (${error instanceof Error ? error.message : String(error)}). Nothing was changed; try again.`,
      });
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setRestore({ step: 'idle' });
    try {
      const json = await file.text();
      const preview = await previewImport(json);
      setRestore(
        preview.ok
          ? { step: 'previewed', fileName: file.name, json, preview }
          : { step: 'failed', error: `“${file.name}” cannot be restored. ${preview.error}` },
      );
    } catch (error) {
      setRestore({
        step: 'failed',
        error: `“${file.name}” could not be read (${error instanceof Error ? error.message : String(error)}). Nothing was imported; your data is unchanged.`,
      });
    }
  };

  const run = async () => {
    if (restore.step !== 'previewed') return;
    setBusy(true);
    setProgress(null);
    const result = await importBackup(restore.json, mode, (written, total) =>
      setProgress({ written, total }),
    );
    setBusy(false);
    if (!result.ok) {
      setRestore({ step: 'failed', error: result.error });
      return;
    }
    const totals = Object.values(result.counts);
    const added = totals.reduce((sum, c) => sum + c.added, 0);
    const updated = totals.reduce((sum, c) => sum + c.updated, 0);
    const removed = mode === 'replace' ? totals.reduce((sum, c) => sum + c.notInFile, 0) : 0;
    setRestore({
      step: 'restored',
      message: `Backup restored: ${added.toLocaleString()} rows added, ${updated.toLocaleString()} updated${mode === 'replace' ? `, ${removed.toLocaleString()} removed` : ''}.`,
    });
    announceDashboardChange();
  };

  const previewTotals = restore.step === 'previewed' ? Object.values(restore.preview.tables) : [];
  const removedByReplace = previewTotals.reduce((sum, c) => sum + c.notInFile, 0);
  const rowsInFile = previewTotals.reduce((sum, c) => sum + c.incoming, 0);

  return (
    <section id="backup" className="dashboard-section" aria-labelledby="backup-heading">
      <h1 id="backup-heading">Backup and restore</h1>
      <p className="muted">
        Everything Four Ps knows lives only in this browser. A backup file holds all of it; keep one somewhere
        safe, and restore it here on a new computer or after a reinstall.
      </p>
      <button
        type="button"
        className="primary"
        disabled={exporting.step === 'running'}
        onClick={() => void download()}
      >
        Download a backup
      </button>
      {exporting.step === 'running' && (
        <p role="status" data-testid="fourps-backup-busy">
          Preparing the backup file…
        </p>
      )}
      {exporting.step === 'failed' && (
        <p className="form-error" role="alert" data-testid="fourps-backup-error">
          {exporting.error}
        </p>
      )}

      <h2>Restore a backup</h2>
      <div className="field">
        <label htmlFor={`${id}-file`}>Backup file (.json)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          onChange={(e) => void choose(e)}
        />
      </div>

      {restore.step === 'failed' && (
        <p className="form-error" role="alert" data-testid="fourps-restore-error">
          {restore.error}
        </p>
      )}
      {restore.step === 'restored' && (
        <p className="form-ok" role="status" data-testid="fourps-restore-done">
          {restore.message}
        </p>
      )}
      {restore.step === 'previewed' && (
        <div className="restore-preview" data-testid="fourps-restore-preview">
          <p>
            “{restore.fileName}”, made {format(restore.preview.exportedAt, 'd MMM yyyy, HH:mm')}. Nothing has
            changed yet; this is what a restore would do:
          </p>
          <table>
            <caption className="visually-hidden">What the restore would change, per kind of data</caption>
            <thead>
              <tr>
                <th scope="col">Data</th>
                <th scope="col">In the file</th>
                <th scope="col">New</th>
                <th scope="col">Replaces what is here</th>
                <th scope="col">Only on this device</th>
              </tr>
            </thead>
            <tbody>
              {BACKUP_TABLE_NAMES.map((name) => {
                const counts = restore.preview.tables[name];
                return (
                  <tr key={name} data-table={name}>
                    <th scope="row">{TABLE_LABELS[name]}</th>
                    <td>{counts.incoming.toLocaleString()}</td>
                    <td>{counts.added.toLocaleString()}</td>
                    <td>{counts.updated.toLocaleString()}</td>
                    <td>{counts.notInFile.toLocaleString()}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <fieldset className="field">
            <legend>How to restore</legend>
            <label className="checkbox-line">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={mode === 'merge'}
                onChange={() => setMode('merge')}
              />{' '}
              Merge: add the file’s data, keep what is only on this device
            </label>
            <label className="checkbox-line">
              <input
                type="radio"
                name={`${id}-mode`}
                checked={mode === 'replace'}
                onChange={() => setMode('replace')}
              />{' '}
              Replace: make this device exactly like the file
              {removedByReplace > 0 &&
                ` (deletes ${removedByReplace.toLocaleString()} rows that are only on this device)`}
            </label>
          </fieldset>
          <div className="form-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
              {mode === 'merge' ? 'Merge this backup' : 'Replace with this backup'}
            </button>
            <button type="button" disabled={busy} onClick={() => setRestore({ step: 'idle' })}>
              Cancel
            </button>
          </div>
          {/* Every row is one write to the browser's database: years of data take several seconds. */}
          {busy && (
            <p role="status" data-testid="fourps-restore-busy">
              Restoring {rowsInFile.toLocaleString()} rows… Years of data take a while. Keep this page open:
              if it closes before the end, nothing is changed.
            </p>
          )}
          {/* Not a live region: a count read out every fraction of a second would drown everything else. */}
          {busy && progress && (
            <p className="restore-progress" data-testid="fourps-restore-progress">
              <progress aria-label="Restore progress" max={progress.total} value={progress.written} />{' '}
              {progress.written.toLocaleString()} of {progress.total.toLocaleString()} rows written
            </p>
          )}
        </div>
      )}
    </section>
  );
}
