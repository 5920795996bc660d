import { describe, expect, it } from 'vitest';
import { onCallAt, shifts } from '../../../core/escalation/index.ts';
import { DAY, HOUR, MIN, NY, at, schedule } from './helpers.ts';

const who = (s: ReturnType<typeof schedule>, text: string, zone = NY) => {
  const r = onCallAt(s, at(text, zone));
  return r.source === 'fallback' ? `fallback:${r.fallback}` : r.source === 'nobody' ? 'nobody' : r.people.join(',');
};

describe('weekly rotation with a Monday 09:00 handoff', () => {
  const s = schedule({ layers: [{ members: ['ana', 'bo', 'cy'], shift: { days: 7 }, handoff: '2026-01-05T09:00' }] });

  it('hands off at 09:00 local on both sides of the spring DST change (a 167 h week)', () => {
    // US DST starts Sun 2026-03-08. Week 9 (from Mon 2026-03-09) is ana's: 9 weeks after the anchor, 9 % 3 = 0.
    expect(who(s, '2026-03-09T08:59')).toBe('cy');
    expect(who(s, '2026-03-09T09:00')).toBe('ana');
    const [before, after] = shifts(s, at('2026-03-06T12:00'), at('2026-03-12T12:00'));
    expect(after!.from).toBe(at('2026-03-09T09:00'));
    expect(after!.from - before!.from).toBeLessThan(7 * DAY);
    const week = shifts(s, at('2026-03-02T09:00'), at('2026-03-09T09:00'));
    expect(week).toHaveLength(1);
    expect(week[0]!.to - week[0]!.from).toBe(167 * HOUR);
  });

  it('hands off at 09:00 local across the autumn change (a 169 h week)', () => {
    // DST ends Sun 2026-11-01; the week from Mon 2026-10-26 runs to Mon 2026-11-02 09:00 EST.
    const [w] = shifts(s, at('2026-10-26T09:00'), at('2026-11-02T09:00'));
    expect(w!.to - w!.from).toBe(169 * HOUR);
    expect(new Date(at('2026-11-02T09:00')).toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(new Date(at('2026-10-26T09:00')).toISOString()).toBe('2026-10-26T13:00:00.000Z');
    expect(who(s, '2026-11-02T08:59')).not.toBe(who(s, '2026-11-02T09:00'));
  });

  it('keeps turning across the year boundary and before the anchor', () => {
    // Mon 2026-12-28 is 51 weeks after the anchor (51 % 3 = 0); Mon 2027-01-04 is 52 (bo).
    expect(who(s, '2026-12-31T23:59')).toBe('ana');
    expect(who(s, '2027-01-01T00:00')).toBe('ana');
    expect(who(s, '2027-01-04T09:00')).toBe('bo');
    // One week before the anchor is week -1: the last member.
    expect(who(s, '2025-12-29T09:00')).toBe('cy');
    expect(who(s, '2026-01-05T08:59')).toBe('cy');
  });
});

describe('other shift lengths', () => {
  it('hour shifts advance by elapsed time, so the wall-clock handoff moves with DST', () => {
    const s = schedule({ layers: [{ members: ['ana', 'bo'], shift: { hours: 12 }, handoff: '2026-03-01T09:00' }] });
    const list = shifts(s, at('2026-03-07T09:00'), at('2026-03-09T12:00'));
    expect(list.map((x) => (x.to - x.from) / HOUR).slice(0, 3)).toEqual([12, 12, 12]);
    // Sat 21:00 EST + 12 real hours = Sun 10:00 EDT (the clocks sprang forward at 02:00).
    expect(list[2]!.from).toBe(at('2026-03-08T10:00'));
    expect(list[3]!.from).toBe(at('2026-03-08T22:00'));
  });

  it('day shifts rotate at midnight-free local times across the year boundary', () => {
    const s = schedule({ layers: [{ members: ['ana', 'bo', 'cy'], shift: { days: 1 }, handoff: '2026-12-30T07:30' }] });
    expect(who(s, '2026-12-30T07:30')).toBe('ana');
    expect(who(s, '2026-12-31T07:29')).toBe('ana');
    expect(who(s, '2026-12-31T07:30')).toBe('bo');
    expect(who(s, '2027-01-01T07:30')).toBe('cy');
    expect(who(s, '2027-01-02T07:30')).toBe('ana');
  });

  it('a handoff written with an offset is the same instant', () => {
    const local = schedule({ layers: [{ members: ['ana', 'bo'], shift: { days: 7 }, handoff: '2026-01-05T09:00' }] });
    const offset = schedule({ layers: [{ members: ['ana', 'bo'], shift: { days: 7 }, handoff: '2026-01-05T14:00Z' }] });
    const from = at('2026-06-01T00:00');
    expect(shifts(offset, from, from + 30 * DAY)).toEqual(shifts(local, from, from + 30 * DAY));
  });
});

describe('precedence', () => {
  const weekly = { members: ['ana', 'bo'], shift: { days: 7 }, handoff: '2026-01-05T09:00' };

  it('an override across a handoff beats both turns, and the rotation resumes after it', () => {
    // Mon 2026-03-02 09:00 is week 8 (ana), Mon 2026-03-09 week 9 (bo).
    const s = schedule({ layers: [weekly], overrides: [{ person: 'cy', from: '2026-03-08T18:00', to: '2026-03-10T09:00', reason: 'swap' }] });
    expect(who(s, '2026-03-08T17:59')).toBe('ana');
    expect(who(s, '2026-03-08T18:00')).toBe('cy');
    expect(who(s, '2026-03-09T09:00')).toBe('cy');
    expect(who(s, '2026-03-10T08:59')).toBe('cy');
    expect(who(s, '2026-03-10T09:00')).toBe('bo');
    const list = shifts(s, at('2026-03-08T00:00'), at('2026-03-11T00:00'));
    expect(list.map((x) => [x.source, x.people[0], x.override])).toEqual([['layer', 'ana', undefined], ['override', 'cy', 0], ['layer', 'bo', undefined]]);
  });

  it('the later of two overlapping overrides wins', () => {
    const s = schedule({
      layers: [weekly],
      overrides: [{ person: 'cy', from: '2026-03-01T00:00', to: '2026-03-31T00:00' }, { person: 'bo', from: '2026-03-10T00:00', to: '2026-03-11T00:00' }],
    });
    expect(who(s, '2026-03-10T12:00')).toBe('bo');
    expect(who(s, '2026-03-11T12:00')).toBe('cy');
  });

  it('a later layer wins where it is active; earlier layers answer elsewhere', () => {
    const s = schedule({
      layers: [
        weekly,
        { name: 'weekend', members: ['cy'], shift: { days: 7 }, handoff: '2026-01-05T09:00', active: [{ days: ['sat', 'sun'], from: '00:00', to: '24:00' }] },
      ],
    });
    expect(who(s, '2026-03-06T23:59')).toBe('ana');
    expect(who(s, '2026-03-07T00:00')).toBe('cy');
    expect(who(s, '2026-03-08T23:59')).toBe('cy');
    expect(who(s, '2026-03-09T00:00')).toBe('ana');
    expect(onCallAt(s, at('2026-03-07T12:00'))).toEqual({ people: ['cy'], source: 'layer', layer: 1 });
  });

  it('an overnight window runs past midnight', () => {
    const s = schedule({ layers: [{ members: ['ana'], shift: { days: 7 }, handoff: '2026-01-05T09:00', active: [{ days: ['fri'], from: '18:00', to: '08:00' }] }], fallback: 'ost' });
    expect(who(s, '2026-03-06T17:59')).toBe('fallback:ost');
    expect(who(s, '2026-03-06T18:00')).toBe('ana');
    expect(who(s, '2026-03-07T07:59')).toBe('ana');
    expect(who(s, '2026-03-07T08:00')).toBe('fallback:ost');
  });

  it('empty layers fall to the fallback, and with no fallback nobody answers', () => {
    const empty = { members: [], shift: { days: 7 }, handoff: '2026-01-05T09:00' };
    expect(onCallAt(schedule({ layers: [empty, empty], fallback: 'dlee' }), at('2026-03-01T03:00'))).toEqual({ people: [], source: 'fallback', fallback: 'dlee' });
    expect(onCallAt(schedule({ layers: [empty] }), at('2026-03-01T03:00'))).toEqual({ people: [], source: 'nobody' });
    const from = at('2026-03-01T00:00');
    expect(shifts(schedule({ layers: [empty], fallback: 'ost' }), from, from + 30 * DAY)).toEqual([{ from, to: from + 30 * DAY, people: [], source: 'fallback', fallback: 'ost' }]);
  });

  it('shifts cover the range without holes and agree with onCallAt at every shift edge', () => {
    const s = schedule({
      layers: [weekly, { members: ['cy', 'ana'], shift: { hours: 8 }, handoff: '2026-01-01T06:00', active: [{ days: ['mon', 'wed', 'fri'], from: '22:00', to: '02:00' }] }],
      overrides: [{ person: 'bo', from: '2026-11-01T00:30', to: '2026-11-01T01:30' }],
      fallback: 'ost',
    });
    const from = at('2026-10-25T00:00');
    const to = from + 21 * DAY;
    const list = shifts(s, from, to);
    expect(list[0]!.from).toBe(from);
    expect(list.at(-1)!.to).toBe(to);
    for (let i = 1; i < list.length; i++) expect(list[i]!.from).toBe(list[i - 1]!.to);
    for (const x of list) {
      const { from: a, to: b, ...answer } = x;
      expect(onCallAt(s, a)).toEqual(answer);
      expect(onCallAt(s, b - MIN)).toEqual(answer);
    }
  });
});
