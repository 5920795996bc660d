// Problems while reading an export: bad rows are collected (ReportProblem); a file that cannot be read at all
// (no id column, zone-less times without exportZone, not JSON) stops with an ExportError that says where and why.
import type { ReportProblem } from './types.ts';

export class ExportError extends Error {
  /** `reason`: the message without the place, for a view that shows the place on its own. */
  constructor(readonly file: string, readonly row: number | null, readonly column: string | null, readonly reason: string) {
    super(`${file}${row === null ? '' : ` row ${row}`}${column === null ? '' : ` column '${column}'`}: ${reason}`);
    this.name = 'ExportError';
  }
}

/** Keeps the first `limit` problems in full and counts the rest, so a million bad rows cost a counter. */
export class ProblemLog {
  constructor(readonly list: ReportProblem[], private readonly counts: { problems: number }, private readonly limit = 10_000) {}
  add(problem: ReportProblem): void {
    this.counts.problems++;
    if (this.list.length < this.limit) this.list.push(problem);
  }
}
