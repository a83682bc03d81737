/**
 * What is read of an event chip in the DOM: its raw strings, unparsed (parseChip.ts makes an event of
 * them). Chips are everywhere (a week switch shows hundreds), so the reading touches as few nodes as it
 * can; keeping it apart from the parsing also lets each be tested on its own.
 */
import { parseSafely, warnOnce } from './logOnce';
import {
  CHIP_VISIBLE_PART,
  DATE_KEY_ATTRIBUTE,
  DAY_COLUMN,
  EVENT_CHIP,
  EVENT_ID_ATTRIBUTE,
  JSLOG_ATTRIBUTE,
} from './selectors';

export interface ChipFields {
  /** `data-eventid` as written: base64 of "<event id> <calendar id>". */
  encodedId?: string;
  /** `jslog`, only when it quotes a token: Calendar sometimes keeps the encoded id only there. */
  readonly jslog?: string;
  /**
   * What a screen reader hears: the aria-label, else every text outside the aria-hidden part. Read from
   * the page only when first asked for: a chip the prefilter skips never needs it.
   */
  readonly label: string;
  /** The first texts of the visible (aria-hidden) part, each an element's own text: title and time. */
  shownTexts: string[];
  /** The day column's `data-datekey`; schedule and search rows have none. Read when first asked for. */
  readonly dateKey?: number;
}

/** The title is the first or second text drawn (a short chip may draw its time first); a few spare. */
const MAX_SHOWN_TEXTS = 4;

const ANY_CHIP = EVENT_CHIP.join(',');
const ANY_DAY_COLUMN = DAY_COLUMN.join(',');

function outermostChips(root: ParentNode): Element[] {
  // Inside a chip, every match is one of its inner nodes.
  if (root instanceof Element && root.closest(ANY_CHIP)) return [];
  const chips: Element[] = [];
  let outer: Element | undefined;
  // Matches come in document order, so the chips inside a chip follow it: one containment test each,
  // rather than a selector search through every chip's ancestors.
  for (const chip of root.querySelectorAll(ANY_CHIP)) {
    if (outer?.contains(chip)) continue;
    outer = chip;
    chips.push(chip);
  }
  return chips;
}

/** Whether `element` is itself an event chip (the details popover carries an event id too, but is none). */
export function isEventChip(element: Element): boolean {
  return element.matches(ANY_CHIP);
}

/**
 * Every event chip under `root` in document order, outermost only (a chip's inner nodes may repeat its
 * attributes). One search for all selectors: each search walks the whole grid.
 */
export function findChips(root: ParentNode): Element[] {
  return parseSafely('could not look for event chips', () => outermostChips(root)) ?? [];
}

// The walks below step with firstChild/nextSibling: iterating a NodeList costs several times more.

const isVisiblePart = (element: Element) =>
  element.getAttribute(CHIP_VISIBLE_PART.attribute) === CHIP_VISIBLE_PART.value;

/** The text outside the chip's visible parts (what a screen reader hears), each text followed by a space. */
function audibleText(node: Node): string {
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += `${child.nodeValue ?? ''} `;
    else if (child.nodeType === 1 && !isVisiblePart(child as Element)) text += audibleText(child);
  }
  return text;
}

/**
 * Appends the element's own text, then its descendants' (document order), until `texts` is full. One
 * pass over the child nodes finds both the own text and the children to descend into.
 */
function collectOwnTexts(element: Element, texts: string[]): void {
  let own = '';
  const children: Element[] = [];
  for (let child = element.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === 3) own += child.nodeValue ?? '';
    else if (type === 1) children.push(child as Element);
  }
  if (own.trim()) texts.push(own);
  for (const child of children) {
    if (texts.length >= MAX_SHOWN_TEXTS) return;
    collectOwnTexts(child, texts);
  }
}

const VISIBLE_PART = `[${CHIP_VISIBLE_PART.attribute}="${CHIP_VISIBLE_PART.value}"]`;

/**
 * The own texts of the first visible part that has any. Found by the browser's selector engine rather
 * than by the walk below: each node a content script steps through costs a wrapper in its world.
 */
function shownTextsOf(chip: Element): string[] {
  const texts: string[] = [];
  const first = chip.querySelector(VISIBLE_PART);
  if (!first) return texts;
  collectOwnTexts(first, texts);
  if (texts.length > 0) return texts;
  for (const part of chip.querySelectorAll(VISIBLE_PART)) {
    collectOwnTexts(part, texts);
    if (texts.length > 0) break;
  }
  return texts;
}

function dayColumnDateKey(chip: Element): number | undefined {
  // In the day and week grids the chip sits right in its day column: test that before searching up.
  const parent = chip.parentElement;
  const column = parent?.matches(ANY_DAY_COLUMN) ? parent : chip.closest(ANY_DAY_COLUMN);
  const dateKey = Number(column?.getAttribute(DATE_KEY_ATTRIBUTE));
  return dateKey > 0 ? dateKey : undefined;
}

/** `jslog`, when it quotes a token that may be the encoded id. */
function idBearingJslog(chip: Element): string | undefined {
  const jslog = chip.getAttribute(JSLOG_ATTRIBUTE);
  return jslog?.includes('"') ? jslog : undefined;
}

/**
 * The chip's id and shown texts. The rest is read when first asked for: the prefilter skips most
 * chips on their title, and each attribute or node a content script reads costs a call into the page.
 */
function readFields(chip: Element): ChipFields | null {
  const encodedId = chip.getAttribute(EVENT_ID_ATTRIBUTE) || undefined;
  // Whether the encoded id decodes is the parser's to find out: the jslog is read when it asks.
  let jslog = encodedId ? null : idBearingJslog(chip);
  if (!encodedId && !jslog) {
    warnOnce('event chip has no event id');
    return null;
  }
  let label: string | undefined;
  let dateKey: number | undefined | null = null;
  return {
    ...(encodedId === undefined ? {} : { encodedId }),
    get jslog() {
      if (jslog === null) jslog = idBearingJslog(chip);
      return jslog;
    },
    get label() {
      label ??= chip.getAttribute('aria-label') || audibleText(chip);
      return label;
    },
    get dateKey() {
      if (dateKey === null) dateKey = dayColumnDateKey(chip);
      return dateKey;
    },
    shownTexts: shownTextsOf(chip),
  };
}

/** Reads one chip's raw strings; null (with one warning) when it has no id at all. Never throws. */
export function readChipFields(chip: Element): ChipFields | null {
  return parseSafely('could not read an event chip', () => readFields(chip));
}
