// Fixture helpdesks described by data (test/fixtures/helpdesks/<type>/e2e.json): the mapping the e2e engagement
// gives them, the facts each recorded ticket carries (written by hand from the recording, not by running the
// adapter), and how the helpdesk moves from the first ticket to the second.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { TicketFacts } from '../../../core/index.ts';
import { FIXTURES } from './helpdesk-server.ts';

export interface FixtureSpec {
  type: string;
  /** The helpdesk's name as the panel says it ("Zammad says"). */
  name: string;
  mapping: { priorities: Record<string, string>; statuses?: Record<string, string>; activities: unknown[]; fields?: unknown };
  tickets: Array<{ page: string; shownId: string; facts: Omit<TicketFacts, 'origin' | 'created'> & { created?: string } }>;
  navigate: { click: string; frame?: string } | { hash: string } | { goto: string };
  /** Whether the helpdesk's own due times must show. */
  native: boolean;
}

/** Every fixture folder with an e2e.json, by type. */
export function fixtureSpecs(): FixtureSpec[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'e2e.json')))
    .map((d) => ({ type: d.name, ...(JSON.parse(readFileSync(join(FIXTURES, d.name, 'e2e.json'), 'utf8')) as Omit<FixtureSpec, 'type'>) }))
    .sort((a, b) => a.type.localeCompare(b.type));
}

/** Moves the page from the first ticket to the second the way the spec says the helpdesk does it. */
export async function navigateBySpec(page: Page, how: FixtureSpec['navigate']): Promise<void> {
  if ('hash' in how) {
    await page.evaluate((hash) => (location.hash = hash), how.hash);
  } else if ('goto' in how) {
    await page.goto(new URL(how.goto, page.url()).href);
  } else if (how.frame) {
    await page.frameLocator(how.frame).locator(how.click).click();
  } else {
    await page.locator(how.click).click();
  }
}
