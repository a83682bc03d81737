import { useState } from 'react';
import { downloadText } from './downloadText';

export interface MarkdownDocument {
  fileName: string;
  markdown: string;
}

/** "Copy as Markdown" and "Download .md" for one meeting or relationship, read fresh on each click. */
export function MarkdownExport({
  what,
  load,
}: {
  /** Names the thing in the buttons' accessible names, e.g. "this relationship". */
  what: string;
  load: () => Promise<MarkdownDocument | undefined>;
}) {
  const [status, setStatus] = useState('');
  const run = async (action: (doc: MarkdownDocument) => Promise<void> | void, done: string) => {
    try {
      const doc = await load();
      if (!doc) {
        setStatus('Nothing to export: it no longer exists.');
        return;
      }
      await action(doc);
      setStatus(done);
    } catch (error) {
      setStatus(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <span className="export-buttons">
      <button
        type="button"
        aria-label={`Copy ${what} as Markdown`}
        onClick={() => void run((doc) => navigator.clipboard.writeText(doc.markdown), 'Copied as Markdown.')}
      >
        Copy as Markdown
      </button>
      <button
        type="button"
        aria-label={`Download ${what} as Markdown`}
        onClick={() =>
          void run((doc) => downloadText(doc.fileName, doc.markdown, 'text/markdown'), 'Download started.')
        }
      >
        Download .md
      </button>
      <output className="export-status" aria-live="polite">
        {status}
      </output>
    </span>
  );
}
