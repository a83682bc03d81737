/**
 * A synchronous journal of text typed but not yet stored in IndexedDB. An IndexedDB write is
 * asynchronous, so a page closed right after a keystroke can be torn down before the write commits;
 * localStorage writes synchronously, so every keystroke lands here first and survives the close. The
 * next time the field is shown, the journal's text is saved through the normal (newest-wins) path.
 * Extension pages only; failures (storage blocked or full) are swallowed: the journal is a safety net.
 */
const PREFIX = 'fourps-draft:';

export interface Draft {
  text: string;
  editedAt: number;
}

export function writeDraft(key: string, draft: Draft): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // No journal in this context: the debounced IndexedDB save still runs.
  }
}

export function readDraft(key: string): Draft | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as Draft).text === 'string' &&
      typeof (parsed as Draft).editedAt === 'number'
    ) {
      return parsed as Draft;
    }
  } catch {
    // A journal entry we cannot read is no draft.
  }
  return undefined;
}

/** Forgets a draft once IndexedDB holds it, unless a newer keystroke has replaced it meanwhile. */
export function clearDraft(key: string, editedAt: number): void {
  try {
    if (readDraft(key)?.editedAt === editedAt) localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to clear.
  }
}

/** Every journalled draft, by key (without the prefix). */
export function allDrafts(): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const draft = readDraft(key.slice(PREFIX.length));
      if (draft) drafts.set(key.slice(PREFIX.length), draft);
    }
  } catch {
    // No journal in this context.
  }
  return drafts;
}
