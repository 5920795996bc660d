// Streaming CSV rows through papaparse. Papa.parse streams from anything shaped like a Node readable stream (it
// tests `readable`, `read` and `on`), in the browser build too; so an async sequence of chunks is fed through a tiny
// emitter of that shape. Each chunk is parsed synchronously inside the 'data' call, which hands its complete rows
// to `chunk`; the generator then yields them, so memory holds one chunk of rows at a time, and a slow consumer
// slows the reading (no queue grows behind it).
import Papa from 'papaparse';
import { ExportError } from './problems.ts';
import { chunksOf } from './text.ts';
import type { TextSource } from './types.ts';

/**
 * Characters read with no row completed before a quoted field is taken as never closed. Papaparse keeps an open
 * quote's text as one partial row and parses it again with each chunk, so a stray quote early in a large file would
 * make the reading quadratic and end with the rest of the file in one field; no ticket's row comes near this size.
 */
const UNCLOSED_AFTER = 16 * 2 ** 20;

/** Rows in order; `first` is the 0-based index of rows[0] among all rows of the file (the header is row 0). */
export interface RowBatch {
  rows: string[][];
  first: number;
}

interface StreamConfig {
  header: false;
  skipEmptyLines: boolean | 'greedy';
  chunk(results: Papa.ParseResult<string[]>): void;
  error(error: unknown): void;
}

type Handler = (arg?: unknown) => void;

class ChunkEmitter {
  readonly readable = true;
  private handlers = new Map<string, Handler>();
  read(): null {
    return null;
  }
  on(event: string, fn: Handler): this {
    this.handlers.set(event, fn);
    return this;
  }
  removeListener(event: string): this {
    this.handlers.delete(event);
    return this;
  }
  // Papa pauses only when asked to by a step/chunk callback, which never happens here.
  pause(): void {}
  resume(): void {}
  emit(event: string, arg?: unknown): void {
    this.handlers.get(event)?.(arg);
  }
}

/** `file` names the source in the error for a quoted field that is never closed. */
export async function* csvRows(source: TextSource, file: string): AsyncGenerator<RowBatch> {
  const emitter = new ChunkEmitter();
  let pending: string[][] = [];
  let failure: unknown = null;
  let count = 0;
  let sinceRow = 0;
  const unclosed = (rowIndex: number) =>
    new ExportError(file, rowIndex + 1, null, 'a quoted field is never closed: a " opens it and no matching " ends it, so the rest of the file would be one value (a quote inside a quoted field is written "")');
  // The typings only know Node streams and DOM Files; the emitter is the duck-typed stream papaparse accepts.
  (Papa.parse as unknown as (input: ChunkEmitter, config: StreamConfig) => void)(emitter, {
    header: false,
    skipEmptyLines: true,
    chunk: (results: Papa.ParseResult<string[]>) => {
      for (const e of results.errors) {
        if (e.code === 'MissingQuotes') failure ??= unclosed(count + pending.length + (e.row ?? 0));
      }
      if (results.data.length > 0) sinceRow = 0;
      pending = pending.length === 0 ? results.data : pending.concat(results.data);
    },
    error: (error: unknown) => {
      failure = error;
    },
  });
  const flush = function* (): Generator<RowBatch> {
    if (failure) throw failure;
    if (pending.length === 0) return;
    const batch = { rows: pending, first: count };
    count += pending.length;
    pending = [];
    yield batch;
  };
  for await (const chunk of chunksOf(source)) {
    emitter.emit('data', chunk);
    sinceRow += chunk.length;
    if (sinceRow > UNCLOSED_AFTER) failure ??= unclosed(count + pending.length);
    yield* flush();
  }
  emitter.emit('end');
  yield* flush();
}
