/**
 * A Google Calendar week grid with many chips, in the markup of tests/fixtures/gcal/week-popover-en.html
 * (same attributes, screen-reader line and visible part). Pure string building, so the same code makes
 * the first page in Node and every later week inside the page during the scripted session.
 */

export const CHIPS_PER_WEEK = 300;
/** The fixture's week starts on Sunday, September 13, 2026; week n is n weeks later. */
const FIRST_SUNDAY = { year: 2026, monthIndex: 8, day: 13 };
const DAYS = 7;
const SLOT_MINUTES = 15;
const FIRST_HOUR = 7;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const PARTNERS = ['Sam', 'Jordan', 'Priya', 'Lena', 'Kenji', 'Amara', 'Tomás', 'Noor', 'Ines', 'Ola'];
const OTHER_TITLES = [
  'Team standup',
  'Design review',
  'Budget sync',
  'Hiring loop',
  'Roadmap planning',
  'Vendor call',
  'Lunch',
  'Focus time',
];
const COLORS = ['#039be5', '#33b679', '#8e24aa', '#f4511e', '#0b8043', '#7986cb'];

/**
 * One chip in `every` is a mentoring meeting (by its title), the rest are ordinary events. The bench's
 * week has one in three: a busy mentor's week at its densest. A week of one in thirty is nearer a
 * typical calendar, where most events are not mentoring meetings.
 */
export const DENSE_MENTORING = 3;
export const SPARSE_MENTORING = 30;

export function isMentoringChip(index: number, every = DENSE_MENTORING): boolean {
  return index % every === 0;
}

export function chipTitle(week: number, index: number, every = DENSE_MENTORING): string {
  if (!isMentoringChip(index, every)) return OTHER_TITLES[index % OTHER_TITLES.length] ?? 'Meeting';
  const partner = PARTNERS[(index / every + week) % PARTNERS.length] ?? 'Sam';
  return index % 2 === 0 ? `Mentoring with ${partner}` : `1:1 Alex / ${partner}`;
}

/** `data-eventid` as Calendar writes it: base64 of "<event id> <calendar id>", padding stripped. */
export function chipEventId(week: number, index: number): string {
  return btoa(`fpbench${week}x${index} alex.doe@example.com`).replace(/=+$/, '');
}

function dayOf(week: number, column: number): Date {
  return new Date(FIRST_SUNDAY.year, FIRST_SUNDAY.monthIndex, FIRST_SUNDAY.day + week * DAYS + column);
}

function dateKey(date: Date): number {
  return ((date.getFullYear() - 1970) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
}

/** "9am", "10:30am", "12pm", as the chip's screen-reader line writes times. */
function clock(minutesOfDay: number): string {
  const hours = Math.floor(minutesOfDay / 60);
  const minutes = minutesOfDay % 60;
  const suffix = hours >= 12 ? 'pm' : 'am';
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return minutes === 0 ? `${hour12}${suffix}` : `${hour12}:${String(minutes).padStart(2, '0')}${suffix}`;
}

function placement(index: number): { column: number; slot: number } {
  return { column: index % DAYS, slot: Math.floor(index / DAYS) };
}

/** One timed chip. `revision` changes only its inline style, as a Calendar re-render would. */
export function chipHtml(week: number, index: number, revision = 0, every = DENSE_MENTORING): string {
  const { column, slot } = placement(index);
  const day = dayOf(week, column);
  const startMinutes = FIRST_HOUR * 60 + slot * SLOT_MINUTES;
  const when = `${clock(startMinutes)} to ${clock(startMinutes + SLOT_MINUTES)}`;
  const title = chipTitle(week, index, every);
  const date = `${MONTHS[day.getMonth()]} ${day.getDate()}, ${day.getFullYear()}`;
  const eid = chipEventId(week, index);
  const color = COLORS[(index + revision) % COLORS.length];
  return (
    `<div role="button" tabindex="0" class="GTG3wb ChfiMc rFUW1c LLspoc" jscontroller="eEyhNb" ` +
    `jsaction="click:qFr5Oe; keydown:Hq2uPe; focus:h06R8; blur:zjh6rb" data-eventchip="" data-eventid="${eid}" ` +
    `data-opens-details="true" style="top: ${slot * 12}px; height: 12px; background-color: ${color};">` +
    `<div class="XuJrye">${when}, ${title}, Alex Doe, Accepted, No location, ${date}</div>` +
    `<div class="KcY3wb" aria-hidden="true"><div class="lhydbb gVNoLb EiZ8Dd"><span class="FAxxKc">${title}</span></div>` +
    `<div class="lhydbb K9QN7e">${clock(startMinutes)} – ${clock(startMinutes + SLOT_MINUTES)}</div></div></div>`
  );
}

/** The whole week grid (header, all-day row, seven day columns) holding `chips` chips. */
export function weekGridHtml(week: number, chips = CHIPS_PER_WEEK, every = DENSE_MENTORING): string {
  const first = dayOf(week, 0);
  const last = dayOf(week, DAYS - 1);
  const columns: string[][] = Array.from({ length: DAYS }, () => []);
  for (let index = 0; index < chips; index++)
    columns[placement(index).column]?.push(chipHtml(week, index, 0, every));
  const header = WEEKDAYS.map(
    (name, column) =>
      `<div class="yzWBv" role="columnheader"><div class="sVASAd">${name}</div>` +
      `<div class="x5FT4e">${dayOf(week, column).getDate()}</div></div>`,
  ).join('');
  const allDay = WEEKDAYS.map(
    (_, column) =>
      `<div role="gridcell" class="Jfaxbd" data-datekey="${dateKey(dayOf(week, column))}">` +
      `<div data-stacked-layout-chip-container="true" class="BpLAWe"></div></div>`,
  ).join('');
  const days = columns
    .map((chipsOfDay, column) => {
      const day = dayOf(week, column);
      return (
        `<div role="gridcell" class="YvjgZe" data-datekey="${dateKey(day)}" data-column-index="${column}" ` +
        `style="height: ${Math.ceil(chips / DAYS) * 12}px"><h2 class="XuJrye">${MONTHS[day.getMonth()]} ${day.getDate()}</h2>` +
        `${chipsOfDay.join('')}</div>`
      );
    })
    .join('');
  return (
    `<div role="grid" aria-label="Week of ${MONTHS[first.getMonth()]} ${first.getDate()}, ${first.getFullYear()}" ` +
    `class="BiKU4b-outer" data-start-date-key="${dateKey(first)}" data-end-date-key="${dateKey(last)}">` +
    `<div class="KSxb4d" role="row">${header}</div><div class="KA1Syb" role="row">${allDay}</div>` +
    `<div class="BiKU4b" role="presentation"><div class="oXPHib" role="row">${days}</div></div></div>`
  );
}

/** The fixture's details popover (outer container included), retargeted at one chip's event. */
export function dialogHtml(template: string, week: number, index: number, every = DENSE_MENTORING): string {
  return template
    .replaceAll(/data-eventid="[^"]*"/g, `data-eventid="${chipEventId(week, index)}"`)
    .replaceAll('Mentoring with Sam', chipTitle(week, index, every));
}
