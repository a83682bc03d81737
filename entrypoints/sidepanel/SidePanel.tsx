import { useLiveQuery } from 'dexie-react-hooks';
import { PrepForm } from '@/components/PrepForm';
import { meetingInCall } from '@/lib/db/meetings';

/** During a call: the prep of the mentoring meeting in progress, editable, beside the video. */
export function SidePanel() {
  const meeting = useLiveQuery(async () => (await meetingInCall(Date.now())) ?? null, []);
  if (meeting === undefined) return null;
  if (meeting === null) {
    return (
      <main className="page" data-testid="fourps-sidepanel-idle">
        <h1>Four Ps</h1>
        <p className="muted">
          Join a mentoring meeting on Google Meet and its prep shows up here, ready for notes during the call.
        </p>
      </main>
    );
  }
  return <PrepForm meetingId={meeting.id} />;
}
