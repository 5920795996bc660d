import { render } from '@testing-library/preact';
import axe from 'axe-core';
import type { VNode } from 'preact';

/** axe-core over the view inside a page-like document; colour contrast needs layout, so the e2e run checks it. */
export async function axeViolations(view: VNode): Promise<string[]> {
  document.documentElement.lang = 'en';
  document.title = 'Tandem';
  const main = document.createElement('main');
  document.body.replaceChildren(main);
  render(view, { container: main });
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
