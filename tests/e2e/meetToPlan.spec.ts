import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import {
  addFirstNextStep,
  expectPlanOf,
  joinCall,
  prepareMeetingWithSam,
  SAM_EMAIL,
  showMeetFixture,
  WEEK_URL,
  writeCallNotes,
} from '../support/meetCall';
import { serveGoogleFixtures } from '../support/routeFixtures';
import { openSidePanels } from '../support/sidePanelContexts';
import { expect, test } from './extensionTest';

/**
 * The journey of issue 4: a mentoring meeting seen on the calendar, its Meet call, the side panel
 * opened from the Meet page with the prep and notes, and the Plan checklist the moment the call ends —
 * by the Meet page's ended screen, or by closing the tab.
 */
/**
 * The real side panel is a CDP target that Playwright does not list among its pages: it is reached
 * through the Target domain, and read with Runtime.evaluate.
 */
class SidePanelTarget {
  private constructor(private readonly cdp: CDPSession) {}

  static async of(context: BrowserContext, page: Page): Promise<SidePanelTarget> {
    return new SidePanelTarget(await context.newCDPSession(page));
  }

  /** The value of `expression` in the open side panel, or null while no side panel is open. */
  async evaluate(expression: string): Promise<unknown> {
    const { targetInfos } = await this.cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'page' && /\/sidepanel\.html(\?|$)/.test(t.url));
    if (!target) return null;
    const { sessionId } = await this.cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    try {
      const reply = new Promise<unknown>((resolve) => {
        const onMessage = (event: { sessionId?: string; message: string }) => {
          const parsed = JSON.parse(event.message) as {
            id?: number;
            result?: { result?: { value?: unknown } };
          };
          if (event.sessionId !== sessionId || parsed.id !== 1) return;
          this.cdp.off('Target.receivedMessageFromTarget', onMessage);
          resolve(parsed.result?.result?.value ?? null);
        };
        this.cdp.on('Target.receivedMessageFromTarget', onMessage);
      });
      await this.cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({
          id: 1,
          method: 'Runtime.evaluate',
          params: { expression, returnByValue: true, awaitPromise: true },
        }),
      });
      return await reply;
    } finally {
      await this.cdp.send('Target.detachFromTarget', { sessionId });
    }
  }

  /** The `data-meeting-id` of what the panel shows under `testId`, or null. */
  meetingShown(testId: string): Promise<unknown> {
    return this.evaluate(
      `document.querySelector('[data-testid="${testId}"]')?.getAttribute('data-meeting-id') ?? null`,
    );
  }
}

/** The slice of the `chrome` API these tests read in the service worker (the e2e types know no `chrome`). */
interface WorkerChrome {
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
}

async function notificationIds(serviceWorker: Worker): Promise<string[]> {
  return serviceWorker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
    return Object.keys(await chrome.notifications.getAll());
  });
}

/**
 * Runs in an extension page: the texts of a relationship's open action items, read through the same
 * index (`openRelationships` of the meetings' item lists) the next prep's "last time" queries.
 */
async function openActionItemTexts(page: Page, relationshipId: string): Promise<string[]> {
  const texts = await page.evaluate(
    (id) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('fourps');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const index = open.result
            .transaction('actionItemLists')
            .objectStore('actionItemLists')
            .index('openRelationships');
          const request = index.getAll(id);
          type Item = { text: string; relationshipId?: string; doneAt: number };
          request.onsuccess = () =>
            resolve(
              (request.result as { items: Item[] }[])
                .flatMap((list) => list.items)
                .filter((item) => item.relationshipId === id && item.doneAt === 0)
                .map((item) => item.text),
            );
          request.onerror = () => reject(request.error);
        };
      }),
    relationshipId,
  );
  return texts.sort();
}

