import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { type Figure, formatValue } from './figures';

export interface Machine {
  chromium: string;
  cpuCount: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started and when it ended: other work on the machine skews timings. */
  loadAverage: { start: number; end: number };
}

export function machine(chromium: string, loadAtStart: number): Machine {
  const cores = cpus();
  return {
    chromium,
    cpuCount: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: { start: loadAtStart, end: Math.round((loadavg()[0] ?? 0) * 10) / 10 },
  };
}

function verdict(figure: Figure): string {
  if (figure.pass === undefined) return '—';
  return figure.pass ? 'pass' : 'MISS';
}

/** The table as Markdown, so it reads in a terminal and pastes into the README unchanged. */
export const currentLoad = () => Math.round((loadavg()[0] ?? 0) * 10) / 10;

export function table(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.scenario,
    f.measure,
    formatValue(f.value, f.unit),
    f.stat,
    f.budget?.text ?? 'report',
    verdict(f),
  ]);
  const header = ['scenario', 'measure', 'figure', 'over', 'budget', 'result'];
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

export function notes(figures: Figure[]): string {
  return figures
    .filter((f) => f.note)
    .map((f) => `- ${f.scenario} / ${f.measure}: ${f.note}`)
    .join('\n');
}

export function writeResults(
  path: string,
  figures: Figure[],
  about: Machine,
  startedAt: Date,
  durationS: number,
): void {
  const missed = figures.filter((f) => f.pass === false).map((f) => `${f.scenario}: ${f.measure}`);
  const results = {
    date: startedAt.toISOString(),
    durationS: Math.round(durationS),
    machine: about,
    missedBudgets: missed,
    figures: figures.map((f) => ({ ...f, display: formatValue(f.value, f.unit) })),
  };
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
