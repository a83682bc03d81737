import type { Frame, Page } from '@playwright/test';
import { moveFixtureDates } from '../support/moveFixtureDates';
import { readFixture, serveGoogleFixtures } from '../support/routeFixtures';
import { HOSTILE_TEXT, megabyteDescription } from '../unit/trust/hostilePayloads';
import { expect, test } from './extensionTest';

/**
 * Calendar invites are written by other people. Whatever their title, description, guest names or
 * location carry — script payloads, `javascript:` links, a closing `</textarea>`, 1 MB of text,
 * right-to-left overrides, emoji, zero-width characters, broken event ids — nothing runs anywhere
 * (every payload sets `window.__pwned`), nothing throws into Google's page, and text shows as text.
 */
const WEEK_URL = 'https://calendar.google.com/calendar/u/0/r/week/2026/9/15';
const FIXTURE_DAY = new Date(2026, 8, 15);
const SCRIPT_TITLE =
  'Mentoring <img src=x onerror=window.__pwned=1> <script>window.__pwned=1</script> </textarea>';
const RTL_TITLE =
  'Mentoring \u202eexe.gnirotnem\u202c مرحبا بالمرشد שלום 👩\u200d💻🚀 zero\u200bwidth\ufeffjoin';

type Scope = Page | Frame;

