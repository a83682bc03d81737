/**
 * Which Calendar view is showing, from the page's own markers, so features can decide where to look
 * (grids and popovers in EVENT, the edit form in EVENT_EDIT) without selectors of their own.
 */
import { VIEW_FAMILY_ATTRIBUTE, VIEW_KEY_ATTRIBUTES } from './selectors';

export interface CalendarView {
  /** `EVENT` (grids, popovers) or `EVENT_EDIT` (full edit page); undefined when Calendar stops saying. */
  family?: string;
  /** DAY, WEEK, CUSTOM_DAYS, MONTH, YEAR, AGENDA, SEARCH, … */
  key?: string;
}

export function readCalendarView(doc: Document): CalendarView {
  const view: CalendarView = {};
  const family = doc.body?.getAttribute(VIEW_FAMILY_ATTRIBUTE);
  if (family) view.family = family;
  for (const holder of [doc.body, doc.documentElement]) {
    const key = VIEW_KEY_ATTRIBUTES.map((name) => holder?.getAttribute(name)).find(Boolean);
    if (key) {
      view.key = key;
      break;
    }
  }
  return view;
}
