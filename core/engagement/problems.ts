// Every problem carries the line and column of the node at fault, found by walking the YAML document along the
// problem's path. A path that ends at a missing key points at the map that lacks it.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Path, Problem } from './types.ts';

const MAX_PROBLEMS = 200;

export class Locator {
  constructor(
    private readonly doc: Document | null,
    private readonly lines: LineCounter,
  ) {}

  /** 1-based line and column of the value at `path` (or of its key, with `key`). */
  position(path: Path, key = false): { line: number; column: number } {
    let node: unknown = this.doc?.contents;
    let fallback: Node | null = (node as Node | null) ?? null;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      if (isAlias(node) && this.doc) node = node.resolve(this.doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        const last = i === path.length - 1;
        if (last && key) return this.at(pair.key as Node);
        fallback = (pair.key as Node) ?? fallback;
        node = pair.value;
        if (node === null || node === undefined) return this.at(fallback);
      } else if (isSeq(node)) {
        const item = typeof segment === 'number' ? node.items[segment] : undefined;
        if (!item) break;
        node = item;
      } else {
        break;
      }
      fallback = node as Node;
    }
    return this.at(fallback);
  }

  private at(node: Node | null): { line: number; column: number } {
    const offset = node?.range?.[0];
    if (offset === undefined) return { line: 1, column: 1 };
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }
}

export class ProblemList {
  readonly items: Problem[] = [];
  private dropped = 0;

  constructor(
    private readonly locator: Locator,
    private readonly file?: string,
  ) {}

  error(code: string, message: string, path: Path, opts: { key?: boolean } = {}): void {
    this.add('error', code, message, path, opts.key ?? false);
  }

  warning(code: string, message: string, path: Path, opts: { key?: boolean } = {}): void {
    this.add('warning', code, message, path, opts.key ?? false);
  }

  /** With an explicit position, for problems that the YAML parser reports by offset. */
  addAt(severity: Problem['severity'], code: string, message: string, line: number, column: number): void {
    if (this.full()) return;
    this.items.push(this.withFile({ severity, code, message, path: [], line, column }));
  }

  /** Takes over the problems of `other` that `keep` accepts. */
  absorb(other: ProblemList, keep: (p: Problem) => boolean): void {
    for (const p of other.items) {
      if (!keep(p)) continue;
      if (this.full()) return;
      this.items.push(p);
    }
  }

  get hasErrors(): boolean {
    return this.dropped > 0 || this.items.some((p) => p.severity === 'error');
  }

  /** Problems in file order, with a final note when some were left out. */
  sorted(): Problem[] {
    const out = [...this.items].sort((a, b) => a.line - b.line || a.column - b.column);
    if (this.dropped > 0) {
      out.push(this.withFile({
        severity: 'error', code: 'too-many-problems', path: [], line: out.at(-1)?.line ?? 1, column: 1,
        message: `${this.dropped} more problems were not listed; fix the ones above first`,
      }));
    }
    return out;
  }

  private add(severity: Problem['severity'], code: string, message: string, path: Path, key: boolean): void {
    if (this.full()) return;
    const { line, column } = this.locator.position(path, key);
    this.items.push(this.withFile({ severity, code, message, path, line, column }));
  }

  private full(): boolean {
    if (this.items.length < MAX_PROBLEMS) return false;
    this.dropped++;
    return true;
  }

  private withFile(p: Problem): Problem {
    return this.file === undefined ? p : { ...p, file: this.file };
  }
}

export function pathText(path: Path): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : String(seg)), '');
}
