/**
 * Small DOM reading helpers shared by the Calendar parsers: selector lists with fallbacks, and text read
 * line by line (Calendar puts date/time and recurrence in sibling divs, which `textContent` would glue).
 */
import type { SelectorList } from './selectors';

/** The first element matching any selector of the list, earlier selectors winning. */
export function queryFirst(root: ParentNode, selectors: SelectorList): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** Every element matching any selector of the list, once each, in the order the selectors found them. */
export function queryAllUnique(root: ParentNode, selectors: SelectorList): Element[] {
  const seen = new Set<Element>();
  for (const selector of selectors) {
    for (const element of root.querySelectorAll(selector)) seen.add(element);
  }
  return [...seen];
}

/** True when `element` itself matches any selector of the list. */
export function matchesAny(element: Element, selectors: SelectorList): boolean {
  return selectors.some((selector) => element.matches(selector));
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BR',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'LI',
  'OL',
  'P',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
// Hidden helpers and our own injected UI must not leak into parsed text.
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'BUTTON']);

/** Collapses runs of whitespace (incl. no-break spaces) to one space and trims. */
export function squeezeSpaces(text: string): string {
  // Most text has single plain spaces only: testing for that first spares rebuilding it space by space.
  return (/[^\S ]|\s\s/.test(text) ? text.replace(/[\s\u00a0\u202f]+/g, ' ') : text).trim();
}

/** The element's text split into the lines a reader sees: block elements and `<br>` start new lines. */
export function textLines(element: Element): string[] {
  const lines: string[] = [];
  let current = '';
  const breakLine = (): void => {
    const line = squeezeSpaces(current);
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        current += child.nodeValue ?? '';
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIPPED_TAGS.has(tag) || (child as Element).hasAttribute('data-fourps')) continue;
        const isBlock = BLOCK_TAGS.has(tag);
        if (isBlock) breakLine();
        walk(child);
        if (isBlock) breakLine();
      }
    }
  };
  walk(element);
  breakLine();
  return lines;
}

/**
 * The ancestor of `target` (or `target` itself) that sits beside other known sections: the "row" to
 * insert after. Null when `target` is alone in `container`.
 */
export function rowBesideSections(
  container: Element,
  target: Element,
  sections: readonly Element[],
): Element | null {
  const others = sections.filter((section) => !section.contains(target));
  if (others.length === 0) return null;
  let row: Element = target;
  while (row.parentElement && row.parentElement !== container) {
    const parent = row.parentElement;
    if (others.some((section) => parent.contains(section))) return row;
    row = parent;
  }
  return row.parentElement ? row : null;
}
