import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { weekGridHtml } from './inpage/weekGrid';

const FIXTURE = resolve(import.meta.dirname, '../tests/fixtures/gcal/week-popover-en.html');
const MAIN_OPEN = '<div class="mDPmMe" role="main" jsname="hgwEdd">';
const DIALOG_OPEN = '<div class="RDlrG';

export interface CalendarBenchPage {
  /** The week view with 300 chips and no details dialog open. */
  html: string;
  /** The fixture's details popover with its container, to be attached by the scripted session. */
  dialogTemplate: string;
}

/**
 * The fixture's week view (tests/fixtures/gcal/week-popover-en.html) with its grid replaced by a week of
 * 300 chips and its open details popover taken out, so that the benchmark can attach it at will.
 */
export function calendarBenchPage(): CalendarBenchPage {
  const fixture = readFileSync(FIXTURE, 'utf8');
  const mainStart = fixture.indexOf(MAIN_OPEN);
  const dialogStart = fixture.indexOf(DIALOG_OPEN);
  const bodyEnd = fixture.lastIndexOf('</body>');
  if (mainStart < 0 || dialogStart < mainStart || bodyEnd < dialogStart) {
    throw new Error('The week fixture changed shape: main area or details dialog not found.');
  }
  const dialogTemplate = fixture.slice(dialogStart, bodyEnd).trim();
  const html =
    fixture.slice(0, mainStart + MAIN_OPEN.length) +
    weekGridHtml(0) +
    '</div>\n</div>\n' +
    fixture.slice(bodyEnd);
  return { html, dialogTemplate };
}
