import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/**
 * What the built extension asks for and ships, read from the production builds (`npm test` builds
 * Chrome and Firefox before the end-to-end tests): only the permissions it uses, only the two Google
 * hosts, no code from elsewhere, the default CSP, and only the prep page exposed, to Calendar only.
 */
const OUT_DIR = resolve(import.meta.dirname, '../..', process.env.FOURPS_OUT_DIR ?? '.output');
const CHROME = join(OUT_DIR, 'chrome-mv3');
const FIREFOX = join(OUT_DIR, 'firefox-mv2');

/** Each permission with the reason it is needed (the same reasons as the comment in wxt.config.ts). */
const PERMISSION_REASONS: Record<string, string> = {
  storage: 'IndexedDB quota for notes, and storage.session for the stateless service worker',
  sidePanel: 'prep and notes beside the Meet call',
  alarms: 'meeting-end and reminder signals that survive a stopped service worker',
  notifications: 'the prep reminder and the "meeting ended: plan" prompt',
};
const HOSTS = ['https://calendar.google.com/*', 'https://meet.google.com/*'];
/** Host permissions (each also a content-script match, so no new install warning) and why. */
const HOST_PERMISSION_REASONS: Record<string, string> = {
  'https://meet.google.com/*': 'the background sees a Meet tab navigate away from the call, so the call ends',
};

/** ARCHITECTURE rule 2 and issue 6: each content script's gzipped size (KiB, level 9) at most. */
const CONTENT_SCRIPT_BUDGETS_KB: Record<string, number> = { 'calendar.js': 15, 'meet.js': 8 };
/** A string only webextension-polyfill's code holds: content scripts use the browser's own promises. */
const POLYFILL_MARKER = '__mozWebExtensionPolyfillReject__';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: unknown[];
};

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

function builtFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtFiles(path) : [path];
  });
}

/** Every place in the built code that could load or run code that is not in the package. */
function remoteCodeFindings(dir: string): string[] {
  const findings: string[] = [];
  const report = (file: string, what: string, index: number, text: string) =>
    findings.push(`${relative(dir, file)}: ${what}: …${text.slice(Math.max(0, index - 40), index + 60)}…`);
  for (const file of builtFiles(dir).filter((f) => /\.(js|mjs|html|css)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    const patterns: [string, RegExp][] = [
      ['remote script', /<script[^>]+src\s*=\s*["']?(https?:)?\/\//gi],
      ['remote stylesheet', /<link[^>]+href\s*=\s*["']?(https?:)?\/\//gi],
      ['remote import', /\b(import|from)\s*\(?\s*["'`](https?:)?\/\//g],
      ['importScripts', /\bimportScripts\s*\(/g],
      ['remote CSS', /(@import|url\()\s*["']?https?:/gi],
      ['eval', /(^|[^.\w$])eval\s*\(/g],
      ['Function constructor', /(^|[^.\w$])(new\s+)?Function\s*\(/g],
      ['setTimeout with a string', /\bset(Timeout|Interval)\s*\(\s*["'`]/g],
      ['network API', /\b(XMLHttpRequest|WebSocket|EventSource|sendBeacon)\b/g],
      ['fetch', /\bfetch\s*\(/g],
    ];
    for (const [what, pattern] of patterns) {
      for (const match of text.matchAll(pattern)) {
        const index = match.index ?? 0;
        const around = text.slice(Math.max(0, index - 40), index + 60);
        // zod 4 probes whether the CSP allows eval with an empty body, inside try/catch; under the
        // default MV3 CSP the probe fails and zod stays on its interpreter. No code is ever compiled.
        if (
          what === 'Function constructor' &&
          /try\s*\{\s*return\s*Function\(\s*(``|""|'')\s*\)/.test(around)
        )
          continue;
        // Vite's modulepreload polyfill: fetches the extension's own <link rel=modulepreload> chunks.
        if (what === 'fetch' && /fetch\(\w+\.href,\s*\w+\)/.test(around)) continue;
        report(file, what, index, text);
      }
    }
  }
  return findings;
}

test.describe('Chrome build (MV3)', () => {
  test('asks for exactly the permissions it uses, each with a reason', () => {
    const manifest = readManifest(CHROME);
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(Object.keys(PERMISSION_REASONS).sort());
    for (const key of ['optional_permissions', 'optional_host_permissions']) {
      expect(manifest[key], key).toBeUndefined();
    }
    // Host access beyond the content scripts' own matches is allowed only for a host they already read.
    const hostPermissions = (manifest.host_permissions as string[] | undefined) ?? [];
    expect(hostPermissions.filter((host) => !(host in HOST_PERMISSION_REASONS))).toEqual([]);
  });

  test('reads only calendar.google.com and meet.google.com', () => {
    const manifest = readManifest(CHROME);
    const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches);
    expect([...new Set(matches)].sort()).toEqual(HOSTS);
    expect(manifest.externally_connectable).toBeUndefined();
  });

  test('keeps the default CSP and exposes only the prep page, to Calendar only', () => {
    const manifest = readManifest(CHROME);
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['prep.html'], matches: ['https://calendar.google.com/*'] },
    ]);
  });

  test('ships no remote code, no eval and no network calls', () => {
    expect(existsSync(join(CHROME, 'background.js'))).toBe(true);
    expect(remoteCodeFindings(CHROME)).toEqual([]);
  });

  test('keeps each content script small and without the polyfill', () => {
    for (const [file, budgetKb] of Object.entries(CONTENT_SCRIPT_BUDGETS_KB)) {
      const code = readFileSync(join(CHROME, 'content-scripts', file));
      expect(gzipSync(code, { level: 9 }).length / 1024, file).toBeLessThanOrEqual(budgetKb);
      expect(code.includes(POLYFILL_MARKER), file).toBe(false);
    }
    // The polyfill is still what the background and the extension pages are built with.
    expect(readFileSync(join(CHROME, 'background.js')).includes(POLYFILL_MARKER)).toBe(true);
  });
});

test.describe('Firefox build (MV2)', () => {
  test('turns the side panel into a sidebar and asks for no Chrome-only permission', () => {
    const manifest = readManifest(FIREFOX);
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    expect(manifest.side_panel).toBeUndefined();
    // MV2 lists host permissions among the permissions.
    const permissions = manifest.permissions ?? [];
    const api = permissions.filter((permission) => !permission.includes('://'));
    expect(api.sort()).toEqual(['alarms', 'notifications', 'storage']);
    const hosts = permissions.filter((permission) => permission.includes('://'));
    expect(hosts.filter((host) => !(host in HOST_PERMISSION_REASONS))).toEqual([]);
    const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches);
    expect([...new Set(matches)].sort()).toEqual(HOSTS);
    expect(manifest.content_security_policy).toBeUndefined();
    // MV2 cannot limit web-accessible pages to a host; the prep page is still the only one.
    expect(manifest.web_accessible_resources).toEqual(['prep.html']);
    expect(manifest.browser_specific_settings).toMatchObject({
      gecko: { id: expect.any(String), data_collection_permissions: { required: ['none'] } },
    });
    expect(remoteCodeFindings(FIREFOX)).toEqual([]);
  });
});
