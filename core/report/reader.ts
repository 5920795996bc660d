// What a format reader receives: the parsed options, where to put problems and notes, and the row counters.
import type { TableContext } from './table.ts';
import type { ExportInput, ReaderOptions, TicketRecord } from './types.ts';

export interface ReaderContext extends TableContext {
  options: ReaderOptions;
  notes: string[];
  /** A parser for side files (same zone rules, their own file name in problems). */
  sideContext(file: string): TableContext;
}

/**
 * A reader yields records one at a time or a parsed chunk's records as one array: per-record async steps cost more
 * than the rest of reading a row, so the table readers hand over whole batches (readExport flattens them).
 */
/** How buildReport asks a reading's records for whole batches (see Records in read.ts). */
export const RECORD_BATCHES = Symbol('record batches');

export type Reader = (input: ExportInput, ctx: ReaderContext) => AsyncIterable<TicketRecord | TicketRecord[]>;

export const NO_HISTORY_NOTE =
  'the export has no status history: each ticket is timed created → first response → resolved, so pauses (pending, on hold) are not excluded';
