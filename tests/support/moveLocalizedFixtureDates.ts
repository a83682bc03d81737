import { moveFixtureDates } from './moveFixtureDates';

/**
 * moveFixtureDates for a fixture in another language: besides the day columns' keys, the dates its texts
 * show move too, written as Intl writes them in `locale` (the fixture's texts were written that way):
 * "вторник, 15 сентября", "15 сентября 2026 г.", "الخميس، 17 سبتمبر". One pass, so no date moves twice.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const SHOWN_FORMS: Intl.DateTimeFormatOptions[] = [
  { weekday: 'long', day: 'numeric', month: 'long' },
  { day: 'numeric', month: 'long', year: 'numeric' },
];

export function moveLocalizedFixtureDates(html: string, from: Date, to: Date, locale: string): string {
  const moved = moveFixtureDates(html, from, to);
  const shiftDays = Math.round((startOfDay(to) - startOfDay(from)) / DAY_MS);
  const replacements = new Map<string, string>();
  // Every day the fixture's month grid can show, around `from`.
  for (let offset = -21; offset <= 21; offset += 1) {
    const day = new Date(from.getFullYear(), from.getMonth(), from.getDate() + offset);
    const target = new Date(day.getFullYear(), day.getMonth(), day.getDate() + shiftDays);
    for (const form of SHOWN_FORMS) {
      const format = new Intl.DateTimeFormat(locale, form);
      replacements.set(format.format(day), format.format(target));
    }
  }
  const shown = [...replacements.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<!\\d)(?:${shown.map(escapeRegExp).join('|')})`, 'gu');
  return moved.replace(pattern, (text) => replacements.get(text) ?? text);
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
