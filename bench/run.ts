/**
 * `npm run bench`: builds the production extension into .output-bench (its own folder, so it never
 * collides with the tests' build), runs every scenario of issue 6 in Debian's Chromium, prints a table
 * and writes bench/results.json. A benchmark, not a test: it exits 0 when a budget is missed, and says so.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { bundleFigures } from './bundleSizes';
import { calendarScenarios } from './calendarScenarios';
import { databaseScenarios } from './databaseScenarios';
import type { Figure } from './figures';
import { BENCH_OUT_DIR, chromiumVersion } from './launch';
import { currentLoad, machine, notes, table, writeResults } from './report';

const ROOT = resolve(import.meta.dirname, '..');
const startedAt = new Date();
const log = (line: string) =>
  console.log(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(3)} s] ${line}`);

function buildAndZip(): void {
  log(`building and zipping the production extension into ${BENCH_OUT_DIR}…`);
  // `wxt zip` runs the production build first; node + the CLI file works the same on every platform.
  const result = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'zip'], {
    cwd: ROOT,
    env: { ...process.env, FOURPS_OUT_DIR: BENCH_OUT_DIR },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`wxt zip failed (exit ${result.status}).`);
}

async function main(): Promise<void> {
  process.env.FOURPS_OUT_DIR = BENCH_OUT_DIR;
  const loadAtStart = currentLoad();
  buildAndZip();
  const figures: Figure[] = [...bundleFigures(resolve(ROOT, BENCH_OUT_DIR))];
  // `npm run bench -- calendar` (or `database`) runs one group only, for a quicker look while working.
  const only = process.argv[2];
  const groups = [
    ['calendar', calendarScenarios],
    ['database', databaseScenarios],
  ] as const;
  for (const [name, scenarios] of groups.filter(([group]) => only === undefined || group === only)) {
    try {
      figures.push(...(await scenarios(log)));
    } catch (error) {
      // A broken scenario is reported, not hidden, and the others still run.
      log(`${name} scenarios failed: ${String(error)}`);
      figures.push({
        scenario: `${name} scenarios`,
        measure: `did not complete: ${String(error).split('\n')[0]}`,
        value: Number.NaN,
        unit: 'ms',
        stat: 'error',
        pass: false,
      });
    }
  }

  const about = machine(await chromiumVersion(), loadAtStart);
  const durationS = (Date.now() - startedAt.getTime()) / 1000;
  // A partial run never overwrites the full results.
  const resultsPath = resolve(ROOT, only === undefined ? 'bench/results.json' : `bench/results.${only}.json`);
  writeResults(resultsPath, figures, about, startedAt, durationS);

  console.log(`\n${table(figures)}\n`);
  console.log(`Notes:\n${notes(figures)}\n`);
  console.log(
    `Machine: ${about.chromium}, ${about.cpuCount} × ${about.cpuModel}, ${about.memoryGb} GB, Node ${about.node}; ` +
      `${startedAt.toISOString()}, ${durationS.toFixed(0)} s. Written to ${resultsPath.slice(ROOT.length + 1)}.`,
  );
  const { start, end } = about.loadAverage;
  if (Math.max(start, end) > about.cpuCount) {
    console.log(
      `WARNING: the machine was busy with other work (load average ${start} at the start, ${end} at the end, ` +
        `${about.cpuCount} CPUs): timings are slower than on an idle machine; ratios measured in the same run hold better.`,
    );
  }
  const missed = figures.filter((figure) => figure.pass === false);
  console.log(
    missed.length === 0
      ? 'Every budget holds.'
      : `${missed.length} budget(s) MISSED:\n${missed.map((f) => `  - ${f.scenario}: ${f.measure}`).join('\n')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
