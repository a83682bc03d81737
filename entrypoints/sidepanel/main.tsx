import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './sidepanel.css';
import { saveJournalledDrafts } from '@/lib/drafts/saveJournalledDrafts';
import { SidePanel } from './SidePanel';

// Text a page closed too fast to store is saved as soon as any extension page opens.
void saveJournalledDrafts();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <SidePanel />
    </StrictMode>,
  );
}
