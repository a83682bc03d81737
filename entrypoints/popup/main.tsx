import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './popup.css';
import { PopupApp } from '@/components/popup/PopupApp';
import { saveJournalledDrafts } from '@/lib/drafts/saveJournalledDrafts';

// Text a page closed too fast to store is saved as soon as any extension page opens.
void saveJournalledDrafts();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PopupApp />
    </StrictMode>,
  );
}
