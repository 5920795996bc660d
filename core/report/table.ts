// The shared machinery of the CSV readers: a format declares which header names carry each canonical field (the
// helpdesk's documented export names, its API names, and the user's --column overrides), and this turns its rows
// into TicketRecords, collecting bad values as problems with row and column.
import { csvRows } from './csv.ts';
import { Interner } from './intern.ts';
import { ExportError, type ProblemLog } from './problems.ts';
import { NEEDS_ZONE, NOT_ISO, needsZoneMessage, type TimeParser } from './time.ts';
import type { HelpdeskSla, RecordField, TextSource, TicketRecord } from './types.ts';

export interface TableSpec {
  /** Canonical field → header names, first match wins; compared without case and surrounding spaces. */
  columns: Partial<Record<RecordField, readonly string[]>>;
  /** Other columns the format's `finish` reads (e.g. Zendesk's "First reply time in minutes"). */
  extra?: Record<string, readonly string[]>;
  /** Format-specific completion of a record from its extra columns; may add problems through `bad`. */
  finish?: (record: TicketRecord, extra: (name: string) => string | undefined, bad: (column: string, message: string) => void) => void;
  /** Extra columns that also tell when a ticket was last resolved (Zendesk's full resolution minutes). */
  lastResolvedExtras?: readonly string[];
  /** Tag separator of the format (Zendesk: spaces; most others: commas or semicolons). */
  tagSplit?: RegExp;
}

const TIME_FIELDS = new Set<RecordField>(['created', 'assigned', 'firstResponse', 'firstResolved', 'resolved', 'closed', 'firstResponseDue', 'resolutionDue']);
const COUNT_FIELDS = new Set<RecordField>(['reopens', 'assignees', 'groups']);
const FLAG_FIELDS = new Set<RecordField>(['excluded', 'firstResponseBreached', 'resolutionBreached']);

/** Words helpdesks write for an SLA outcome or a yes/no field; true means breached (or yes). */
export function flag(text: string): boolean | undefined {
  switch (text.trim().toLowerCase()) {
    case 'true': case 'yes': case 'y': case '1': case 'breached': case 'violated': case 'sla violated': case 'overdue':
    case 'out': case 'o': case 'failed':
      return true;
    case 'false': case 'no': case 'n': case '0': case 'met': case 'within sla': case 'in': case 'i': case 'achieved':
    case 'not breached':
      return false;
    default:
      return undefined;
  }
}

// What convert() does with a column's text, decided once per column rather than by set lookups per cell.
const TIME = 0;
const COUNT = 1;
const FLAG = 2;
const TAGS = 3;
const TEXT = 4;
/** Text of few distinct values, read into Maps by the report: interned (see intern.ts). */
const WORD = 5;
const WORD_FIELDS = new Set<RecordField>(['priority', 'status', 'organization', 'group', 'assignee', 'category', 'type']);

interface Bound {
  field: RecordField;
  index: number;
  header: string;
  kind: typeof TIME | typeof COUNT | typeof FLAG | typeof TAGS | typeof TEXT | typeof WORD;
  words: Interner | null;
}

export interface TableContext {
  file: string;
  times: TimeParser;
  problems: ProblemLog;
  stats: { rows: number; records: number; problems: number };
  overrides?: Partial<Record<RecordField, string>>;
}

/** The records of each parsed chunk as one array (never empty). */
export async function* readTable(source: TextSource, spec: TableSpec, ctx: TableContext): AsyncGenerator<TicketRecord[]> {
  let table: Table | null = null;
  for await (const batch of csvRows(source, ctx.file)) {
    let start = 0;
    const records: TicketRecord[] = [];
    if (table === null) {
      table = new Table(batch.rows[0]!, spec, ctx);
      start = 1;
    }
    for (let i = start; i < batch.rows.length; i++) {
      ctx.stats.rows++;
      const record = table.convert(batch.rows[i]!, batch.first + i + 1);
      if (record) {
        ctx.stats.records++;
        records.push(record);
      }
    }
    if (records.length > 0) yield records;
  }
  if (table === null) throw new ExportError(ctx.file, null, null, 'the file is empty: it has no header row and no tickets');
}

