// The server's V8 tuning (server/src/serverProcess.ts): the process's first large read runs
// without the optimizing compiler, and the compiler is back for everything after it.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import { largeRead } from '../../server/src/serverProcess.js';

// V8's %GetOptimizationStatus, compiled while natives syntax is allowed (the flag goes back at once).
v8.setFlagsFromString('--allow-natives-syntax');
const status = new Function('f', 'return %GetOptimizationStatus(f)') as (f: unknown) => number;
v8.setFlagsFromString('--no-allow-natives-syntax');
/** V8's OptimizationStatus bit for a function running optimized code. */
const OPTIMIZED = 1 << 4;

/** A fresh hot function, and whether it got optimized while called for up to `ms`. */
function optimizedWithin(ms: number): boolean {
  const f = new Function('a', 'let s = 0; for (let i = 0; i < a.length; i++) s += a.charCodeAt(i); return s;') as (a: string) => number;
  const t0 = Date.now();
  let sum = 0;
  while (Date.now() - t0 < ms) {
    for (let k = 0; k < 20_000; k++) sum += f('abcdefgh');
    if (status(f) & OPTIMIZED) return true;
  }
  assert.ok(sum > 0);
  return false;
}

describe('server V8 tuning: the first large read', () => {
  it('runs without the optimizing compiler; later reads and the code after them optimize', () => {
    assert.equal(
      largeRead(() => optimizedWithin(400)),
      false,
      'a hot function stays unoptimized during the first large read',
    );
    assert.equal(largeRead(() => optimizedWithin(5000)), true, 'the second large read optimizes');
    assert.equal(optimizedWithin(5000), true, 'code outside the reads optimizes');
  });
});
