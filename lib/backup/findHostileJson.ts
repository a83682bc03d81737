import { FORBIDDEN_KEYS } from './recordSchemas';

/** Far deeper than any row the app stores; deeper input only serves to exhaust the stack of a validator. */
export const MAX_JSON_DEPTH = 64;

export type JsonPath = ReadonlyArray<string | number>;

export type HostileJson =
  | { kind: 'forbidden-key'; key: string; path: JsonPath }
  | { kind: 'too-deep'; path: JsonPath };

/** A node still to visit; the parent chain gives its path, built only when something is found. */
interface PendingNode {
  value: unknown;
  key: string | number | undefined;
  parent: PendingNode | undefined;
  depth: number;
}

/**
 * Looks through parsed JSON for what could harm the app rather than merely be wrong: keys such as
 * `__proto__` (JSON.parse keeps them as own properties, and any later copy by assignment would swap an
 * object's prototype) and nesting deep enough to overflow a recursive validator. Iterative, so the walk
 * itself cannot overflow.
 */
export function findHostileJson(root: unknown): HostileJson | undefined {
  const pending: PendingNode[] = [{ value: root, key: undefined, parent: undefined, depth: 0 }];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const { value, depth } = node;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_JSON_DEPTH) return { kind: 'too-deep', path: pathOf(node).slice(0, 8) };
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        pending.push({ value: item, key: index, parent: node, depth: depth + 1 });
      });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return { kind: 'forbidden-key', key, path: pathOf(node) };
      pending.push({ value: (value as Record<string, unknown>)[key], key, parent: node, depth: depth + 1 });
    }
  }
  return undefined;
}

function pathOf(node: PendingNode): JsonPath {
  const path: Array<string | number> = [];
  for (let at: PendingNode | undefined = node; at?.key !== undefined; at = at.parent) path.unshift(at.key);
  return path;
}
