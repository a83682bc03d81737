import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { CallPicker } from '@/components/call/CallPicker';
import { DuringCall } from '@/components/call/DuringCall';
import { PlanChecklist } from '@/components/plan/PlanChecklist';
import { chooseSidePanelView } from './chooseSidePanelView';
import { useUnlinkedMeetCodes } from './useUnlinkedCalls';

/**
 * The side panel follows the conversation: the prep and notes during the call, the Plan checklist
 * the moment it ends, a picker when a call matched no meeting, otherwise a short word on what it does.
 * `?meeting=<id>` pins a meeting, for when the panel is opened as a tab (browsers without side panels,
 * or a click on the "meeting ended" notification).
 */
export function SidePanel() {
  const pinned = new URLSearchParams(location.search).get('meeting');
  const unlinked = useUnlinkedMeetCodes();
  const [pickingAnyway, setPickingAnyway] = useState(false);
  const view = useLiveQuery(
    () => chooseSidePanelView(Date.now(), pinned, unlinked),
    [pinned, unlinked.join()],
  );

  if (view === undefined) return null;
  // A call that matched nothing while an older plan waits: the call is happening now, so offer it.
  const [unlinkedCode] = unlinked;
  if (pickingAnyway && unlinkedCode && view.kind !== 'during-call')
    return <CallPicker meetCode={unlinkedCode} />;
  switch (view.kind) {
    case 'during-call':
      return <DuringCall key={view.meetingId} meetingId={view.meetingId} />;
    case 'plan':
      return (
        <>
          {unlinkedCode && !pinned && (
            <p className="banner">
              In another call now?{' '}
              <button type="button" onClick={() => setPickingAnyway(true)}>
                Tell Four Ps which one
              </button>
            </p>
          )}
          <PlanChecklist key={view.meetingId} meetingId={view.meetingId} />
        </>
      );
    case 'pick':
      return <CallPicker meetCode={view.meetCode} />;
    case 'missing':
      return (
        <main className="page" data-testid="fourps-sidepanel-missing">
          <h1>Meeting not found</h1>
          <p className="muted">
            It may have been removed. Open Google Calendar to find your mentoring meetings.
          </p>
        </main>
      );
    case 'idle':
      return (
        <main className="page" data-testid="fourps-sidepanel-idle">
          <h1>Four Ps</h1>
          <p className="muted">
            Join a mentoring meeting on Google Meet and your prep shows up here, with room for notes. When the
            call ends, this is where you make the plan.
          </p>
        </main>
      );
  }
}
