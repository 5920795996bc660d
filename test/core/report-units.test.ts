import { describe, expect, it } from 'vitest';
import { TimeParser } from '../../core/report/time.ts';
import { nearestRank, reportToCsv } from '../../core/report/index.ts';
import { H, reportOf, t } from './report-helpers.ts';

describe('nearest-rank percentiles', () => {
  it('take the value at rank ceil(p/100 × n)', () => {
    const ten = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(nearestRank(ten, 50)).toBe(5);
    expect(nearestRank(ten, 90)).toBe(9);
    expect(nearestRank(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), 90)).toBe(10); // ceil(9.9) = 10
    expect(nearestRank([4, 8], 50)).toBe(4); // even n: the lower middle value
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([], 50)).toBeNull();
  });
});

describe('export timestamps', () => {
  const ny = new TimeParser('America/New_York');
  it('take written offsets as they are and zone-less times in the export zone', () => {
    expect(ny.parse('2026-02-02T09:00:00Z')).toBe(t('2026-02-02T09:00:00Z'));
    expect(ny.parse('2026-02-02 09:00:00 +0100')).toBe(t('2026-02-02T08:00:00Z'));
    expect(ny.parse('2026-07-02 09:00')).toBe(t('2026-07-02T09:00:00-04:00'));
    expect(ny.parse('02/Feb/26 9:05 PM')).toBe(t('2026-02-02T21:05:00-05:00'));
    expect(ny.parse('12/31/2026 23:59:59')).toBe(t('2026-12-31T23:59:59-05:00'));
    expect(new TimeParser('Europe/London', true).parse('31/12/2026 10:00')).toBe(t('2026-12-31T10:00:00Z'));
  });
  it('follow DESIGN 6.2 in DST gaps and overlaps', () => {
    // 02:30 does not exist on 8 March 2026 in New York: moved forward by the gap. 01:30 on 1 November is twice: the earlier.
    expect(ny.parse('2026-03-08 02:30')).toBe(t('2026-03-08T03:30:00-04:00'));
    expect(ny.parse('2026-11-01 01:30')).toBe(t('2026-11-01T01:30:00-04:00'));
  });
  it('refuse what is not a time, and say when a zone is needed', () => {
    expect(ny.parse('2026-02-30 10:00')).toBeNaN();
    expect(ny.parse('soon')).toBeNaN();
    expect(new TimeParser(undefined).parse('2026-02-02 10:00')).toBe(-Infinity);
    expect(() => new TimeParser('Mars/Olympus')).toThrow(/not a time zone/);
  });
});

describe('reportToCsv', () => {
  it('writes a row per policy × priority × month × metric', async () => {
    const now = t('2026-03-15T12:00:00-04:00');
    const report = await reportOf('generic', 'generic/tickets.csv', { now, helpdesk: 'acme-portal' });
    const lines = reportToCsv(report).trim().split('\n');
    expect(lines[0]).toMatch(/^policy,kind,priority,month,metric,tickets,met,breached/);
    expect(lines.length - 1).toBe(report.policies.reduce((n, p) => n + p.metrics.length, 0));
    // P1, February, resolution: 2 tickets, 1 met, 1 breached; business median 180 min, p90 300 min.
    expect(lines).toContain('joint,SLA,P1,2026-02,resolution,2,1,1,0,0,0.5000,180.0,300.0,180.0,300.0,2,0.0000,1.0000');
    expect(3 * H).toBe(180 * 60_000);
  });
});
