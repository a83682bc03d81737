import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Figure, figure } from './figures';

const gzipKb = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length / 1024;

/** Every JS file a page loads: the scripts and module preloads of its HTML, then their static imports. */
function pageScripts(extensionDir: string, htmlFile: string): string[] {
  const html = readFileSync(join(extensionDir, htmlFile), 'utf8');
  const pending = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((match) => match[1] ?? '');
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop();
    if (!file || seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(extensionDir, file), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      pending.push(join(dirname(file), match[1] ?? ''));
    }
  }
  return [...seen].sort();
}

/** Gzipped sizes (level 9) of each content script, each page's JavaScript, and the store zip. */
export function bundleFigures(outDir: string): Figure[] {
  const extensionDir = resolve(outDir, 'chrome-mv3');
  const figures: Figure[] = [];
  const budgets: Record<string, number> = { 'calendar.js': 15, 'meet.js': 8 };
  for (const file of readdirSync(join(extensionDir, 'content-scripts')).filter((f) => f.endsWith('.js'))) {
    const raw = readFileSync(join(extensionDir, 'content-scripts', file));
    const budget = budgets[file];
    figures.push(
      figure({
        scenario: 'bundle',
        measure: `content script ${file} (gzip)`,
        value: gzipKb(raw),
        unit: 'KB',
        stat: 'size',
        budget: budget === undefined ? undefined : { max: budget, text: `≤ ${budget} KB` },
        note: `${(raw.length / 1024).toFixed(1)} KB raw`,
      }),
    );
  }
  for (const html of readdirSync(extensionDir).filter((f) => f.endsWith('.html'))) {
    const scripts = pageScripts(extensionDir, html);
    const total = scripts.reduce((sum, file) => sum + gzipKb(readFileSync(join(extensionDir, file))), 0);
    figures.push(
      figure({
        scenario: 'bundle',
        measure: `${html} JavaScript (gzip, each file)`,
        value: total,
        unit: 'KB',
        stat: `${scripts.length} files`,
      }),
    );
  }
  const background = readFileSync(join(extensionDir, 'background.js'));
  figures.push(
    figure({
      scenario: 'bundle',
      measure: 'background.js (gzip)',
      value: gzipKb(background),
      unit: 'KB',
      stat: 'size',
    }),
  );
  const zip = readdirSync(outDir).find((f) => f.endsWith('-chrome.zip'));
  figures.push(
    figure({
      scenario: 'bundle',
      measure: `store zip ${zip ?? '(missing)'}`,
      value: zip ? statSync(join(outDir, zip)).size / 1024 : Number.NaN,
      unit: 'KB',
      stat: 'size',
      budget: { max: 400, text: '≤ 400 KB' },
    }),
  );
  return figures;
}
