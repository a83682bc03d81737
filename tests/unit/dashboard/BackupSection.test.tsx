import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupSection } from '@/components/dashboard/BackupSection';
import type { ImportPreview, ImportResult } from '@/lib/backup/importBackup';

// The restore itself is tested on the database (tests/unit/backup); here it is held open, to see what
// the page shows while it runs.
const imports = vi.hoisted(() => ({ previewImport: vi.fn(), importBackup: vi.fn() }));
vi.mock('@/lib/backup/importBackup', () => imports);
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
});

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
    expect(imports.importBackup).toHaveBeenCalledWith('{"a backup":true}', 'merge');

    await act(async () => {
      restoring.resolve({ ok: true, mode: 'merge', counts: preview.tables });
    });
    expect(screen.queryByTestId('fourps-restore-busy')).toBeNull();
    expect(screen.getByTestId('fourps-restore-done').textContent).toContain('473 rows added');
  });
});
