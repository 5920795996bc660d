// What a format reader receives: the parsed options, where to put problems and notes, and the row counters.
import type { TableContext } from './table.ts';
import type { ExportInput, ReaderOptions, TicketRecord } from './types.ts';

export interface ReaderContext extends TableContext {
  options: ReaderOptions;
  notes: string[];
  /** A parser for side files (same zone rules, their own file name in problems). */
  sideContext(file: string): TableContext;
}

export type Reader = (input: ExportInput, ctx: ReaderContext) => AsyncIterable<TicketRecord>;

export const NO_HISTORY_NOTE =
  'the export has no status history: each ticket is timed created → first response → resolved, so pauses (pending, on hold) are not excluded';
