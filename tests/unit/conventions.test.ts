import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const IMPORT =
  /(?:^|\n)\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveImport(fromFile: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? join(ROOT, specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(dirname(fromFile), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every module a file pulls into its bundle (type-only imports are erased, so they do not count). */
function bundledGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (match[1]) continue;
      const specifier = match[2] ?? match[3] ?? '';
      const target = resolveImport(file, specifier);
      if (target) visit(target);
      else if (!specifier.startsWith('.') && !specifier.startsWith('@/')) packages.add(specifier);
    }
  };
  visit(entry);
  return { files, packages };
}

const contentScripts = readdirSync(join(ROOT, 'entrypoints'))
  .filter((name) => name.includes('.content'))
  .map((name) => {
    const path = join(ROOT, 'entrypoints', name);
    return statSync(path).isDirectory() ? join(path, 'index.ts') : path;
  });

describe('content scripts (ARCHITECTURE rules 1 and 2)', () => {
  it('there are content scripts to check', () => {
    expect(contentScripts.length).toBeGreaterThanOrEqual(2);
  });

  it.each(contentScripts.map((file) => [relative(ROOT, file), file]))(
    '%s never reaches the database, React or zod',
    (_name, file) => {
      const { files, packages } = bundledGraph(file);
      const database = [...files].filter((f) => relative(ROOT, f).startsWith('lib/db'));
      expect(database).toEqual([]);
      const heavy = [...packages].filter((p) =>
        /^(dexie|dexie-react-hooks|react|react-dom|zod)(\/|$)/.test(p),
      );
      expect(heavy).toEqual([]);
    },
  );
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('zod under the extension’s CSP', () => {
  it('only lib/zod.ts imports zod itself, so that its jitless setting comes before any schema', () => {
    const importers = ['lib', 'components', 'entrypoints']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) =>
        [...readFileSync(file, 'utf8').matchAll(IMPORT)].some(
          (match) => !match[1] && (match[2] ?? match[3]) === 'zod',
        ),
      )
      .map((file) => relative(ROOT, file));
    expect(importers).toEqual(['lib/zod.ts']);
  });
});
