import { describe, expect, it } from 'vitest';
import { ownerLine, ownership } from '../../../core/raci/index.ts';
import { read } from '../engagement/helpers.ts';
import { at, engagement } from '../escalation/helpers.ts';

const acme = engagement(read('examples/acme-ost.yaml'));
const names = (holders: Array<{ id: string }>) => holders.map((h) => h.id);

describe('ownership', () => {
  it('gives each role its parties and their people', () => {
    const o = ownership(acme, 'firewall-change')!;
    expect(o).toMatchObject({ activity: 'firewall-change', name: 'Firewall rule change', area: 'network', variant: 'standard' });
    expect(o.calendar).toBeUndefined();
    expect(o.other).toBeUndefined();
    expect(names(o.roles.R)).toEqual(['ost']);
    expect(names(o.roles.A)).toEqual(['acme-it']);
    expect(names(o.roles.C)).toEqual(['metro']);
    expect(o.roles.A[0]).toMatchObject({ kind: 'party', name: 'Acme Internal IT', roles: ['A'] });
    expect(o.roles.A[0]!.people.map((p) => p.id)).toEqual(['jdoe', 'mreyes', 'tnguyen']);
    expect(o.roles.C[0]!.people).toEqual([{ id: 'twalsh', name: 'Tom Walsh', title: 'Enterprise Account Manager' }]);
    expect(ownerLine(o.roles)).toBe('On-Site Technology (R) · Acme Internal IT (A)');
  });

  it('names people where the matrix names people, with their party', () => {
    const o = ownership(acme, 'breach-notification')!;
    expect(o.roles.R[0]).toMatchObject({ kind: 'person', id: 'lchen', name: 'Laura Chen', party: { id: 'acme-exec', name: 'Acme Corp leadership' } });
    expect(o.roles.A[0]!.people).toEqual([{ id: 'rpatel', name: 'Raj Patel', title: 'Chief Financial Officer (executive sponsor)' }]);
  });

  it('RA, S and the owner shorthand', () => {
    const lob = ownership(acme, 'lob-support')!;
    expect(lob.roles.R[0]).toBe(lob.roles.A[0]);
    expect(lob.roles.R[0]!.roles).toEqual(['R', 'A']);
    expect(names(lob.roles.S)).toEqual(['ledger']);
    expect(ownerLine(lob.roles)).toBe('Acme Internal IT (RA)');
    expect(ownerLine(ownership(acme, 'wifi-switching')!.roles)).toBe('On-Site Technology (RA)');
  });

  it('chooses the after-hours variant when its calendar is closed at the instant', () => {
    const night = ownership(acme, 'incident-containment', at('2026-11-28T02:00'))!;
    expect(night).toMatchObject({ variant: 'after-hours', calendar: 'business' });
    expect(ownerLine(night.roles)).toBe('On-Site Technology (RA) · Sentry Harbor SOC (R)');
    expect(night.other!.variant).toBe('standard');
    expect(names(night.other!.roles.A)).toEqual(['acme-it']);

    const day = ownership(acme, 'incident-containment', at('2026-11-30T10:00'))!;
    expect(day.variant).toBe('standard');
    expect(ownerLine(day.roles)).toBe('On-Site Technology (R) · Sentry Harbor SOC (R) · Acme Internal IT (A)');
    expect(day.other!.variant).toBe('after-hours');
    // A holiday is after hours all day.
    expect(ownership(acme, 'incident-containment', at('2026-12-25T10:00'))!.variant).toBe('after-hours');
    // Without an instant, the standard variant.
    expect(ownership(acme, 'incident-containment')!.variant).toBe('standard');
  });

  it('null for an unknown activity', () => {
    expect(ownership(acme, 'nope')).toBeNull();
  });
});
