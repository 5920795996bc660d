import { describe, expect, it } from 'vitest';
import { parseEngagement, type Engagement } from '../../../core/engagement/index.ts';
import { NOW, read } from './helpers.ts';

const minimal = read('test/fixtures/engagements/minimal.yaml');

function ok(text: string, fileName = 'x.yaml'): Engagement {
  const result = parseEngagement(text, { fileName, now: NOW });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return result.engagement;
}

describe('parseEngagement', () => {
  it('expands the shorthands into the stored form', () => {
    const e = ok(minimal);
    expect(e.calendars.business!.hours).toEqual({
      mon: [['08:00', '18:00']], tue: [['08:00', '18:00']], wed: [['08:00', '18:00']], thu: [['08:00', '18:00']], fri: [['08:00', '18:00']],
    });
    expect(e.calendars.always).toEqual({ timeZone: 'America/New_York', hours: '24x7', holidays: [], overrides: {}, closures: {} });
    expect(e.sla.joint!.targets.P2!.metrics).toEqual({ first_response: { ms: 3_600_000 }, resolution: { businessDays: 1 } });
    expect(e.sla.joint!.warnAt).toEqual([50, 75]);
    expect(e.parties.ost!.hotline).toEqual({ e164: '+19735550100', display: '+1 973 555 0100' });
    expect(e.people.jdoe!.contact.map((c) => c.type)).toEqual(['phone', 'email', 'teams']);
    expect(e.oncall['ost-noc']!.timeZone).toBe('America/New_York');
    expect(e.oncall['ost-noc']!.layers[0]!.shift).toEqual({ days: 7 });
    expect(e.escalation.critical!.steps.map((s) => [s.afterMs, s.notify])).toEqual([
      [0, [{ kind: 'oncall', id: 'ost-noc' }]],
      [1_800_000, [{ kind: 'person', id: 'jdoe' }]],
      [7_200_000, [{ kind: 'party', id: 'acme-it' }]],
    ]);
    expect(e.helpdesks[0]!.origin).toBe('https://acme.zendesk.com');
    expect(e.helpdesks[0]!.match).toEqual([{ field: 'organization', op: 'eq', values: ['Acme Corp'] }]);
    expect(e.helpdesks[0]!.activities[0]).toEqual({ when: [{ field: 'category', op: 'glob', values: ['Password*'] }], activity: 'helpdesk-t1' });
    expect(e.priorities.P2!.rank).toBe(1);
  });

  it('returns plain JSON that survives storage', () => {
    const e = ok(minimal);
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  it('owner means Responsible and Accountable', () => {
    const text = minimal.replace('raci: { ost: R, acme-it: A } }', 'owner: ost, raci: { acme-it: I } }');
    expect(ok(text).activities['helpdesk-t1']!.raci).toEqual({ ost: ['R', 'A'], 'acme-it': ['I'] });
  });

  it('reads the same engagement from JSON, with positions in the JSON text', () => {
    const fromYaml = ok(minimal);
    const json = JSON.stringify({ ...fromYaml, tandem: 1 }, null, 2);
    expect(parseEngagement(json, { now: NOW }).ok).toBe(false); // the stored form is not the written form
    const written = JSON.stringify({ tandem: 1, engagement: { id: 'a', title: 'A', timeZone: 'Europe/Paris' }, parties: {}, calendars: {}, priorities: {}, activities: { x: { name: 'X', raci: { ghost: 'RA' } } } }, null, 2);
    const result = parseEngagement(written, { fileName: 'a.json', now: NOW });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = written.split('\n').findIndex((l) => l.includes('"ghost"')) + 1;
    expect(result.problems).toEqual([
      { severity: 'error', code: 'ref-unknown', message: "no party or person 'ghost'", path: ['activities', 'x', 'raci', 'ghost'], line, column: 9, file: 'a.json' },
    ]);
  });

  it('collects every problem, not just the first', () => {
    const text = minimal
      .replace('coverage: business }', 'coverage: buisness }')
      .replace('kind: SLA', 'kind: SLAA')
      .replace('activity: helpdesk-t1 }', 'activity: helpdesk-t2 }');
    const result = parseEngagement(text, { now: NOW });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['ref-unknown', 'shape', 'ref-unknown']);
  });

  it('refuses a file from a newer Tandem and upgrades an older one in place', () => {
    const newer = parseEngagement(minimal.replace('tandem: 1', 'tandem: 7'), { now: NOW });
    expect(newer.ok ? '' : newer.problems[0]!.message).toMatch(/made for a newer Tandem \(format 7\)/);
    const v0 = parseEngagement(read('test/fixtures/engagements/v0.yaml'), { now: NOW });
    expect(v0.ok && v0.upgradedFrom).toBe(0);
    expect(v0.ok && v0.engagement).toEqual(ok(minimal));
  });

  it('points problems in a migrated file at the lines the person wrote', () => {
    const text = read('test/fixtures/engagements/v0.yaml').replace('pause_when: [pending_customer', 'pause_when: [pending_custmer');
    const result = parseEngagement(text, { now: NOW });
    const line = text.split('\n').findIndex((l) => l.includes('pending_custmer')) + 1;
    expect(result.ok ? null : result.problems.map((p) => [p.line, p.path.join('.'), p.message])).toEqual([
      [line, 'sla.joint.pauseWhen.0', "'pending_custmer' is not allowed here: did you mean 'pending_customer'?"],
    ]);
  });

  it('warns, without failing, about holidays that run out within a year', () => {
    const result = parseEngagement(minimal.replace(', 2027-12-24]', ']'), { now: NOW });
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['holidays-ending']);
  });
});
