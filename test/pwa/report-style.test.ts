// The shared stylesheet where it really applies, in headless Chromium: the Report view's disabled "Build the
// report" button must look disabled in both colour schemes (happy-dom computes no cascade).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Launched, launch } from '../e2e/support/chromium.ts';

const css = readFileSync(fileURLToPath(new URL('../../pwa/src/app/base.css', import.meta.url)), 'utf8');
let browser: Launched;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a disabled primary button', () => {
  test.each(['light', 'dark'] as const)('has no accent fill and a not-allowed cursor (%s)', async (scheme) => {
    const page = await browser.page();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setContent('<!doctype html><html lang="en"><head><title>t</title></head><body><button class="primary" id="on">Build</button><button class="primary" id="off" disabled>Build</button></body></html>');
    await page.addStyleTag({ content: css });
    const look = (id: string) =>
      page.$eval(`#${id}`, (b) => {
        const s = getComputedStyle(b);
        return { background: s.backgroundColor, color: s.color, cursor: s.cursor, border: s.borderStyle };
      });
    const on = await look('on');
    const off = await look('off');
    expect(off.background).not.toBe(on.background);
    expect(off.color).not.toBe(on.color);
    expect(off.cursor).toBe('not-allowed');
    expect(on.cursor).toBe('pointer');
  });
});
