/**
 * CPU time of Chromium's processes, read from Linux's /proc: what Performance.getMetrics cannot see,
 * the work the extension does outside the page (its service worker, and the browser process that
 * routes its messages and keeps its IndexedDB). On two cores that work runs beside the page.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** /proc reports CPU time in clock ticks of USER_HZ, which Linux fixes at 100 a second for user space. */
const MS_PER_TICK = 10;

export interface ChromiumCpu {
  /** The browser process (no --type): UI, message routing between processes, IndexedDB's backend. */
  browserMs: number;
  /** Renderers of the extension's own origin: its service worker. */
  extensionMs: number;
  /** Every other renderer: the web pages. */
  pagesMs: number;
}

/** CPU time so far of every running Chromium process, by role; undefined where /proc does not exist. */
export function chromiumCpu(): ChromiumCpu | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const cpu: ChromiumCpu = { browserMs: 0, extensionMs: 0, pagesMs: 0 };
  for (const pid of pids) {
    let commandLine: string;
    let stat: string;
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    if (!commandLine.includes('chromium')) continue;
    // Fields after the command name in parentheses (which may hold spaces): utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
    const type = /--type=([\w-]+)/.exec(commandLine)?.[1];
    if (type === undefined) cpu.browserMs += ms;
    else if (type === 'renderer' && commandLine.includes('--extension-process')) cpu.extensionMs += ms;
    else if (type === 'renderer') cpu.pagesMs += ms;
  }
  return cpu;
}

/**
 * What each role spent between two readings. The sums are over the processes running at each reading
 * (a process that ends in between drops out), and over every Chromium on the machine, so the bench's
 * browser must be the only one running.
 */
export function cpuBetween(before: ChromiumCpu, after: ChromiumCpu): ChromiumCpu {
  return {
    browserMs: after.browserMs - before.browserMs,
    extensionMs: after.extensionMs - before.extensionMs,
    pagesMs: after.pagesMs - before.pagesMs,
  };
}
