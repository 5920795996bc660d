// One string object per distinct value of a column that repeats a handful of values a million times (priority,
// status, category...). A cell is a fresh string, and the first Map lookup of a fresh string hashes all its
// characters; the interned one carries its hash from the first time, so the report's lookups by it are cheap.
// Finding the earlier copy must itself not hash: a direct-mapped table indexed by the length and three characters,
// confirmed by comparing the text.

const BITS = 8;

export class Interner {
  private readonly seen: string[] = new Array<string>(1 << BITS).fill('');

  /** The string equal to `s` that holds its slot, or '' when there is none. `s` is not ''. */
  find(s: string): string {
    const known = this.seen[slotOf(s)]!;
    return known === s ? known : '';
  }

  /** `s` takes its slot from now on. */
  add(s: string): void {
    this.seen[slotOf(s)] = s;
  }
}

function slotOf(s: string): number {
  const n = s.length;
  return Math.imul(((n * 31 + s.charCodeAt(0)) * 31 + s.charCodeAt(n >> 1)) * 31 + s.charCodeAt(n - 1), 0x9e3779b1) >>> (32 - BITS);
}
