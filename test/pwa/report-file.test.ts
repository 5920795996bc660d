// What the worker makes of files that are not UTF-8 text: UTF-16 exports (Excel's "Unicode text") are read, and
// images, archives and PDFs dropped by mistake are named for what they are instead of "no id column".
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { type Engagement, parseEngagement } from '../../core/index.ts';
import type { ReportRequest } from '../../pwa/src/report/types.ts';
import { reportFromFile } from '../../pwa/src/worker/report.ts';

const read = (p: string) => readFileSync(fileURLToPath(import.meta.resolve(p)), 'utf8');
const CSV = read('../fixtures/tickets/zendesk-qbr-small.csv');
const NOW = Date.parse('2026-04-01T12:00:00Z');
const REQUEST: ReportRequest = { engagementId: 'acme-ost', format: 'zendesk', exportZone: 'America/New_York', dayFirst: false, now: NOW };

function load(): Engagement {
  const r = parseEngagement(read('../../examples/acme-ost.yaml'), { fileName: 'acme-ost.yaml', now: NOW });
  if (!r.ok) throw new Error('example does not parse');
  return r.engagement;
}

function utf16(text: string, order: 'le' | 'be'): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = order === 'le' ? c & 0xff : c >> 8;
    out[3 + i * 2] = order === 'le' ? c >> 8 : c & 0xff;
  }
  return out;
}

describe('the export file itself', () => {
  test.each(['le', 'be'] as const)('a UTF-16%s export with its byte order mark reads as its UTF-8 twin', async (order) => {
    const engagement = load();
    const plain = await reportFromFile(new Blob([CSV]), 'tickets.csv', REQUEST, engagement);
    const wide = await reportFromFile(new Blob([utf16(CSV, order)]), 'tickets.txt', REQUEST, engagement);
    expect(plain.ok).toBe(true);
    expect(wide.ok && plain.ok && wide.report.counts).toEqual(plain.ok && plain.report.counts);
  });

  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
  test.each([
    ['chart.png', new Uint8Array(PNG), 'a PNG image'],
    ['tickets.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), 'ZIP'],
    ['report.pdf', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n'), 'a PDF'],
    ['dump.bin', new Uint8Array([0x49, 0x64, 0x2c, 0x00, 0x01, 0x02, 0x41]), undefined],
  ])('%s is not a text export', async (name, bytes, what) => {
    const outcome = await reportFromFile(new Blob([bytes]), name, REQUEST, load());
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.message).toContain(`${name} is not a text (CSV or JSON) export`);
    if (what) expect(outcome.ok ? '' : outcome.message).toContain(what);
  });

  test('the location of a reading error is given once: in where, not again in the message', async () => {
    const outcome = await reportFromFile(new Blob(['Requester,Created at\nAnn,2026-03-02 09:00\n']), 'nokey.csv', REQUEST, load());
    expect(outcome).toMatchObject({ ok: false, where: { file: 'nokey.csv', row: 1 } });
    expect(outcome.ok ? '' : outcome.message).toMatch(/^no id column/);
  });

  test("a chosen mapping of another helpdesk than the export's format is refused, as the CLI refuses it", async () => {
    const outcome = await reportFromFile(new Blob([CSV]), 'issues.csv', { ...REQUEST, format: 'jira', helpdesk: 'acme-zendesk' }, load());
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.message).toContain("helpdesk 'acme-zendesk' is a zendesk mapping, and this export is read as jira");
  });
});
