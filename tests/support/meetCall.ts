import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from '@playwright/test';
import { WEEK_URL, writePurposeFromCalendar } from './calendarPrep';
import { readFixture, serveGoogleFixtures } from './routeFixtures';

/** The calendar week the Meet journeys start from, and the call its mentoring meeting carries. */
export { WEEK_URL };
export const MEET_URL = 'https://meet.google.com/abc-defg-hij';
export const SAM_EMAIL = 'sam.rivera@example.com';

/**
 * Sam is a known mentoring partner (so the meeting belongs to that relationship), then the calendar —
 * moved to today, so the meeting is "now" — is visited and the prep's Purpose is written.
 * Returns the side panel's page, opened as a tab (the same page the side panel runs).
 */
export async function prepareMeetingWithSam(
  context: BrowserContext,
  page: Page,
  extensionId: string,
): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(panel.getByTestId('fourps-sidepanel-idle')).toBeVisible();
  await panel.evaluate(
    (email) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('fourps');
        open.onsuccess = () => {
          const tx = open.result.transaction('relationships', 'readwrite');
          tx.objectStore('relationships').put({
            id: 'rel-sam',
            partnerName: 'Sam',
            partnerEmails: [email],
            myRole: 'mentee',
            learningGoals: 'Grow into a team lead',
            phase: 'cultivation',
            archived: false,
            createdAt: Date.now(),
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    SAM_EMAIL,
  );

  await writePurposeFromCalendar(context, page, new Date(), 'Decide on the team-lead role');
  return panel;
}

/** Swaps a Meet page's body for another Meet fixture in place, as Meet re-renders without reloading. */
export async function showMeetFixture(meet: Page, name: string): Promise<void> {
  await meet.evaluate(
    (html) => {
      const next = new DOMParser().parseFromString(html, 'text/html');
      document.body.replaceWith(document.adoptNode(next.body));
    },
    readFixture('meet', name),
  );
}

/**
 * Serves the Meet call (`fixture` at any Meet path) and opens it at `url`; the returned function swaps
 * the page's body for another Meet fixture in place.
 */
export async function joinCall(
  context: BrowserContext,
  { url = MEET_URL, fixture = 'in-call-en.html' }: { url?: string; fixture?: string } = {},
): Promise<{ meet: Page; showFixture: (name: string) => Promise<void> }> {
  await serveGoogleFixtures(context, 'meet', { '*': fixture });
  const meet = await context.newPage();
  await meet.goto(url);
  return { meet, showFixture: (name) => showMeetFixture(meet, name) };
}

/** Types call notes into the side panel and waits until they are stored; returns the notes field. */
export async function writeCallNotes(panel: Page, text: string) {
  const notes = panel.getByTestId('fourps-call-notes');
  await notes.fill(text);
  await expect(notes).toHaveAttribute('data-save-state', 'saved');
  return notes;
}

/** Adds the first next step during the call, as a user would when one comes up. */
export async function addFirstNextStep(panel: Page, text: string): Promise<void> {
  await panel.getByLabel('Plan · new next step').fill(text);
  await panel.getByRole('button', { name: 'Add' }).click();
  await expect(panel.getByTestId('fourps-plan-step')).toHaveCount(1);
}

/** The side panel shows the Plan checklist of this meeting (the call it followed has ended). */
export async function expectPlanOf(panel: Page, meetingId: string | null): Promise<void> {
  await expect(panel.getByTestId('fourps-plan-checklist')).toHaveAttribute(
    'data-meeting-id',
    meetingId ?? '',
  );
}

/** The calls the background holds per Meet tab (lib/background/tabCalls.ts), read from `storage.session`. */
export async function storedTabCalls(
  serviceWorker: Worker,
): Promise<{ meetCode: string; inCall: boolean; meetingId: string | null }[]> {
  return serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };
    };
    const all = await chrome.storage.session.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith('call:'))
      .map(([, value]) => value as { meetCode: string; inCall: boolean; meetingId: string | null });
  });
}
