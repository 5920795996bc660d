// @vitest-environment happy-dom
// npm start's demo helpdesk must be a page the example engagement's generic recipe reads: the demo engagement
// validates, routes the demo tickets to it, and the opening time on the page is the one the server meant.
import { get } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseEngagement, route, type Engagement } from '../../core/index.ts';
import { generic } from '../../extension/adapters/generic.ts';
import { ticketFacts } from '../../extension/background/facts.ts';
import type { RecipeForPage } from '../../extension/shared/ticket.ts';
import { startDemoHelpdesk } from '../../scripts/demo-helpdesk/server.ts';
import { DEMO_TICKETS } from '../../scripts/demo-helpdesk/page.ts';

/** node:http, not fetch: happy-dom's fetch applies CORS to a page of another origin. */
function text(url: string): Promise<string> {
  return new Promise((ok, ko) => {
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => ok(body));
    }).on('error', ko);
  });
}

let demo: Awaited<ReturnType<typeof startDemoHelpdesk>>;
let engagement: Engagement;
let startedAt: number;

beforeAll(async () => {
  startedAt = Date.now();
  demo = await startDemoHelpdesk(0);
  const parsed = parseEngagement(await text(`${demo.url}/acme-ost.demo.yaml`), { fileName: 'acme-ost.demo.yaml' });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  engagement = parsed.engagement;
});
afterAll(() => demo?.close());

test.each(DEMO_TICKETS.map((t) => [t.id, t] as const))('ticket %s routes to the example with its opening time', async (_id, t) => {
  const mapping = engagement.helpdesks.find((m) => m.type === 'generic')!;
  expect(mapping.origin).toBe(demo.url);
  const recipe: RecipeForPage = { ticketUrl: mapping.ticketUrl, fields: mapping.fields };
  const url = new URL(`${demo.url}/ticket/${t.id}`);
  document.documentElement.innerHTML = new DOMParser().parseFromString(await text(url.href), 'text/html').documentElement.innerHTML;
  const ref = generic.ticketRef(url, document, recipe);
  expect(ref).toBe(t.id);
  const raw = await generic.read(ref!, { url, document, signal: new AbortController().signal, recipe, fetchJson: () => Promise.reject(new Error('no API')) });
  const { facts, notes } = ticketFacts(raw, demo.url, [engagement]);
  expect(notes).toEqual([]);
  // The page shows whole seconds in New York time.
  expect(Math.abs(facts.created! - (startedAt - t.openedMinutesAgo * 60_000))).toBeLessThan(5_000);
  const routed = route([engagement], facts);
  expect(routed.ok && routed.engagement.engagement.id).toBe('acme-ost');
  expect(routed.ok && routed.priority).toBe(`P${t.priority[0]}`);
});
