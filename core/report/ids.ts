// The ticket ids a report has read, to catch a ticket read twice (two overlapping exports pasted into one file).
// A Set of a million id strings would cost tens of megabytes, and an id of 13 characters or more is a slice that
// would keep its whole chunk of the file alive. And any table looked up at random costs a cache and TLB miss a
// ticket once it outgrows the caches: about 300 ns on this project's test machines, a tenth of a whole report's
// time. Helpdesk ids are numbers, or a fixed prefix and a number (INC0012345, OPS-123), handed out in order; so
// such an id is looked up in an array indexed by its number, per prefix and digit count, which an export walks
// nearly in order. Ids of other shapes, or numbers too sparse for an array, go to a hash table.

/** Digits read at the end of an id: 9 keeps the number a small integer. */
const MAX_DIGITS = 9;

/** The ids of one prefix and digit count, by number: the row each was first read at (0: not read). */
interface Lane {
  prefix: string;
  length: number;
  base: number;
  rows: Int32Array;
  count: number;
  /** Too sparse for an array: its ids went to the hash table. */
  sparse: boolean;
}

export class SeenIds {
  private readonly lanes = new Map<string, Lane>();
  private last: Lane | null = null;
  private readonly hashed = new HashedIds();

  /** The row `id` was first read at, or 0 when this is the first time (then `row` is kept for it). */
  add(id: string, row: number): number {
    const at = Math.max(1, row);
    let start = id.length;
    while (start > 0 && id.length - start < MAX_DIGITS && isDigit(id.charCodeAt(start - 1))) start--;
    if (start === id.length) return this.hashed.add(id, at);
    let lane = this.last;
    if (lane === null || lane.length !== id.length || lane.prefix.length !== start || !id.startsWith(lane.prefix)) lane = this.laneOf(id.slice(0, start), id.length);
    this.last = lane;
    if (lane.sparse) return this.hashed.add(id, at);
    let n = 0;
    for (let i = start; i < id.length; i++) n = n * 10 + id.charCodeAt(i) - 48;
    let k = n - lane.base;
    if (k < 0 || k >= lane.rows.length) {
      if (!cover(lane, n)) return this.spill(lane, id, at);
      k = n - lane.base;
    }
    const first = lane.rows[k]!;
    if (first !== 0) return first;
    lane.rows[k] = at;
    lane.count++;
    return 0;
  }

  private laneOf(prefix: string, length: number): Lane {
    const key = `${length}:${prefix}`;
    let lane = this.lanes.get(key);
    if (!lane) this.lanes.set(key, (lane = { prefix, length, base: 0, rows: new Int32Array(0), count: 0, sparse: false }));
    return lane;
  }

  /** Moves a lane that turned out too sparse to the hash table, then adds `id` there. */
  private spill(lane: Lane, id: string, row: number): number {
    const digits = lane.length - lane.prefix.length;
    for (let k = 0; k < lane.rows.length; k++) {
      if (lane.rows[k] !== 0) this.hashed.add(lane.prefix + String(lane.base + k).padStart(digits, '0'), lane.rows[k]!);
    }
    lane.sparse = true;
    lane.rows = new Int32Array(0);
    return this.hashed.add(id, row);
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Widens the lane's array to hold `n`; false when the array would hold more than a few empty slots per id. */
function cover(lane: Lane, n: number): boolean {
  const lo = lane.rows.length === 0 ? n : Math.min(lane.base, n);
  const hi = lane.rows.length === 0 ? n + 1 : Math.max(lane.base + lane.rows.length, n + 1);
  const size = Math.max(2 * lane.rows.length, hi - lo, 1024);
  if (size > 8 * lane.count + 65_536) return false;
  // Room is added on the side the new number came from: ids arrive in order, up or down.
  const base = n < lane.base ? Math.max(0, hi - size) : lo;
  const rows = new Int32Array(size);
  if (lane.rows.length > 0) rows.set(lane.rows, lane.base - base);
  lane.base = base;
  lane.rows = rows;
  return true;
}

/**
 * Ids by two 32-bit hashes, with the row, in one array: a lookup touches one cache line. Two different ids share
 * both hashes with a chance of about n² / 2⁶⁵ (3 in 10⁸ for a million), and one of them would be taken for a repeat.
 */
class HashedIds {
  private mask = (1 << 10) - 1;
  private count = 0;
  /** Per slot: hash 1, hash 2, the row the id was first read at (0: an empty slot), unused. */
  private slots = new Int32Array((this.mask + 1) * 4);

  add(id: string, row: number): number {
    let a = 0x811c9dc5 | 0;
    let b = 0x9747b28c | 0;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    const { slots } = this;
    const k = find(slots, this.mask, a, b);
    if (slots[k + 2] !== 0) return slots[k + 2]!;
    slots[k] = a;
    slots[k + 1] = b;
    slots[k + 2] = row;
    if (++this.count * 2 > this.mask) this.grow();
    return 0;
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array((this.mask + 1) * 4);
    for (let j = 0; j < old.length; j += 4) {
      if (old[j + 2] === 0) continue;
      const k = find(this.slots, this.mask, old[j]!, old[j + 1]!);
      this.slots[k] = old[j]!;
      this.slots[k + 1] = old[j + 1]!;
      this.slots[k + 2] = old[j + 2]!;
    }
  }
}

/** The index of the slot holding hashes (a, b), or of the empty slot where they go. */
function find(slots: Int32Array, mask: number, a: number, b: number): number {
  // FNV's low bits barely change between ids that differ in their last characters: mixed first, or they cluster.
  let h = a ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  let i = (h ^ (h >>> 16)) & mask;
  while (slots[i * 4 + 2] !== 0 && (slots[i * 4] !== a || slots[i * 4 + 1] !== b)) i = (i + 1) & mask;
  return i * 4;
}
