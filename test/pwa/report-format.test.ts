// Format detection on real headers: each helpdesk's own fixture, Tandem's canonical columns, and headers that share
// only ordinary words with one helpdesk (which must not decide).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { detectFormat } from '../../pwa/src/report/format.ts';

const head = (p: string) => readFileSync(fileURLToPath(import.meta.resolve(`../fixtures/exports/${p}`)), 'utf8').slice(0, 4096);

describe('format detection', () => {
  test.each([
    ['zendesk/tickets.csv', 'zendesk'],
    ['zendesk/tickets.ndjson', 'zendesk'],
    ['jira/issues.csv', 'jira'],
    ['servicenow/incidents.csv', 'servicenow'],
    ['freshservice/tickets.csv', 'freshservice'],
    ['halopsa/tickets.csv', 'halopsa'],
    ['connectwise/tickets.csv', 'connectwise'],
    ['generic/tickets.csv', 'generic'],
  ])('%s is read as %s', (file, format) => {
    expect(detectFormat('export.csv', head(file)).format).toBe(format);
  });

  test("Tandem's canonical names are generic, though Zendesk also has a Reopens column", () => {
    const d = detectFormat('export.csv', 'id,created,priority,status,organization,category,assignee,firstResponse,resolved,reopens\n1,2026-01-01T00:00Z,1,open,A,B,C,,,0\n');
    expect(d.format).toBe('generic');
    expect(d.reason).toMatch(/Tandem/);
    // Lower-cased canonical names, without any generic-only column, still are.
    expect(detectFormat('export.csv', 'id,created,priority,status,reopens\n').format).toBe('generic');
  });

  test('one shared word does not make a helpdesk: the portal export is not ServiceNow', () => {
    const d = detectFormat('portal.csv', head('cli/portal.csv'));
    expect(d.format).toBeNull();
    expect(d.reason).toMatch(/not recognized/i);
    expect(detectFormat('x.csv', 'Ticket,Number,Reopens,Summary,Board,Labels\n').format).toBeNull();
  });

  test('a tie between two helpdesks is no detection, and the file name may still decide', () => {
    const tie = 'Created at,Opened_at\n';
    expect(detectFormat('export.csv', tie).format).toBeNull();
    expect(detectFormat('servicenow-incidents.csv', tie)).toMatchObject({ format: 'servicenow', reason: 'file name' });
  });
});
