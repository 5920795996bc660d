// Driving the built handbook like a technician does: import by picker or by dropping files, and reading what
// IndexedDB holds afterwards.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { repoRoot } from './build.ts';

export const exampleText = readFileSync(`${repoRoot}examples/acme-ost.yaml`, 'utf8');

/** The example under another id and title: a second client of the same MSP. */
export function secondEngagement(): string {
  return exampleText.replace(/^  id: acme-ost$/m, '  id: globex-ost').replace(/^  title: .*$/m, '  title: Globex Inc × On-Site Technology');
}

export async function pickFiles(page: Page, files: Array<{ name: string; text: string }>): Promise<void> {
  await page.locator('[data-testid="import-picker"]').first().setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: f.name.endsWith('.json') ? 'application/json' : 'application/x-yaml', buffer: Buffer.from(f.text) })),
  );
}

/** Dispatches the drag events a real drop of these files produces, on the page body. */
export async function dropFiles(page: Page, files: Array<{ name: string; text: string }>): Promise<void> {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: '' }));
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, files);
}

export interface StoredRow {
  id: string;
  version: number;
  hash: string;
  title: string;
}

/** The engagements store as the page sees it (read with the raw API, not the app's code). */
export function storedEngagements(page: Page): Promise<StoredRow[]> {
  return page.evaluate(
    () =>
      new Promise<StoredRow[]>((resolve, reject) => {
        const req = indexedDB.open('tandem-handbook');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const all = db.transaction('engagements').objectStore('engagements').getAll();
          all.onsuccess = () => {
            db.close();
            resolve((all.result as StoredRow[]).map(({ id, version, hash, title }) => ({ id, version, hash, title })).sort((a, b) => a.id.localeCompare(b.id)));
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

export async function waitForController(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
  });
}

/** The example plus generated runbooks until the file has about `bytes` characters: an MSP's big handbook. */
export function largeEngagement(bytes: number, id = 'bigcorp', title = 'Bigcorp × On-Site Technology'): string {
  const head = exampleText.replace(/^  id: acme-ost$/m, `  id: ${id}`).replace(/^  title: .*$/m, `  title: ${title}`);
  const parts = [head.trimEnd(), ''];
  let size = head.length;
  for (let n = 1; size < bytes; n++) {
    const steps = Array.from(
      { length: 12 },
      (_, i) =>
        `      ${i + 1}. Step ${i + 1} of procedure ${n}: check switch sw-${n}-${i} in rack R${n % 40}, confirm VLAN ${100 + i} is tagged,\n` +
        `         and record the result in ticket notes. Escalate to the NOC if error E${1000 + ((n * 7 + i) % 9000)} persists.`,
    );
    const runbook = [
      `  generated-${n}:`,
      `    title: "Procedure ${n}: site ${n % 97} network recovery"`,
      `    owner: ost`,
      `    activities: [isp-liaison]`,
      `    body: |`,
      `      ## Scope`,
      `      Site ${n % 97}, building ${n % 13}; applies when monitoring reports loss of uplink ${n}.`,
      `      ## Steps`,
      ...steps,
      '',
    ].join('\n');
    parts.push(runbook);
    size += runbook.length + 1;
  }
  return `${parts.join('\n')}\n`;
}
