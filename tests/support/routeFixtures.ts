import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures');

export function readFixture(site: 'gcal' | 'meet', name: string): string {
  return readFileSync(resolve(FIXTURES_DIR, site, name), 'utf8');
}

/**
 * Serves fixture pages on Google's real URLs, so the extension's content scripts match exactly as they
 * would on the live sites. `pages` maps a URL path (or '*' for any other path) to a fixture file, or
 * to a function returning the HTML to serve now (for pages that change between visits).
 * Every other request to the outside world is refused: the machine is offline and tests stay hermetic.
 */
export async function serveGoogleFixtures(
  context: BrowserContext,
  site: 'gcal' | 'meet',
  pages: Record<string, string | (() => string)>,
): Promise<void> {
  const host = site === 'gcal' ? 'https://calendar.google.com' : 'https://meet.google.com';
  await context.route(`${host}/**`, (route: Route) => {
    const url = new URL(route.request().url());
    const page = pages[url.pathname] ?? pages['*'];
    if (page === undefined) return route.fulfill({ status: 404, body: 'not in the fixtures' });
    const body = typeof page === 'function' ? page() : readFixture(site, page);
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
}

/** Refuses every request that is not to a fixture host, so nothing reaches the network. */
export async function refuseOtherHosts(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\/(?!calendar\.google\.com|meet\.google\.com)/, (route) => route.abort());
}
