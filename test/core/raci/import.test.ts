import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseEngagement } from '../../../core/engagement/index.ts';
import { columnLetter, importRaci } from '../../../core/raci/index.ts';
import { NOW, read } from '../engagement/helpers.ts';

describe('importRaci', () => {
  it('reads a matrix into the activities block, one RACI row per line', () => {
    const r = importRaci(read('test/fixtures/raci/matrix.csv'));
    expect(r.problems).toEqual([]);
    expect(r.yaml).toBe(`activities:
  tier-1-intake-and-password-resets:
    name: Tier 1 intake and password resets
    area: service-desk
    raci: { ost: R, acme-it: A }
  firewall-rule-change:
    name: Firewall rule change
    area: network
    raci: { ost: R, acme-it: A, metro: C }
  isp-liaison:
    name: ISP liaison
    area: network
    raci: { ost: R, acme-it: A, metro: C }
  security-incident-response-containment-24x7:
    name: Security incident response (containment, 24x7)
    area: security
    raci: { ost: R, acme-it: A, soc: R }
  backup-monitoring:
    name: Backup monitoring
    area: backup-dr
    raci: { ost: RA, acme-it: I }
`);
  });

  it('prints YAML the engagement parser reads back', () => {
    const r = importRaci(read('test/fixtures/raci/semicolons.csv'));
    expect(r.problems).toEqual([]);
    expect(parse(r.yaml)).toEqual({
      activities: {
        'helpdesk-t1': { name: 'Tier 1 intake', raci: { ost: 'R', 'acme-it': 'A' } },
        'dr-plan': { name: 'Disaster recovery: plan and test', raci: { ost: 'RS', 'acme-it': 'A', 'acme-exec': 'I' } },
      },
    });
    const file = read('test/fixtures/engagements/minimal.yaml')
      .replace(/^activities:\n(?:  .*\n)+/m, r.yaml)
      .replace('runbooks:\n  isp-down: { title: Internet circuit down at HQ, activities: [firewall-change], body: "1. Check the Metro Fiber status page" }', '')
      .replace('parties:\n', 'parties:\n  acme-exec: { kind: leadership, name: Acme leadership }\n');
    const parsed = parseEngagement(file, { now: NOW });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.message)).toEqual([]);
  });

  it('reports bad cells and rows with the row and column the spreadsheet shows', () => {
    const r = importRaci(read('test/fixtures/raci/bad-cells.csv'));
    expect(r.yaml).toBe('');
    expect(r.problems).toEqual([
      { row: 1, column: 'D', message: "'Metro Fiber' is not a party id: write the id the engagement file uses, e.g. 'metro-fiber'" },
      { row: 3, column: 'C', message: "'AX' (acme-it, Firewall rule change) is not a RACI cell: use R, A, C, I or S, or two letters such as RA" },
      { row: 4, message: "'Patching' has no A: exactly one party is Accountable" },
      { row: 5, column: 'B', message: "'X' (ost, Onboarding) is not a RACI cell: use R, A, C, I or S, or two letters such as RA" },
    ]);
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('an empty file says what the first row must hold', () => {
    expect(importRaci('').problems).toEqual([{ row: 1, message: 'the first row must name the columns: the activity, then one column per party' }]);
  });
});
