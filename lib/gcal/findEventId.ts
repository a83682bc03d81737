/**
 * Finds the event id belonging to a piece of Calendar UI. Calendar has moved `data-eventid` between the
 * dialog, its container and inner nodes over time, and sometimes keeps the id only in `jslog`, so every
 * place is tried, nearest first.
 */
import { type DecodedEventId, decodeEventId, eventIdFromJslog } from './eventId';
import { EVENT_ID_ATTRIBUTE, JSLOG_ATTRIBUTE } from './selectors';

function fromAttribute(element: Element | null): DecodedEventId | null {
  const value = element?.getAttribute(EVENT_ID_ATTRIBUTE);
  return value ? decodeEventId(value) : null;
}

function fromJslog(element: Element | null): DecodedEventId | null {
  const value = element?.getAttribute(JSLOG_ATTRIBUTE);
  return value ? eventIdFromJslog(value) : null;
}

/** The decoded id from `data-eventid` or `jslog` on the element, an ancestor, or a descendant. */
export function findEventId(element: Element): DecodedEventId | null {
  const attributeHolders = [
    element,
    element.parentElement?.closest(`[${EVENT_ID_ATTRIBUTE}]`) ?? null,
    element.querySelector(`[${EVENT_ID_ATTRIBUTE}]`),
  ];
  for (const holder of attributeHolders) {
    const decoded = fromAttribute(holder);
    if (decoded) return decoded;
  }
  const jslogHolders = [
    element,
    element.parentElement?.closest(`[${JSLOG_ATTRIBUTE}]`) ?? null,
    ...element.querySelectorAll(`[${JSLOG_ATTRIBUTE}]`),
  ];
  for (const holder of jslogHolders) {
    const decoded = fromJslog(holder);
    if (decoded) return decoded;
  }
  return null;
}
