import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { saveJournalledDrafts } from '@/lib/drafts/saveJournalledDrafts';
import { PrepPage } from './PrepPage';

const params = new URLSearchParams(location.search);
// Text a page closed too fast to store is saved as soon as any extension page opens.
void saveJournalledDrafts();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PrepPage meetingId={params.get('meeting')} embedded={params.get('embedded') === '1'} />
    </StrictMode>,
  );
}