/**
 * One file's columns bound to fields, converting its rows. The format's `finish` reads the current row through
 * two functions made once per file: made per row, they cost more than the rest of a row's conversion.
 */
class Table {
  private readonly fields: Bound[];
  private readonly extras: Map<string, number>;
  private row: string[] = [];
  private rowNumber = 0;
  private readonly extra = (name: string): string | undefined => {
    const i = this.extras.get(name);
    const v = i === undefined ? undefined : this.row[i]?.trim();
    return v === '' ? undefined : v;
  };
  private readonly bad = (column: string, message: string): void => badValue(this.ctx, this.rowNumber, column, message);
  private readonly lastKnown: boolean;

  constructor(private readonly header: string[], private readonly spec: TableSpec, private readonly ctx: TableContext) {
    ({ fields: this.fields, extras: this.extras } = bind(header, spec, ctx));
    this.lastKnown = this.fields.some((f) => f.field === 'resolved') || (spec.lastResolvedExtras ?? []).some((x) => this.extras.has(x));
  }

  convert(row: string[], rowNumber: number): TicketRecord | null {
    const r = convert(row, rowNumber, this.fields, this.header, this.spec, this.ctx);
    if (r && this.spec.finish) {
      this.row = row;
      this.rowNumber = rowNumber;
      this.spec.finish(r, this.extra, this.bad);
    }
    if (r) {
      // Comparisons with undefined are false: a row without these times costs five tests.
      if (r.assigned! < r.created || r.firstResponse! < r.created || r.firstResolved! < r.created || r.resolved! < r.created || r.closed! < r.created) {
        dropBeforeCreation(r, rowNumber, this.fields, this.ctx);
      }
      settle(r, this.lastKnown);
    }
    return r;
  }
}

const AFTER_CREATION = ['assigned', 'firstResponse', 'firstResolved', 'resolved', 'closed'] as const;

/**
 * Leaves out (with a warning) the times a row gives before its own creation: a clock cannot stop before it starts,
 * and the clocks and the KPIs would each have to ignore such a time on their own, and could disagree.
 */
function dropBeforeCreation(r: TicketRecord, rowNumber: number, fields: Bound[], ctx: TableContext): void {
  for (const field of AFTER_CREATION) {
    const at = r[field];
    if (at === undefined || !(at < r.created)) continue;
    const column = fields.find((f) => f.field === field)?.header ?? field;
    badValue(ctx, rowNumber, column, `${new Date(at).toISOString()} is before the ticket was created (${new Date(r.created).toISOString()}): left out`, 'warning', 'before-created');
    r[field] = undefined;
  }
}

function bind(header: string[], spec: TableSpec, ctx: TableContext): { fields: Bound[]; extras: Map<string, number> } {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  const find = (names: readonly string[]) => {
    for (const n of names) {
      const i = index.get(n.trim().toLowerCase());
      if (i !== undefined) return i;
    }
    return undefined;
  };
  const fields: Bound[] = [];
  const wanted = new Set<RecordField>([...(Object.keys(spec.columns) as RecordField[]), ...(Object.keys(ctx.overrides ?? {}) as RecordField[])]);
  for (const field of wanted) {
    const override = ctx.overrides?.[field];
    const i = override === undefined ? find(spec.columns[field] ?? []) : find([override]);
    if (i === undefined && override !== undefined) {
      throw new ExportError(ctx.file, 1, override, `no such column for ${field} (the header has ${header.map((h) => `'${h}'`).join(', ')})`);
    }
    if (i !== undefined) {
      const kind = TIME_FIELDS.has(field) ? TIME : COUNT_FIELDS.has(field) ? COUNT : FLAG_FIELDS.has(field) ? FLAG : field === 'tags' ? TAGS : WORD_FIELDS.has(field) ? WORD : TEXT;
      fields.push({ field, index: i, header: header[i]!, kind, words: kind === WORD ? new Interner() : null });
    }
  }
  for (const required of ['id', 'created'] as const) {
    if (!fields.some((f) => f.field === required)) {
      const names = spec.columns[required] ?? [];
      throw new ExportError(ctx.file, 1, null, `no ${required} column (looked for ${names.map((n) => `'${n}'`).join(', ') || 'a mapping'}; map one with columns.${required})`);
    }
  }
  const extras = new Map<string, number>();
  for (const [name, names] of Object.entries(spec.extra ?? {})) {
    const i = find(names);
    if (i !== undefined) extras.set(name, i);
  }
  return { fields, extras };
}

