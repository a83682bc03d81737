// Loads a Calendar fixture page as a Document, the way a content script would see it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Vitest runs from the repository root (vitest.config.ts); happy-dom's URL cannot make file paths.
export const FIXTURE_DIR = join(process.cwd(), 'tests', 'fixtures', 'gcal');

export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURE_DIR, name), 'utf8');
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.html'));
}

/** A page made of `html`, for a test that needs only a few elements. */
export function htmlDocument(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function loadFixture(name: string): Document {
  return htmlDocument(fixtureHtml(name));
}

/** 2026-09-10 09:00 local: a few days before the fixtures' week, so the inferred year is 2026. */
export const NOW = new Date(2026, 8, 10, 9, 0);

/** Local epoch milliseconds for September 2026 (month 9). */
export function sept(day: number, hour = 0, minute = 0): number {
  return new Date(2026, 8, day, hour, minute).getTime();
}
