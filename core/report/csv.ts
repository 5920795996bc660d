// Streaming CSV rows through papaparse. Papa.parse streams from anything shaped like a Node readable stream (it
// tests `readable`, `read` and `on`), in the browser build too; so an async sequence of chunks is fed through a tiny
// emitter of that shape. Each chunk is parsed synchronously inside the 'data' call, which hands its complete rows
// to `chunk`; the generator then yields them, so memory holds one chunk of rows at a time, and a slow consumer
// slows the reading (no queue grows behind it).
import Papa from 'papaparse';
import { chunksOf } from './text.ts';
import type { TextSource } from './types.ts';

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

export async function* csvRows(source: TextSource): AsyncGenerator<RowBatch> {
  const emitter = new ChunkEmitter();
  let pending: string[][] = [];
  let failure: unknown = null;
  let count = 0;
  // The typings only know Node streams and DOM Files; the emitter is the duck-typed stream papaparse accepts.
  (Papa.parse as unknown as (input: ChunkEmitter, config: StreamConfig) => void)(emitter, {
    header: false,
    skipEmptyLines: true,
    chunk: (results: Papa.ParseResult<string[]>) => {
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
    yield* flush();
  }
  emitter.emit('end');
  yield* flush();
}