async function pwned(scope: Scope): Promise<unknown> {
  return scope.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

/** The prep page's frame over the calendar, once it has rendered its heading. */
async function openPrepFrame(page: Page): Promise<Frame> {
  await page.locator('#xDetDlg').getByTestId('fourps-prep-button').click();
  await expect(
    page.frameLocator('iframe[title^="Four Ps"]').getByRole('heading', { level: 1 }),
  ).toBeVisible();
  const frame = page.frames().find((candidate) => candidate.url().includes('/prep.html'));
  if (!frame) throw new Error('the prep page frame is missing');
  return frame;
}

async function exactText(scope: Scope, selector: string): Promise<string | null> {
  return scope
    .locator(selector)
    .first()
    .evaluate((element) => element.textContent);
}

/** Dialogs (alert/confirm) opened anywhere are a sign that something ran. */
function recordDialogs(page: Page, into: string[]): void {
  page.on('dialog', (dialog) => {
    into.push(dialog.message());
    void dialog.dismiss();
  });
}

test('script payloads in every field of an invite stay text in the calendar, prep, popup and side panel', async ({
  context,
  page,
  extensionId,
  hostPageErrors,
}) => {
  const dialogs: string[] = [];
  recordDialogs(page, dialogs);
  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const html = moveFixtureDates(
    readFixture('gcal', 'hostile-script-payloads-en.html'),
    FIXTURE_DAY,
    tomorrow,
  );
  await serveGoogleFixtures(context, 'gcal', { '*': () => html });
  await page.goto(WEEK_URL);

  await expect(page.locator('#xDetDlg').getByTestId('fourps-prep-button')).toHaveCount(1);
  await expect(page.getByTestId('fourps-prep-button')).toHaveCount(1);
  const chip = page.locator('[data-eventchip]').filter({ hasText: 'Mentoring <img' });
  await expect(chip.getByTestId('fourps-chip-badge')).toHaveCount(1);

  const prep = await openPrepFrame(page);
  expect(await exactText(prep, 'h1')).toBe(SCRIPT_TITLE);
  // The guest's name, prefilled into a form field, is a value, not markup.
  await prep.getByRole('button', { name: 'New relationship' }).click();
  await expect(prep.getByLabel('Partner’s name')).toHaveValue(HOSTILE_TEXT.scriptTag);
  await prep.getByRole('button', { name: 'Cancel' }).click();
  // Typing the same payloads into the prep is stored and shown back as typed.
  const purpose = prep.getByRole('region', { name: 'Purpose' }).getByRole('textbox').first();
  await purpose.fill(`${HOSTILE_TEXT.closeTextarea} ${HOSTILE_TEXT.javascriptLink}`);
  await expect(prep.getByTestId('fourps-save-status')).toHaveText('Saved');
  const meetingId = new URL(prep.url()).searchParams.get('meeting');
  expect(meetingId).toMatch(/^gcal:/);
  expect(await pwned(prep)).toBeUndefined();
  await page.keyboard.press('Escape');
  await expect(page.locator('iframe[title^="Four Ps"]')).toHaveCount(0);

  const popup = await context.newPage();
  recordDialogs(popup, dialogs);
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const item = popup.getByTestId('fourps-upcoming-item').filter({ hasText: 'Mentoring <img' });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(SCRIPT_TITLE);
  await expect(popup.locator('img, script:not([src]), a[href^="javascript:"]')).toHaveCount(0);
  expect(await pwned(popup)).toBeUndefined();

  const panel = await context.newPage();
  recordDialogs(panel, dialogs);
  await panel.goto(
    `chrome-extension://${extensionId}/sidepanel.html?meeting=${encodeURIComponent(meetingId ?? '')}`,
  );
  await expect(panel.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await exactText(panel, 'h1')).toBe(SCRIPT_TITLE);
  // During the call the panel shows the prep's answers as text.
  await expect(panel.getByRole('region', { name: 'Purpose' })).toContainText(
    `${HOSTILE_TEXT.closeTextarea} ${HOSTILE_TEXT.javascriptLink}`,
  );
  await expect(panel.locator('img, a[href^="javascript:"]')).toHaveCount(0);
  expect(await pwned(panel)).toBeUndefined();

  expect(await pwned(page)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(hostPageErrors).toEqual([]);
});

test('right-to-left text, emoji and zero-width characters show exactly as written', async ({
  context,
  page,
  hostPageErrors,
}) => {
  await serveGoogleFixtures(context, 'gcal', { '*': 'hostile-rtl-emoji-zw-en.html' });
  await page.goto(WEEK_URL);
  const prep = await openPrepFrame(page);
  // The parser squeezes whitespace, and U+FEFF counts as whitespace; every other character stays.
  expect(await exactText(prep, 'h1')).toBe(RTL_TITLE.replace('\ufeff', ' '));
  await prep.getByRole('button', { name: 'New relationship' }).click();
  await expect(prep.getByLabel('Partner’s name')).toHaveValue('سام ريفيرا 🚀');
  // The override character must not leak out of the title and flip the rest of the form.
  const direction = await prep
    .locator('textarea')
    .first()
    .evaluate((element) => getComputedStyle(element).direction);
  expect(direction).toBe('ltr');
  expect(await pwned(prep)).toBeUndefined();
  expect(hostPageErrors).toEqual([]);
});

test('a 1 MB description: the button still comes, the page stays responsive, nothing throws', async ({
  context,
  page,
  hostPageErrors,
}) => {
  const huge = megabyteDescription()
    .split('\n')
    .map((line) => line.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'))
    .join('<br>');
  const html = readFixture('gcal', 'hostile-huge-description-en.html').replace(
    'FOURPS-HUGE-DESCRIPTION',
    huge,
  );
  expect(html.length).toBeGreaterThan(1_000_000);
  await serveGoogleFixtures(context, 'gcal', { '*': () => html });
  await page.goto(WEEK_URL);
  await expect(page.locator('#xDetDlg').getByTestId('fourps-prep-button')).toHaveCount(1);
  const started = Date.now();
  await page.evaluate(() => document.title);
  expect(Date.now() - started).toBeLessThan(1_000);
  const prep = await openPrepFrame(page);
  expect(await exactText(prep, 'h1')).toBe('Mentoring with Sam');
  expect(await pwned(page)).toBeUndefined();
  expect(hostPageErrors).toEqual([]);
});

const MISSING_IDS = readFixture('gcal', 'hostile-missing-eventid-en.html');
/** The same page with broken ids added: a quote-breaking script payload, non-base64 and binary junk. */
const MALFORMED_IDS = MISSING_IDS.replace(
  'jslog="22661; track:impression"',
  'jslog="22661; 1:[&quot;%%%not*base64%%%&quot;]; track:impression" data-eventid="&quot;&gt;&lt;img src=x onerror=window.__pwned=1&gt;"',
).replace(
  'jslog="35463; track:JIbuQc" data-eventchip=""',
  'jslog="35463; 1:[&quot;////////////////AAAA&quot;]; track:JIbuQc" data-eventchip="" data-eventid="//79/Pv6+fj39vX08/Lx8O/u7ezr6uno5+bl5OPi4eA"',
);

for (const [name, html] of [
  ['missing event ids', MISSING_IDS],
  ['malformed event ids', MALFORMED_IDS],
] as const) {
  test(`${name}: no controls on what cannot be identified, nothing thrown, nothing run`, async ({
    context,
    page,
    hostPageErrors,
  }) => {
    expect(html).not.toBe(name === 'malformed event ids' ? MISSING_IDS : '');
    await serveGoogleFixtures(context, 'gcal', { '*': () => html });
    await page.goto(WEEK_URL);
    // The chips that do carry ids are read: the content script has certainly run once this shows.
    const jordan = page.locator('[data-eventchip]').filter({ hasText: '1:1 Alex / Jordan' });
    await expect(jordan.getByTestId('fourps-chip-badge')).toHaveCount(1);
    await expect(page.locator('[data-fourps-controls]')).toHaveCount(0);
    const sam = page.locator('[data-eventchip]').filter({ hasText: 'Mentoring with Sam' });
    await expect(sam.getByTestId('fourps-chip-badge')).toHaveCount(0);
    expect(await pwned(page)).toBeUndefined();
    expect(hostPageErrors).toEqual([]);
  });
}
