/**
 * Conversions between epoch ms and the values of `<input type="date">` / `<input type="datetime-local">`,
 * in the user's own time zone (what they typed is what they meant).
 */
const pad = (n: number) => String(n).padStart(2, '0');

export function toDateInput(epochMs: number | undefined): string {
  if (!epochMs) return '';
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight of a `YYYY-MM-DD` value; 0 (the store's "no date") when empty or invalid. */
export function fromDateInput(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return 0;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
}

export function toDateTimeInput(epochMs: number | undefined): string {
  if (epochMs === undefined) return '';
  const d = new Date(epochMs);
  return `${toDateInput(epochMs)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `YYYY-MM-DDTHH:mm` value in local time; undefined when empty or invalid. */
export function fromDateTimeInput(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi).getTime();
}
