// axe-core in the real browser. The context must be launched with bypassCSP: true: axe is injected as an inline
// <script>, which the app's Content-Security-Policy (script-src 'self') would otherwise block.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './build.ts';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** One CSS selector path per offending node (an array when it crosses iframes or shadow roots). */
  targets: unknown[];
}

let source: string | undefined;

export async function runAxe(page: Page): Promise<AxeViolation[]> {
  source ??= readFileSync(resolve(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const present = await page.evaluate(() => 'axe' in globalThis);
  if (!present) {
    await page.addScriptTag({ content: source }).catch((err: Error) => {
      throw new Error(`runAxe: could not inject axe-core; launch the context with bypassCSP: true (${err.message.split('\n')[0]})`);
    });
  }
  return page.evaluate(async (tags) => {
    interface Result {
      violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown }> }>;
    }
    const g = globalThis as unknown as {
      axe?: { run(ctx: unknown, opts: unknown): Promise<Result> };
      document: unknown;
    };
    if (!g.axe) throw new Error('axe-core did not load: was the context launched with bypassCSP: true?');
    const result = await g.axe.run(g.document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target),
    }));
  }, AXE_TAGS);
}

/** One line per violation, for assertion messages. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} -> ${JSON.stringify(v.targets)}`).join('\n');
}
