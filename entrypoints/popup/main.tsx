import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/theme.css';
import './popup.css';
import { UpcomingMeetings } from '@/components/UpcomingMeetings';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <main className="popup">
        <h1>Upcoming mentoring</h1>
        <UpcomingMeetings />
      </main>
    </StrictMode>,
  );
}
