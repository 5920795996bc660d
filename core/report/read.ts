// readExport: the format's reader over one input, with problems collected and the zone rules applied.
import { ProblemLog } from './problems.ts';
import { RECORD_BATCHES, type Reader, type ReaderContext } from './reader.ts';
import { readConnectwise } from './readers/connectwise.ts';
import { readFreshservice } from './readers/freshservice.ts';
import { readGeneric } from './readers/generic.ts';
import { readHalopsa } from './readers/halopsa.ts';
import { readJira } from './readers/jira.ts';
import { readServicenow } from './readers/servicenow.ts';
import { readZendesk } from './readers/zendesk.ts';
import { TimeParser } from './time.ts';
import type { ExportFormat, ExportInput, ExportReading, ReaderOptions, TicketRecord } from './types.ts';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['zendesk', 'jira', 'servicenow', 'freshservice', 'halopsa', 'connectwise', 'generic'];

const READERS: Record<ExportFormat, Reader> = {
  zendesk: readZendesk,
  jira: readJira,
  servicenow: readServicenow,
  freshservice: readFreshservice,
  halopsa: readHalopsa,
  connectwise: readConnectwise,
  generic: readGeneric,
};

/**
 * Streams an export as TicketRecords. Bad rows become `problems` (complete once `records` has been iterated);
 * an unreadable file (no id or creation column, zone-less times without `exportZone`) rejects the iteration with
 * an ExportError naming the file, row and column. Throws a RangeError at once for an unknown zone or format.
 */
export function readExport(format: ExportFormat, input: ExportInput, options: ReaderOptions = {}): ExportReading {
  const reader = READERS[format];
  if (!reader) throw new RangeError(`unknown export format '${format}' (expected one of ${EXPORT_FORMATS.join(', ')})`);
  const times = new TimeParser(options.exportZone, options.dayFirst);
  const problems: ExportReading['problems'] = [];
  const stats = { rows: 0, records: 0, problems: 0 };
  const log = new ProblemLog(problems, stats);
  const notes: string[] = [];
  const ctx: ReaderContext = {
    file: input.name,
    times,
    problems: log,
    stats,
    overrides: options.columns,
    options,
    notes,
    sideContext: (file) => ({ file, times, problems: log, stats: { rows: 0, records: 0, problems: 0 } }),
  };
  return { records: new Records(reader(input, ctx)), problems, stats, notes };
}

/**
 * A reader's output as the AsyncIterable<TicketRecord> of the public API, which can also be taken a batch at a
 * time (RECORD_BATCHES): a consumer that loops over each batch synchronously pays one async step per chunk of the
 * file instead of one per record. Either way the reader runs once, when the first iteration starts.
 */
class Records implements AsyncIterable<TicketRecord> {
  constructor(private readonly source: AsyncIterable<TicketRecord | TicketRecord[]>) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<TicketRecord> {
    for await (const x of this.source) {
      if (Array.isArray(x)) for (const r of x) yield r;
      else yield x;
    }
  }

  async *[RECORD_BATCHES](): AsyncGenerator<TicketRecord[]> {
    for await (const x of this.source) yield Array.isArray(x) ? x : [x];
  }
}
