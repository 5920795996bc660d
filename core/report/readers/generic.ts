// A generic CSV: the user says which column holds each canonical field (ReaderOptions.columns, from --column flags
// or the engagement); without a mapping the canonical field names themselves are the headers (id, created,
// firstResponse …: EXPORT_FIELDS). A status history side file has the columns
// ticket, at, field (status | priority | assignee | group) and value.
import { EXPORT_FIELDS } from '../../engagement/vocabulary.ts';
import { NO_HISTORY_NOTE, type Reader } from '../reader.ts';
import { SideData, eachCsvRow, pick, sideTime } from '../side.ts';
import { readTable, type TableSpec } from '../table.ts';
import type { HistoryEntry } from '../types.ts';

const HISTORY_FIELDS = new Set<HistoryEntry['field']>(['status', 'priority', 'assignee', 'group']);

export const readGeneric: Reader = async function* (input, ctx) {
  const side = new SideData();
  for (const h of ctx.options.history ?? []) {
    const sc = ctx.sideContext(h.name);
    await eachCsvRow(h.text, h.name, (row) => {
      const [id] = pick(row, 'ticket', 'ticket_id', 'id');
      const [field, fieldCol] = pick(row, 'field');
      const [when, whenCol] = pick(row, 'at', 'time', 'timestamp');
      const at = sideTime(sc.times, when, h.name, row.row, whenCol, sc.problems);
      if (id === undefined || at === undefined || field === undefined || !HISTORY_FIELDS.has(field.toLowerCase() as HistoryEntry['field'])) {
        sc.problems.add({ severity: 'warning', code: 'bad-history', message: 'a history row needs ticket, at, field (status, priority, assignee or group) and value', file: h.name, row: row.row, column: fieldCol });
        return;
      }
      side.get(id).history.push({ at, field: field.toLowerCase() as HistoryEntry['field'], value: row.get('value') ?? '' });
    });
  }
  if (side.byId.size === 0) ctx.notes.push(NO_HISTORY_NOTE);
  const spec: TableSpec = {
    columns: Object.fromEntries(EXPORT_FIELDS.map((f) => [f, [f]])),
    // Without a history file there is nothing to join: no lookup per row.
    ...(side.byId.size === 0 ? {} : { finish: (r) => side.join(r, r.id) }),
  };
  yield* readTable(input.text, spec, ctx);
};