function convert(row: string[], rowNumber: number, fields: Bound[], header: string[], spec: TableSpec, ctx: TableContext): TicketRecord | null {
  const r = blankRecord(ctx.file, rowNumber);
  let fatal = false;
  let sla: Partial<Record<'frB' | 'frD' | 'resB' | 'resD', boolean | number>> | null = null;
  for (let k = 0; k < fields.length; k++) {
    const bound = fields[k]!;
    const raw = row[bound.index];
    if (raw === undefined || raw === '') continue;
    const { field, kind } = bound;
    // An ISO time the fast path takes, or a word seen before, has no white space at its ends: only other cells
    // are looked at for it (see trimmed).
    if (kind === TIME) {
      let at = ctx.times.parseIsoFast(raw);
      const text = at === NOT_ISO ? trimmed(raw) : raw;
      if (text === '') continue;
      // A padded cell may be ISO once trimmed; an unpadded one was just declined by the fast path.
      if (at === NOT_ISO) at = text === raw ? ctx.times.parseGeneral(text) : ctx.times.parse(text);
      if (at === NEEDS_ZONE) throw new ExportError(ctx.file, rowNumber, bound.header, needsZoneMessage(text));
      if (Number.isNaN(at)) {
        if (field === 'created') fatal = true;
        badValue(ctx, rowNumber, bound.header, ctx.times.notATime(text), field === 'created' ? 'error' : 'warning', 'bad-time');
        continue;
      }
      if (field === 'firstResponseDue') (sla ??= {}).frD = at;
      else if (field === 'resolutionDue') (sla ??= {}).resD = at;
      else setTime(r, field, at);
      continue;
    }
    if (kind === WORD) {
      let word = bound.words!.find(raw);
      if (word === '') {
        word = trimmed(raw);
        if (word === '') continue;
        bound.words!.add(word);
      }
      setText(r, field, word);
      continue;
    }
    const text = trimmed(raw);
    if (text === '') continue;
    if (kind === COUNT) {
      const n = Number(text);
      if (!Number.isInteger(n) || n < 0) badValue(ctx, rowNumber, bound.header, `'${text}' is not a count`);
      else setCount(r, field, n);
    } else if (kind === FLAG) {
      const f = flag(text);
      if (f === undefined) badValue(ctx, rowNumber, bound.header, `'${text}' is neither yes nor no`);
      else if (field === 'excluded') r.excluded = f;
      else if (field === 'firstResponseBreached') (sla ??= {}).frB = f;
      else (sla ??= {}).resB = f;
    } else if (kind === TAGS) {
      r.tags = text.split(spec.tagSplit ?? /[,;]\s*|\s+/).filter((t) => t !== '');
    } else {
      setText(r, field, text);
    }
  }
  if (r.id === '') {
    badValue(ctx, rowNumber, header[fields.find((f) => f.field === 'id')!.index] ?? 'id', 'the row has no ticket id', 'error', 'missing-id');
    return null;
  }
  if (Number.isNaN(r.created)) {
    if (!fatal) badValue(ctx, rowNumber, fields.find((f) => f.field === 'created')!.header, 'the row has no creation time', 'error', 'missing-created');
    return null;
  }
  if (sla) r.helpdeskSla = helpdeskSla(sla);
  return r;
}

// trim() only when an end may be white space (ASCII space or control, or any non-ASCII such as a no-break space):
// most cells have none, and the call is a cost a cell.
function trimmed(raw: string): string {
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  return first <= 32 || first >= 127 || last <= 32 || last >= 127 ? raw.trim() : raw;
}

