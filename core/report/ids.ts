// The ticket ids a report has read, to catch a ticket read twice (two overlapping exports pasted into one file).
// A Set of a million id strings would cost tens of megabytes, and an id of 13 characters or more is a slice that
// would keep its whole chunk of the file alive. Here a slot holds two 32-bit hashes of an id and its row (12 bytes),
// with two to four slots a ticket. Two different ids share both hashes with a chance of about n² / 2⁶⁵ (3 in 10⁸
// for a million), and one of them would be taken for a repeat.

export class SeenIds {
  private mask = (1 << 12) - 1;
  private count = 0;
  private h1 = new Int32Array(this.mask + 1);
  private h2 = new Int32Array(this.mask + 1);
  /** The row an id was first read at; 0 marks an empty slot (rows start at 1). */
  private rows = new Int32Array(this.mask + 1);

  /** The row `id` was first read at, or 0 when this is the first time (then `row` is kept for it). */
  add(id: string, row: number): number {
    let a = 0x811c9dc5 | 0;
    let b = 0x9747b28c | 0;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    const found = this.find(a, b);
    if (this.rows[found] !== 0) return this.rows[found]!;
    this.h1[found] = a;
    this.h2[found] = b;
    this.rows[found] = Math.max(1, row);
    if (++this.count * 2 > this.mask) this.grow();
    return 0;
  }

  private find(a: number, b: number): number {
    let i = (a ^ (b >>> 7)) & this.mask;
    while (this.rows[i] !== 0 && (this.h1[i] !== a || this.h2[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  private grow(): void {
    const { h1, h2, rows } = this;
    this.mask = this.mask * 2 + 1;
    this.h1 = new Int32Array(this.mask + 1);
    this.h2 = new Int32Array(this.mask + 1);
    this.rows = new Int32Array(this.mask + 1);
    for (let k = 0; k < rows.length; k++) {
      if (rows[k] === 0) continue;
      const i = this.find(h1[k]!, h2[k]!);
      this.h1[i] = h1[k]!;
      this.h2[i] = h2[k]!;
      this.rows[i] = rows[k]!;
    }
  }
}
