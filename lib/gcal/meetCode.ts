/** Google Meet codes (`abc-defg-hij`) from links in Calendar's event UI. */
import { queryAllUnique } from './domQuery';
import { MEET_LINK } from './selectors';

const MEET_CODE = /(?:^|\/)([a-z]{3}-[a-z]{4}-[a-z]{3})(?=$|[/?#])/;

/** The meeting code in a Meet URL, or undefined for other URLs. */
export function meetCodeFromUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.hostname !== 'meet.google.com') return undefined;
    return MEET_CODE.exec(parsed.pathname)?.[1];
  } catch {
    return undefined;
  }
}

/** The first Meet code linked under `root`. */
export function findMeetCode(root: ParentNode): string | undefined {
  for (const link of queryAllUnique(root, MEET_LINK)) {
    const code = meetCodeFromUrl(link.getAttribute('href') ?? '');
    if (code) return code;
  }
  return undefined;
}