// The setters below name each field: `r[field] = value` with the field in a variable is a lookup by name each time
// (a megamorphic keyed store), which cost a third of reading a row; a switch of named stores does not.
function setText(r: TicketRecord, field: RecordField, text: string): void {
  switch (field) {
    case 'id': r.id = text; break;
    case 'priority': r.priority = text; break;
    case 'status': r.status = text; break;
    case 'organization': r.organization = text; break;
    case 'requester': r.requester = text; break;
    case 'requesterEmail': r.requesterEmail = text; break;
    case 'group': r.group = text; break;
    case 'assignee': r.assignee = text; break;
    case 'category': r.category = text; break;
    case 'type': r.type = text; break;
    case 'subject': r.subject = text; break;
    default: throw new Error(`${field} is not a text field`);
  }
}

function setTime(r: TicketRecord, field: RecordField, at: number): void {
  switch (field) {
    case 'created': r.created = at; break;
    case 'assigned': r.assigned = at; break;
    case 'firstResponse': r.firstResponse = at; break;
    case 'firstResolved': r.firstResolved = at; break;
    case 'resolved': r.resolved = at; break;
    case 'closed': r.closed = at; break;
    default: throw new Error(`${field} is not a time field`);
  }
}

function setCount(r: TicketRecord, field: RecordField, n: number): void {
  switch (field) {
    case 'reopens': r.reopens = n; break;
    case 'assignees': r.assignees = n; break;
    case 'groups': r.groups = n; break;
    default: throw new Error(`${field} is not a count field`);
  }
}

/**
 * A record with every field present (undefined until set), in one order: all records of a file then share one
 * hidden class, so the report's many reads of each are monomorphic. Set as they come, rows with and without a
 * first response or a resolution would make a dozen shapes, and every read of a record a megamorphic lookup.
 */
function blankRecord(file: string, row: number): TicketRecord {
  return {
    id: '', file, row, priority: undefined, status: undefined, organization: undefined, requester: undefined, requesterEmail: undefined,
    group: undefined, assignee: undefined, category: undefined, type: undefined, subject: undefined, tags: undefined, created: NaN,
    assigned: undefined, firstResponse: undefined, firstResolved: undefined, resolved: undefined, closed: undefined, reopens: undefined,
    assignees: undefined, groups: undefined, excluded: undefined, history: undefined, helpdeskSla: undefined,
  };
}

// Module-level rather than a closure in convert(): one closure per row is a measurable cost at a million rows.
function badValue(ctx: TableContext, rowNumber: number, column: string, message: string, severity: 'error' | 'warning' = 'warning', code = 'bad-value'): void {
  ctx.problems.add({ severity, code, message, file: ctx.file, row: rowNumber, column });
}

function helpdeskSla(s: Partial<Record<'frB' | 'frD' | 'resB' | 'resD', boolean | number>>): HelpdeskSla[] {
  const out: HelpdeskSla[] = [];
  if (s.frB !== undefined || s.frD !== undefined) out.push(sla('first_response', s.frB as boolean | undefined, s.frD as number | undefined));
  if (s.resB !== undefined || s.resD !== undefined) out.push(sla('resolution', s.resB as boolean | undefined, s.resD as number | undefined));
  return out;
}

function sla(metric: HelpdeskSla['metric'], breached: boolean | undefined, dueAt: number | undefined): HelpdeskSla {
  const h: HelpdeskSla = { metric };
  if (breached !== undefined) h.breached = breached;
  if (dueAt !== undefined) h.dueAt = dueAt;
  return h;
}

/**
 * First and last resolution stand in for each other when the export has only one of them. `lastKnown`: the export
 * says when a ticket was last resolved (it has the column): then an empty one means the ticket is not resolved now
 * (solved once, then reopened), and the first resolution must not stand in for it.
 */
export function settle(r: TicketRecord, lastKnown: boolean): void {
  if (!lastKnown && r.resolved === undefined && r.firstResolved !== undefined) r.resolved = r.firstResolved;
  if (r.firstResolved === undefined && r.resolved !== undefined) r.firstResolved = r.resolved;
}
