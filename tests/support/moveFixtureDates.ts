/**
 * Fixtures are pinned to September 2026, but "upcoming" depends on today. For end-to-end journeys
 * that need a meeting in the future (popup, reminders, linking a Meet call), the served page is moved
 * by whole days: every English date the page shows and every `data-datekey` / `data-date` shifts by
 * the same number of days, in one pass so no date is moved twice. Times of day stay as they are.
 */
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
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 24 * 60 * 60 * 1000;

const encodeDateKey = (d: Date) => ((d.getFullYear() - 1970) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
const decodeDateKey = (key: number) => new Date((key >> 9) + 1970, ((key >> 5) & 15) - 1, key & 31);

export function moveFixtureDates(html: string, from: Date, to: Date): string {
  const shiftDays = Math.round((startOfDay(to) - startOfDay(from)) / DAY_MS);
  const shift = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + shiftDays);
  const year = from.getFullYear();
  const monthNames = MONTHS.join('|');
  const pattern = new RegExp(
    `data-datekey="(\\d+)"|data-date="(\\d{8})"|(?:(${WEEKDAYS.join('|')}), )?(${monthNames}) (\\d{1,2})(?!\\d)(, (\\d{4}))?`,
    'g',
  );
  return html.replace(pattern, (match, key, ymd, weekday, month, day, yearPart, yearText) => {
    if (key) return `data-datekey="${encodeDateKey(shift(decodeDateKey(Number(key))))}"`;
    if (ymd) {
      const moved = shift(
        new Date(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)) - 1, Number(ymd.slice(6))),
      );
      return `data-date="${moved.getFullYear()}${pad(moved.getMonth() + 1)}${pad(moved.getDate())}"`;
    }
    if (!month) return match;
    const moved = shift(new Date(yearText ? Number(yearText) : year, MONTHS.indexOf(month), Number(day)));
    const weekdayText = weekday ? `${WEEKDAYS[moved.getDay()]}, ` : '';
    const yearOut = yearPart ? `, ${moved.getFullYear()}` : '';
    return `${weekdayText}${MONTHS[moved.getMonth()]} ${moved.getDate()}${yearOut}`;
  });
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

const pad = (n: number) => String(n).padStart(2, '0');
