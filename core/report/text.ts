// Every accepted TextSource as one async sequence of string chunks, with a leading byte-order mark removed (Excel
// writes one before CSV exports, and it would otherwise stick to the first header name).
import type { TextSource } from './types.ts';

export async function* chunksOf(source: TextSource): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of raw(source)) {
    if (chunk === '') continue;
    if (first) {
      first = false;
      yield chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    } else yield chunk;
  }
}

async function* raw(source: TextSource): AsyncGenerator<string> {
  if (typeof source === 'string') {
    yield source;
    return;
  }
  if (Symbol.asyncIterator in source || Symbol.iterator in source) {
    // Node streams opened without an encoding give Buffers; the caller should pass 'utf8', but a Buffer's
    // toString() decodes the same when every chunk ends on a character boundary, which a multi-byte split breaks:
    // so insist on text rather than guess.
    for await (const chunk of source as AsyncIterable<unknown>) {
      if (typeof chunk !== 'string') throw new TypeError('export text must be decoded strings (open the file with utf8)');
      yield chunk;
    }
    return;
  }
  const reader = source.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    if (typeof value !== 'string') throw new TypeError('export text must be decoded strings (pipe through a TextDecoderStream)');
    yield value;
  }
}

/** Whole lines from chunks (for NDJSON): each with its 1-based line number; a trailing \r is dropped. */
export async function* linesOf(source: TextSource): AsyncGenerator<[line: string, number: number]> {
  let rest = '';
  let n = 0;
  for await (const chunk of chunksOf(source)) {
    rest += chunk;
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n', start)) {
      const end = nl > start && rest.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield [rest.slice(start, end), ++n];
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  if (rest !== '') yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest, ++n];
}

/** The whole text of a source (side files and JSON documents, which are read completely). */
export async function textOf(source: TextSource): Promise<string> {
  let all = '';
  for await (const chunk of chunksOf(source)) all += chunk;
  return all;
}
