import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import { PrepPage } from './PrepPage';

const params = new URLSearchParams(location.search);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PrepPage meetingId={params.get('meeting')} embedded={params.get('embedded') === '1'} />
    </StrictMode>,
  );
}
