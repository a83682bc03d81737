import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupSection } from '@/components/dashboard/BackupSection';
import type { BackupFile } from '@/lib/backup/backupFormat';
import type { ImportPreview, ImportResult } from '@/lib/backup/importBackup';

// Export and restore themselves are tested on the database (tests/unit/backup); here they are held
// open, to see what the page shows while they run.
const imports = vi.hoisted(() => ({ previewImport: vi.fn(), importBackup: vi.fn() }));
vi.mock('@/lib/backup/importBackup', () => imports);
const exports = vi.hoisted(() => ({ exportBackup: vi.fn(), backupToJson: vi.fn(() => '{"a backup":true}') }));
vi.mock('@/lib/backup/exportBackup', () => exports);
const downloads = vi.hoisted(() => ({ downloadText: vi.fn() }));
vi.mock('@/components/dashboard/downloadText', () => downloads);
vi.mock('@/components/dashboard/requestBadgeRefresh', () => ({ requestBadgeRefresh: vi.fn() }));

const counts = (incoming: number) => ({ incoming, added: incoming, updated: 0, notInFile: 0 });
const preview: ImportPreview = {
  ok: true,
  exportedAt: Date.UTC(2026, 10, 1),
  schemaVersion: 3,
  tables: {
    relationships: counts(2),
    meetings: counts(40),
    preps: counts(30),
    notes: counts(0),
    actionItems: counts(400),
    plans: counts(0),
    settings: counts(1),
  },
};

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

beforeEach(() => {
  imports.previewImport.mockReset().mockResolvedValue(preview);
  imports.importBackup.mockReset();
  exports.exportBackup.mockReset();
  downloads.downloadText.mockReset();
});
afterEach(cleanup);

const downloadButton = () => screen.getByRole('button', { name: 'Download a backup' });

describe('BackupSection', () => {
  it('says a restore is running, with its size, and lets nothing else start until it ends', async () => {
    const restoring = deferred<ImportResult>();
    imports.importBackup.mockReturnValue(restoring.promise);
    render(<BackupSection />);
    const file = new File(['{"a backup":true}'], 'backup.json', { type: 'application/json' });
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Backup file (.json)'), { target: { files: [file] } });
    });
    expect(screen.getByTestId('fourps-restore-preview')).toBeTruthy();
    expect(screen.queryByTestId('fourps-restore-busy')).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Merge this backup' }));
    });
    const busy = screen.getByTestId('fourps-restore-busy');
    expect(busy.getAttribute('role')).toBe('status');
    expect(busy.textContent).toContain('Restoring 473 rows');
    expect(busy.textContent).toContain('Keep this page open');
    expect(screen.getByRole('button', { name: 'Merge this backup' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(true);
    expect(imports.importBackup).toHaveBeenCalledWith('{"a backup":true}', 'merge', expect.any(Function));
    expect(screen.queryByTestId('fourps-restore-progress')).toBeNull();

    const onProgress = imports.importBackup.mock.calls[0]?.[2] as (written: number, total: number) => void;
    act(() => onProgress(2_000, 4_730));
    const progress = screen.getByTestId('fourps-restore-progress');
    expect(progress.textContent).toContain(
      `${(2_000).toLocaleString()} of ${(4_730).toLocaleString()} rows written`,
    );
    const bar = screen.getByRole('progressbar', { name: 'Restore progress' });
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['2000', '4730']);
    // The count is not read out each time it moves: only the status line is a live region.
    expect(progress.closest('[role="status"], [aria-live]')).toBeNull();

    await act(async () => {
      restoring.resolve({ ok: true, mode: 'merge', counts: preview.tables });
    });
    expect(screen.queryByTestId('fourps-restore-busy')).toBeNull();
    expect(screen.queryByTestId('fourps-restore-progress')).toBeNull();
    expect(screen.getByTestId('fourps-restore-done').textContent).toContain('473 rows added');
  });

  it('says a backup is being made, then downloads it', async () => {
    const making = deferred<BackupFile>();
    exports.exportBackup.mockReturnValue(making.promise);
    render(<BackupSection />);
    await act(async () => {
      fireEvent.click(downloadButton());
    });
    expect(screen.getByTestId('fourps-backup-busy').getAttribute('role')).toBe('status');
    expect(downloadButton().hasAttribute('disabled')).toBe(true);
    expect(downloads.downloadText).not.toHaveBeenCalled();

    await act(async () => {
      making.resolve({
        format: 'fourps-backup',
        formatVersion: 1,
        exportedAt: new Date(2026, 10, 25, 9).getTime(),
        schemaVersion: 3,
        tables: {
          relationships: [],
          meetings: [],
          preps: [],
          notes: [],
          actionItems: [],
          plans: [],
          settings: [],
        },
      });
    });
    expect(downloads.downloadText).toHaveBeenCalledWith(
      'four-ps-backup-2026-11-25.json',
      '{"a backup":true}',
      'application/json',
    );
    expect(screen.queryByTestId('fourps-backup-busy')).toBeNull();
    expect(downloadButton().hasAttribute('disabled')).toBe(false);
  });

  it('says so when a backup cannot be made, and lets the user try again', async () => {
    exports.exportBackup.mockRejectedValue(new Error('QuotaExceededError'));
    render(<BackupSection />);
    await act(async () => {
      fireEvent.click(downloadButton());
    });
    const error = screen.getByTestId('fourps-backup-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('The backup could not be made (QuotaExceededError)');
    expect(downloads.downloadText).not.toHaveBeenCalled();
    expect(downloadButton().hasAttribute('disabled')).toBe(false);
  });
});
