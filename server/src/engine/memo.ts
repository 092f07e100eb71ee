// Remembered answers of pure functions that an editor asks again on every keystroke (catalog
// lookups, value checks, Spring name mapping): one mechanism for every process-wide cache, bounded,
// and keeping copies of the strings it stores, never views into a document (strings.ts).

import { detach } from './strings.js';

/**
 * A remembered answer per argument list, in nested maps: the arguments are strings the caller
 * already holds (setting keys, roles), whose hashes V8 keeps, so a hit builds no key string. A
 * miss computes from detached copies of the arguments and stores those: keys and answers must not
 * keep the document text they were cut from alive. Past `limit` answers it starts over, so typing
 * many distinct values does not grow memory.
 */
export class Memo<A extends unknown[], V> {
  private root = new Map<unknown, unknown>();
  private size = 0;
  constructor(
    private readonly compute: (...args: A) => V,
    private readonly limit = 8192,
  ) {}
  /** The leaf map for all arguments but the last, created with these arguments as keys. */
  private leaf(args: unknown[]): Map<unknown, V> {
    let m = this.root;
    for (let i = 0; i < args.length - 1; i++) {
      let n = m.get(args[i]) as Map<unknown, unknown> | undefined;
      if (!n) {
        n = new Map();
        m.set(args[i], n);
      }
      m = n;
    }
    return m as Map<unknown, V>;
  }
  get(...args: A): V;
  // (`arguments`, not a rest parameter: a hit then allocates nothing, and this runs for every
  // setting of every document on every lint)
  get(): V {
    const n = arguments.length;
    let m: Map<unknown, unknown> | undefined = this.root;
    for (let i = 0; i < n - 1 && m; i++) m = m.get(arguments[i]) as Map<unknown, unknown> | undefined;
    if (m) {
      const last = arguments[n - 1];
      const v = m.get(last);
      if (v !== undefined || m.has(last)) return v as V;
    }
    return this.miss(Array.prototype.slice.call(arguments) as A);
  }
  private miss(args: A): V {
    const own = args.map((a) => (typeof a === 'string' ? detach(a) : a)) as A;
    const r = this.compute(...own);
    if (++this.size > this.limit) {
      this.root = new Map();
      this.size = 1;
    }
    this.leaf(own).set(own[own.length - 1], r);
    return r;
  }
}