test('in the call the side panel shows the prep and takes notes; when the call ends it shows the Plan', async ({
  context,
  page,
  extensionId,
  serviceWorker,
}) => {
  const panel = await prepareMeetingWithSam(context, page, extensionId);
  const { meet, showFixture } = await joinCall(context);

  // The call is linked to the meeting: the panel (the same page the side panel runs) follows it.
  const during = panel.getByTestId('fourps-during-call');
  await expect(during).toBeVisible();
  const meetingId = await during.getAttribute('data-meeting-id');
  expect(meetingId).toMatch(/^gcal:/);
  await expect(during.getByRole('heading', { level: 1 })).toHaveText('Mentoring with Sam');

  // A click on the injected button opens the real side panel, showing the same meeting.
  await meet.getByTestId('fourps-meet-panel-button').click();
  await expect.poll(() => openSidePanels(serviceWorker)).toBe(1);
  const sidePanel = await SidePanelTarget.of(context, meet);
  await expect.poll(() => sidePanel.meetingShown('fourps-during-call')).toBe(meetingId);
  await expect
    .poll(() =>
      sidePanel.evaluate(`document.querySelector('[data-testid="fourps-purpose-answers"]')?.textContent`),
    )
    .toContain('Decide on the team-lead role');

  // The prep, the Participation prompts for a mentee, notes saved as typed, and a next step.
  await expect(during.getByRole('region', { name: 'Purpose' })).toContainText('Decide on the team-lead role');
  const participation = during.getByRole('region', { name: 'Participation', exact: true });
  await expect(participation.getByTestId('fourps-participation-prompts')).toContainText(
    'Say plainly what you need',
  );
  await writeCallNotes(panel, 'Sam thinks I should apply before the end of the month.');
  await addFirstNextStep(panel, 'Send Sam my CV draft');

  // The call ends on Meet's own ended screen: the side panel switches to the Plan checklist.
  await showFixture('call-ended-en.html');
  await expect.poll(() => sidePanel.meetingShown('fourps-plan-checklist')).toBe(meetingId);
  const checklist = panel.getByTestId('fourps-plan-checklist');
  await expect(checklist).toHaveAttribute('data-meeting-id', meetingId ?? '');
  // The step captured during the call is already there; another is added for Sam.
  await expect(checklist.getByTestId('fourps-plan-step').getByLabel('Plan · next step')).toHaveValue(
    'Send Sam my CV draft',
  );
  await checklist.getByLabel('Plan · new next step').fill('Introduce me to the hiring manager');
  await checklist.getByLabel('Who does it').selectOption('partner');
  await checklist.getByRole('button', { name: 'Add' }).click();
  await expect(checklist.getByTestId('fourps-plan-step')).toHaveCount(2);

  // The next meeting: Calendar's own create page, pre-filled with Sam invited.
  await checklist.getByTestId('fourps-plan-next-date').fill('2030-03-14T16:30');
  const goal = checklist.getByTestId('fourps-plan-nextMeetingGoal');
  await goal.fill('Review the application together');
  await expect(goal).toHaveAttribute('data-save-state', 'saved');
  const invite = new URL(
    (await checklist.getByTestId('fourps-plan-create-event').getAttribute('href')) ?? '',
  );
  expect(invite.origin + invite.pathname).toBe('https://calendar.google.com/calendar/render');
  expect(invite.searchParams.get('action')).toBe('TEMPLATE');
  expect(invite.searchParams.get('text')).toBe('Mentoring with Sam');
  const start = new Date(2030, 2, 14, 16, 30);
  const utc = (d: Date) =>
    d
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}Z$/, 'Z');
  expect(invite.searchParams.get('dates')).toBe(
    `${utc(start)}/${utc(new Date(start.getTime() + 3_600_000))}`,
  );
  expect(invite.searchParams.get('add')).toBe(SAM_EMAIL);
  expect(invite.searchParams.get('details')).toContain('Review the application together');
  expect(invite.searchParams.get('details')).toContain('Send Sam my CV draft');

  // Plan items are the relationship's open action items: what the next prep's "last time" and the
  // popup read (the same index), so ticking one anywhere ticks it everywhere.
  const openForSam = () => openActionItemTexts(panel, 'rel-sam');
  await expect.poll(openForSam).toEqual(['Introduce me to the hiring manager', 'Send Sam my CV draft']);
  await checklist.getByRole('checkbox', { name: 'Done: Send Sam my CV draft' }).check();
  await expect.poll(openForSam).toEqual(['Introduce me to the hiring manager']);

  // Plan done: the panel lets go of it.
  await checklist.getByTestId('fourps-plan-done').click();
  await expect(panel.getByTestId('fourps-sidepanel-idle')).toBeVisible();
});

