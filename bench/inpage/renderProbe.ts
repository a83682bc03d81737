/**
 * Installed before an extension page's own scripts (Playwright init script). Notes, in ms since the
 * page's time origin (navigation start), when each piece of content first is in the DOM. Checked in a
 * MutationObserver callback, i.e. right after the task in which React committed it.
 */
import type { RenderMarks } from './types';

const marks: RenderMarks = {};
window.fourpsRenderMarks = marks;

/** A stored answer is on screen: in an answer box, or as text (the side panel shows answers read-only). */
function hasStoredAnswer(): boolean {
  for (const field of document.querySelectorAll<HTMLTextAreaElement>('textarea[data-question-id]')) {
    if (field.value !== '') return true;
  }
  const expected = window.fourpsExpectText;
  return expected !== undefined && (document.body?.textContent ?? '').includes(expected);
}

/**
 * Tells the benchmark a mark was set through the console: it waits for these messages instead of
 * polling the page, because a poll would evaluate Playwright's own scripts in the page while it is
 * still starting, and time that work as ours.
 */
function announce(): void {
  console.debug(`fourps-render-marks ${Object.keys(marks).join(' ')}`);
}

function check(): void {
  const before = Object.keys(marks).length;
  const now = performance.now();
  if (marks.upcomingItem === undefined && document.querySelector('[data-testid="fourps-upcoming-item"]')) {
    marks.upcomingItem = now;
  }
  if (marks.answerShown === undefined && hasStoredAnswer()) marks.answerShown = now;
  // "Last time" has content once it links the previous meeting or lists open action items.
  if (
    marks.lastTimeShown === undefined &&
    document.querySelector('[data-testid="fourps-last-time"] a, [data-testid="fourps-last-time-actions"]')
  ) {
    marks.lastTimeShown = now;
  }
  if (Object.keys(marks).length > before) announce();
}

new MutationObserver(check).observe(document, { childList: true, subtree: true });
