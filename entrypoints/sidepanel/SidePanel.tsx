import { useLiveQuery } from 'dexie-react-hooks';
import { PrepForm } from '@/components/PrepForm';
import { meetingInCall } from '@/lib/db/meetings';

/**
 * During a call: the prep of the mentoring meeting in progress, editable, beside the video.
 * `?meeting=<id>` pins a meeting, for when the panel is opened as a tab (browsers without side panels).
 */
export function SidePanel() {
  const pinned = new URLSearchParams(location.search).get('meeting');
  const meetingId = useLiveQuery(
    async () => pinned ?? (await meetingInCall(Date.now()))?.id ?? null,
    [pinned],
  );
  if (meetingId === undefined) return null;
  if (meetingId === null) {
    return (
      <main className="page" data-testid="fourps-sidepanel-idle">
        <h1>Four Ps</h1>
        <p className="muted">
          Join a mentoring meeting on Google Meet and its prep shows up here, ready for notes during the call.
        </p>
      </main>
    );
  }
  return <PrepForm meetingId={meetingId} />;
}
