// Side files (status history, SLA rows, metric events) are read whole into a map by ticket id before the ticket file
// streams; each reader fills it, and `join` completes a record from it.
import { csvRows } from './csv.ts';
import type { ProblemLog } from './problems.ts';
import { NEEDS_ZONE, needsZoneMessage, type TimeParser } from './time.ts';
import { ExportError } from './problems.ts';
import type { HelpdeskSla, HistoryEntry, TextSource, TicketRecord } from './types.ts';

export interface Side {
  history: HistoryEntry[];
  sla: HelpdeskSla[];
  firstResponse?: number;
  firstResolved?: number;
  resolved?: number;
}

export class SideData {
  readonly byId = new Map<string, Side>();
  get(id: string): Side {
    let s = this.byId.get(id);
    if (!s) this.byId.set(id, (s = { history: [], sla: [] }));
    return s;
  }
  /** Adds what the side files know about the ticket; the ticket file's own values win where both have one. */
  join(r: TicketRecord, ...keys: Array<string | undefined>): void {
    for (const key of keys) {
      const s = key === undefined ? undefined : this.byId.get(key);
      if (!s) continue;
      if (s.history.length > 0) r.history = [...(r.history ?? []), ...s.history].sort((a, b) => a.at - b.at);
      for (const h of s.sla) {
        const own = r.helpdeskSla?.find((x) => x.metric === h.metric);
        if (own) {
          own.breached ??= h.breached;
          own.dueAt ??= h.dueAt;
        } else (r.helpdeskSla ??= []).push({ ...h });
      }
      r.firstResponse ??= s.firstResponse;
      if (s.firstResolved !== undefined && r.firstResolved === undefined) r.firstResolved = s.firstResolved;
      if (s.resolved !== undefined && r.resolved === undefined) r.resolved = s.resolved;
      return;
    }
  }
}

export interface SideRow {
  get(name: string): string | undefined;
  row: number;
}

/** A side CSV row by row with case-insensitive column access by any of several names. */
export async function eachCsvRow(source: TextSource, file: string, fn: (row: SideRow) => void): Promise<void> {
  let index: Map<string, number> | null = null;
  for await (const batch of csvRows(source, file)) {
    let i = 0;
    if (index === null) {
      index = new Map(batch.rows[0]!.map((h, k) => [h.trim().toLowerCase(), k] as const));
      i = 1;
    }
    const ix = index;
    for (; i < batch.rows.length; i++) {
      const cells = batch.rows[i]!;
      fn({
        row: batch.first + i + 1,
        get(name: string) {
          const k = ix.get(name.toLowerCase());
          const v = k === undefined ? undefined : cells[k]?.trim();
          return v === '' ? undefined : v;
        },
      });
    }
  }
}

/** A side file's timestamp, or undefined with a problem logged (zone-less without a zone stops, as for tickets). */
export function sideTime(times: TimeParser, text: string | undefined, file: string, row: number, column: string, problems: ProblemLog): number | undefined {
  if (text === undefined) return undefined;
  const at = times.parse(text);
  if (at === NEEDS_ZONE) throw new ExportError(file, row, column, needsZoneMessage(text));
  if (Number.isNaN(at)) {
    problems.add({ severity: 'warning', code: 'bad-time', message: times.notATime(text), file, row, column });
    return undefined;
  }
  return at;
}

/** The first of several names that a row has. */
export function pick(row: SideRow, ...names: string[]): [value: string | undefined, column: string] {
  for (const n of names) {
    const v = row.get(n);
    if (v !== undefined) return [v, n];
  }
  return [undefined, names[0]!];
}
