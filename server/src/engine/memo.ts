// Remembered answers of pure functions that an editor asks again on every keystroke (catalog
// lookups, value checks, Spring name mapping): one mechanism for every process-wide cache, bounded,
// and keeping copies of the strings it stores, never views into a document (strings.ts).

import { keep } from './strings.js';

/** The argument lists a Memo takes: one to four arguments. */
type Args = [unknown] | [unknown, unknown] | [unknown, unknown, unknown] | [unknown, unknown, unknown, unknown];

/**
 * A remembered answer per argument list (one to four arguments), in nested maps: the arguments are
 * strings the caller already holds (setting keys, roles), whose hashes V8 keeps, so a hit builds
 * no key string. A miss computes from copies of the arguments that keep no document text alive
 * and stores those (`keep`: the interned copy of a short string, so a hit on an interned setting
 * key compares by identity, not character by character). Past `limit` answers it
 * starts over, so typing many distinct values does not grow memory.
 */
export class Memo<A extends Args, V> {
  private root = new Map<unknown, unknown>();
  private size = 0;
  /** How many arguments `compute` takes (its declared parameters). */
  private readonly arity: number;
  constructor(
    private readonly compute: (...args: A) => V,
    private readonly limit = 8192,
  ) {
    this.arity = compute.length;
    if (this.arity < 1 || this.arity > 4) throw new Error(`Memo: ${this.arity} arguments (1 to 4 supported)`);
  }
  get(...args: A): V;
  // Fixed parameters, neither a rest parameter nor `arguments`: this runs for every setting of
  // every document on every lint, and the first lint of a large file runs before V8's optimizing
  // compiler has compiled it, where either would allocate an object per call.
  get(a?: unknown, b?: unknown, c?: unknown, d?: unknown): V {
    const n = this.arity;
    let m: Map<unknown, unknown> | undefined = this.root;
    let last = a;
    if (n > 1) {
      m = m.get(a) as Map<unknown, unknown> | undefined;
      last = b;
      if (m && n > 2) {
        m = m.get(b) as Map<unknown, unknown> | undefined;
        last = c;
        if (m && n > 3) {
          m = m.get(c) as Map<unknown, unknown> | undefined;
          last = d;
        }
      }
    }
    if (m) {
      const v = m.get(last);
      if (v !== undefined || m.has(last)) return v as V;
    }
    return this.miss((n === 1 ? [a] : n === 2 ? [a, b] : n === 3 ? [a, b, c] : [a, b, c, d]) as A);
  }
  private miss(args: A): V {
    const own = args.map((a) => (typeof a === 'string' ? keep(a) : a)) as A;
    const r = this.compute(...own);
    if (++this.size > this.limit) {
      this.root = new Map();
      this.size = 1;
    }
    let m = this.root;
    for (let i = 0; i < own.length - 1; i++) {
      let next = m.get(own[i]) as Map<unknown, unknown> | undefined;
      if (!next) m.set(own[i], (next = new Map()));
      m = next;
    }
    m.set(own[own.length - 1], r);
    return r;
  }
}
