import { resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');

export type InPageScript =
  | 'calendarHarness'
  | 'naiveBaseline'
  | 'floorBaseline'
  | 'extensionHarness'
  | 'renderProbe';

/**
 * Bundles one of bench/inpage/*.ts into a single script to evaluate in a page. esbuild (already
 * installed with tsx and Vite) resolves the `@/` alias from tsconfig.json, so the harnesses run the
 * product's own modules. Functions written in the Node files are never sent to pages: tsx may wrap
 * them in helpers that do not exist there.
 */
export async function bundleInPage(name: InPageScript): Promise<string> {
  const result = await build({
    entryPoints: [resolve(ROOT, 'bench/inpage', `${name}.ts`)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    tsconfig: resolve(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild made nothing for ${name}.`);
  return output.text;
}
