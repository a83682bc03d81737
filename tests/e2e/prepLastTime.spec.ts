import { moveFixtureDates } from '../support/moveFixtureDates';
import { readFixture, serveGoogleFixtures } from '../support/routeFixtures';
import { expect, test } from './extensionTest';

/**
 * The prep remembers the relationship: the first meeting with Sam gets a relationship made from its
 * guests and a question that is never asked; the next meeting with Sam, a week later, attaches to the
 * same relationship by itself and shows that question under "Last time".
 */
const FIXTURE_DAY = new Date(2026, 8, 15);
const FIRST_EID = 'NGsyajNoNWc2ZjdkOHM5YTBwMW8yaTN1NHkgYWxleC5kb2VAZXhhbXBsZS5jb20';
const nextWeekEid = () =>
  Buffer.from('nextweek0sam0mentoring alex.doe@example.com').toString('base64').replace(/=+$/, '');

test('a question left open with Sam shows up as "Last time" in the next meeting with Sam', async ({
  context,
  page,
  hostPageErrors,
}) => {
  const html = readFixture('gcal', 'week-popover-en.html');
  const nextWeek = moveFixtureDates(html, FIXTURE_DAY, new Date(2026, 8, 22)).replaceAll(
    FIRST_EID,
    nextWeekEid(),
  );
  let serveNextWeek = false;
  await serveGoogleFixtures(context, 'gcal', { '*': () => (serveNextWeek ? nextWeek : html) });

  await page.goto('https://calendar.google.com/calendar/u/0/r/week');
  await page.getByTestId('fourps-prep-button').click();
  const prep = page.frameLocator('iframe[title^="Four Ps"]');
  await expect(prep.getByTestId('fourps-last-time')).toContainText('Choose who this meeting is with');
  await prep.getByRole('button', { name: 'New relationship' }).click();
  await expect(prep.getByLabel('Partner’s e-mail')).toHaveValue('sam.rivera@example.com');
  await prep.getByLabel('I am the').selectOption('mentee');
  await prep.getByRole('button', { name: 'Save relationship' }).click();
  await expect(prep.getByTestId('fourps-relationship')).toContainText('Sam Rivera');
  await expect(prep.getByTestId('fourps-last-time')).toContainText('This is your first conversation here');

  await prep
    .getByLabel('Preparation: a question to bring')
    .fill('How did you prepare your first conference talk?');
  await prep.getByLabel('Preparation: a question to bring').press('Enter');
  await expect(prep.getByTestId('fourps-questions-to-bring')).toContainText('How did you prepare');

  serveNextWeek = true;
  await page.reload();
  await page.getByTestId('fourps-prep-button').click();
  const nextPrep = page.frameLocator('iframe[title^="Four Ps"]');
  await expect(nextPrep.getByRole('heading', { level: 1 })).toHaveText('Mentoring with Sam');
  await expect(nextPrep.getByTestId('fourps-relationship')).toContainText('Sam Rivera');
  const lastTime = nextPrep.getByTestId('fourps-last-time');
  await expect(lastTime).toContainText('Questions not asked last time');
  await expect(lastTime).toContainText('How did you prepare your first conference talk?');
  // The new meeting starts with its own, empty list.
  await expect(nextPrep.getByTestId('fourps-questions-to-bring')).toContainText('Nothing yet');
  expect(hostPageErrors).toEqual([]);
});