test('closing the Meet tab ends the meeting, and the side panel opened later shows its Plan', async ({
  context,
  page,
  extensionId,
  serviceWorker,
}) => {
  const panel = await prepareMeetingWithSam(context, page, extensionId);
  const { meet } = await joinCall(context);
  const during = panel.getByTestId('fourps-during-call');
  await expect(during).toBeVisible();
  const meetingId = await during.getAttribute('data-meeting-id');

  // MV3 may stop the service worker at any moment: the tab's call must be remembered without it.
  const cdp = await context.newCDPSession(panel);
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      const ours = versions.filter((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`));
      if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;

  await meet.close();
  const checklist = panel.getByTestId('fourps-plan-checklist');
  await expect(checklist).toBeVisible();
  await expect(checklist).toHaveAttribute('data-meeting-id', meetingId ?? '');
  // No side panel was open, so a notification invites the user to make the plan.
  await expect
    .poll(() => notificationIds(serviceWorker))
    .toEqual([expect.stringMatching(new RegExp(`^meeting-ended:\\d*:${meetingId}$`))]);

  // Opened at any later time, the side panel shows that plan.
  await page.goto(WEEK_URL);
  await expect(openSidePanels(context.serviceWorkers()[0] ?? serviceWorker)).resolves.toBe(0);
  const later = await context.newPage();
  await later.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(later.getByTestId('fourps-plan-checklist')).toHaveAttribute(
    'data-meeting-id',
    meetingId ?? '',
  );
});

test('navigating the Meet tab away from the call ends the meeting', async ({
  context,
  page,
  extensionId,
}) => {
  const panel = await prepareMeetingWithSam(context, page, extensionId);
  const { meet } = await joinCall(context);
  await expect(panel.getByTestId('fourps-during-call')).toBeVisible();
  // Another site: the background no longer sees the tab's URL, which is how it knows the tab left Meet.
  await meet.goto(WEEK_URL);
  await expect(panel.getByTestId('fourps-plan-checklist')).toBeVisible();
});

test('the call controls gone for a few seconds count as leaving the call', async ({
  context,
  page,
  extensionId,
}) => {
  const panel = await prepareMeetingWithSam(context, page, extensionId);
  const { meet } = await joinCall(context);
  await expect(panel.getByTestId('fourps-during-call')).toBeVisible();
  // A screen Four Ps has no fixture for: no controls, no ended marker, the code still in the URL.
  await meet.evaluate(() => document.body.replaceChildren());
  await expect(panel.getByTestId('fourps-plan-checklist')).toBeVisible({ timeout: 15_000 });
});

test('leaving the call and rejoining within the grace undoes the end', async ({
  context,
  page,
  extensionId,
}) => {
  const panel = await prepareMeetingWithSam(context, page, extensionId);
  const { showFixture } = await joinCall(context);
  await expect(panel.getByTestId('fourps-during-call')).toBeVisible();

  await showFixture('left-can-rejoin-en.html');
  await expect(panel.getByTestId('fourps-plan-checklist')).toBeVisible();
  await showFixture('in-call-en.html');
  await expect(panel.getByTestId('fourps-during-call')).toBeVisible();
});

test('a call that matches no meeting can be linked to one of today’s mentoring meetings', async ({
  context,
  page,
  extensionId,
}) => {
  const panel = await prepareMeetingWithSam(context, page, extensionId);
  await serveGoogleFixtures(context, 'meet', { '*': 'in-call-de.html' });
  const meet = await context.newPage();
  await meet.goto('https://meet.google.com/xyz-abcd-efg');
  const picker = panel.getByTestId('fourps-call-picker');
  await expect(picker).toHaveAttribute('data-meet-code', 'xyz-abcd-efg');
  await picker.getByRole('button', { name: /Mentoring with Sam/ }).click();
  const during = panel.getByTestId('fourps-during-call');
  await expect(during.getByRole('heading', { level: 1 })).toHaveText('Mentoring with Sam');
  // The German call's ended screen ends the picked meeting too.
  await showMeetFixture(meet, 'call-ended-de.html');
  await expect(panel.getByTestId('fourps-plan-checklist')).toBeVisible();
});

test('the service worker stopping while the plan is written loses no text', async ({
  context,
  page,
  extensionId,
}) => {
  const panel = await prepareMeetingWithSam(context, page, extensionId);
  const { showFixture } = await joinCall(context);
  await expect(panel.getByTestId('fourps-during-call')).toBeVisible();
  await showFixture('call-ended-en.html');
  const checklist = panel.getByTestId('fourps-plan-checklist');
  await expect(checklist).toBeVisible();

  const accountability = checklist.getByTestId('fourps-plan-accountability');
  await accountability.fill('We check in on Fridays');
  const cdp = await context.newCDPSession(panel);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  // Typing goes on while the worker is gone: the plan is written by the page itself, not through it.
  await accountability.fill('We check in on Fridays, by a short message');
  await expect(accountability).toHaveAttribute('data-save-state', 'saved');

  await panel.reload();
  await expect(panel.getByTestId('fourps-plan-accountability')).toHaveValue(
    'We check in on Fridays, by a short message',
  );
});

test('a call on another day than its calendar slot still links by its code and ends in the Plan', async ({
  context,
  page,
  extensionId,
}) => {
  // The fixture as it is, pinned to September 2026: the call happens on a day far from the slot.
  await serveGoogleFixtures(context, 'gcal', { '*': 'week-popover-en.html' });
  await page.goto(WEEK_URL);
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(1);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const { showFixture } = await joinCall(context);
  const during = panel.getByTestId('fourps-during-call');
  await expect(during).toBeVisible();
  const meetingId = await during.getAttribute('data-meeting-id');
  expect(meetingId).toMatch(/^gcal:/);
  await showFixture('call-ended-en.html');
  await expectPlanOf(panel, meetingId);
});
