import {
  addFirstNextStep,
  expectPlanOf,
  joinCall,
  prepareMeetingWithSam,
  showMeetFixture,
  storedTabCalls,
  writeCallNotes,
} from '../support/meetCall';
import { expect, test } from './extensionTest';

/**
 * Meet as users meet it beyond the plain English call: other paths to the call (instant meetings,
 * nicknames), other languages, the host ending the call for everyone, a rejoin, and the same call in
 * two tabs. Each ends where the journey must: the prep during the call, the Plan checklist after it,
 * the notes kept, and no error in the Meet page.
 */

test('a call opened under /_meet/ (instant meeting, the Meet app) in French ends in the Plan', async ({
  context,
  page,
  extensionId,
  hostPageErrors,
  serviceWorker,
}) => {
  const panel = await prepareMeetingWithSam(context, page, extensionId);
  const { meet, showFixture } = await joinCall(context, {
    url: 'https://meet.google.com/_meet/abc-defg-hij?ijlm=1659873953647&adhoc=1&hs=187',
    fixture: 'in-call-fr.html',
  });
  const during = panel.getByTestId('fourps-during-call');
  await expect(during.getByRole('heading', { level: 1 })).toHaveText('Mentoring with Sam');
  const meetingId = await during.getAttribute('data-meeting-id');
  await expect(meet.getByTestId('fourps-meet-panel-button')).toBeVisible();

  await showFixture('call-ended-ja.html');
  const checklist = panel.getByTestId('fourps-plan-checklist');
  await expect(checklist).toHaveAttribute('data-meeting-id', meetingId ?? '');
  // The ended screen's countdown takes the tab to Meet's home: the Plan stays, for the same meeting.
  await meet.goto('https://meet.google.com/?authuser=0');
  // Once the background has let go of the tab's call, a reloaded panel shows what the database holds.
  await expect.poll(() => storedTabCalls(serviceWorker)).toEqual([]);
  await panel.reload();
  await expect(panel.getByTestId('fourps-plan-checklist')).toHaveCount(1);
  await expect(checklist).toHaveAttribute('data-meeting-id', meetingId ?? '');
  expect(hostPageErrors).toEqual([]);
});

test('a call reached by /lookup/<nickname> is followed by the code its page states', async ({
  context,
  page,
  extensionId,
  hostPageErrors,
}) => {
  const panel = await prepareMeetingWithSam(context, page, extensionId);
  const { showFixture } = await joinCall(context, {
    url: 'https://meet.google.com/lookup/mentoring-sam?authuser=1',
  });
  const during = panel.getByTestId('fourps-during-call');
  await expect(during.getByRole('heading', { level: 1 })).toHaveText('Mentoring with Sam');
  const meetingId = await during.getAttribute('data-meeting-id');

  // The host ends the call for everyone (Spanish screen, no Rejoin).
  await showFixture('ended-for-everyone-es.html');
  await expectPlanOf(panel, meetingId);
  expect(hostPageErrors).toEqual([]);
});

test('a /lookup/ call whose last screen states no code at all still ends after the grace', async ({
  context,
  page,
  extensionId,
}) => {
  const panel = await prepareMeetingWithSam(context, page, extensionId);
  const { meet } = await joinCall(context, { url: 'https://meet.google.com/lookup/mentoring-sam' });
  await expect(panel.getByTestId('fourps-during-call')).toBeVisible();
  await meet.evaluate(() => {
    document.title = 'Google Meet';
    document.body.replaceChildren();
  });
  await expect(panel.getByTestId('fourps-plan-checklist')).toBeVisible({ timeout: 15_000 });
});

test('leaving and rejoining keeps the notes, and the end after it shows one Plan with the steps', async ({
  context,
  page,
  extensionId,
  hostPageErrors,
}) => {
  const panel = await prepareMeetingWithSam(context, page, extensionId);
  const { showFixture } = await joinCall(context, { fixture: 'in-call-de.html' });
  const during = panel.getByTestId('fourps-during-call');
  await expect(during).toBeVisible();
  const meetingId = await during.getAttribute('data-meeting-id');
  const notes = await writeCallNotes(panel, 'Sam: apply before the end of the month.');
  await addFirstNextStep(panel, 'Send Sam my CV draft');

  // A mistaken click on Leave: the Plan comes up, then the rejoin brings the call back.
  await showFixture('left-can-rejoin-de.html');
  await expect(panel.getByTestId('fourps-plan-checklist')).toBeVisible();
  await showFixture('in-call-de.html');
  await expect(during).toHaveAttribute('data-meeting-id', meetingId ?? '');
  await expect(notes).toHaveValue('Sam: apply before the end of the month.');
  await writeCallNotes(panel, 'Sam: apply before the end of the month. Ask Jo for a reference.');

  await showFixture('call-ended-de.html');
  const checklist = panel.getByTestId('fourps-plan-checklist');
  await expect(checklist).toHaveAttribute('data-meeting-id', meetingId ?? '');
  await expect(checklist).toHaveCount(1);
  await expect(checklist.getByTestId('fourps-plan-step')).toHaveCount(1);
  await panel.reload();
  await expectPlanOf(panel, meetingId);
  expect(hostPageErrors).toEqual([]);
});

test('the same call in a second tab: that tab leaving does not end the meeting, the last one does', async ({
  context,
  page,
  extensionId,
  serviceWorker,
}) => {
  const panel = await prepareMeetingWithSam(context, page, extensionId);
  const { meet: first } = await joinCall(context);
  const during = panel.getByTestId('fourps-during-call');
  await expect(during).toBeVisible();
  const meetingId = await during.getAttribute('data-meeting-id');

  // "Switch here" from another link to the same call (upper-case code, another account index).
  const second = await context.newPage();
  await second.goto('https://meet.google.com/ABC-DEFG-HIJ?authuser=1');
  await expect(second.getByTestId('fourps-meet-panel-button')).toBeVisible();
  const inCall = async () => (await storedTabCalls(serviceWorker)).filter((call) => call.inCall).length;
  await expect.poll(inCall).toBe(2);
  await showMeetFixture(first, 'left-can-rejoin-en.html');
  // The background has heard the first tab leave; a reloaded panel shows what the database then holds.
  await expect.poll(inCall).toBe(1);
  await panel.reload();
  await expect(during).toHaveAttribute('data-meeting-id', meetingId ?? '');

  await showMeetFixture(second, 'call-ended-en.html');
  await expectPlanOf(panel, meetingId);
});

test('a screen with none of our hooks (removed from the call, Portuguese) ends the call after the grace', async ({
  context,
  page,
  extensionId,
}) => {
  const panel = await prepareMeetingWithSam(context, page, extensionId);
  const { showFixture } = await joinCall(context);
  await expect(panel.getByTestId('fourps-during-call')).toBeVisible();
  await showFixture('removed-pt.html');
  await expect(panel.getByTestId('fourps-plan-checklist')).toBeVisible({ timeout: 15_000 });
});
