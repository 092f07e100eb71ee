// The process-wide answer cache (engine/memo.ts): one answer per argument list, computed once,
// undefined answers included, and bounded.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Memo } from '../../server/src/engine/memo.js';

describe('Memo', () => {
  it('computes once per argument list, telling lists that share a prefix apart', () => {
    const calls: string[] = [];
    const memo = new Memo((a: string, b: string, c: number) => {
      calls.push(`${a}|${b}|${c}`);
      return `${a}-${b}-${c}`;
    });
    assert.equal(memo.get('acks', 'producer', 1), 'acks-producer-1');
    assert.equal(memo.get('acks', 'producer', 2), 'acks-producer-2');
    assert.equal(memo.get('acks', 'consumer', 1), 'acks-consumer-1');
    assert.equal(memo.get('acks', 'producer', 1), 'acks-producer-1');
    // A key cut from a longer text (a view) finds the answer stored for an equal string.
    const text = 'spring.kafka.producer.acks';
    assert.equal(memo.get(text.slice(22), 'producer', 2), 'acks-producer-2');
    assert.deepEqual(calls, ['acks|producer|1', 'acks|producer|2', 'acks|consumer|1']);
  });

  it('remembers undefined answers and single arguments', () => {
    let calls = 0;
    const memo = new Memo((k: string) => {
      calls++;
      return k.startsWith('x') ? undefined : k.length;
    });
    assert.equal(memo.get('xyz'), undefined);
    assert.equal(memo.get('xyz'), undefined);
    assert.equal(memo.get('acks'), 4);
    assert.equal(memo.get('acks'), 4);
    assert.equal(calls, 2);
  });

  it('tells apart argument lists of two and four arguments at every position', () => {
    let calls = 0;
    const two = new Memo((a: string, b: string) => `${a}/${b}/${++calls}`);
    assert.equal(two.get('a', 'b'), 'a/b/1');
    assert.equal(two.get('a', 'c'), 'a/c/2');
    assert.equal(two.get('b', 'b'), 'b/b/3');
    assert.equal(two.get('a', 'b'), 'a/b/1');
    const four = new Memo((a: string, b: string, c: string | undefined, d: string) => [a, b, c, d, ++calls].join('|'));
    const first = four.get('k', 'producer', undefined, 'v');
    for (const args of [
      ['x', 'producer', undefined, 'v'],
      ['k', 'consumer', undefined, 'v'],
      ['k', 'producer', '3.9', 'v'],
      ['k', 'producer', undefined, 'w'],
    ] as const) {
      assert.notEqual(four.get(args[0], args[1], args[2], args[3]), first, args.join(','));
    }
    assert.equal(four.get('k', 'producer', undefined, 'v'), first);
    assert.equal(calls, 8);
  });

  it('takes functions of one to four parameters only', () => {
    // (The types allow one to four; a function that says otherwise at run time is refused.)
    assert.throws(() => new Memo((() => 1) as unknown as (a: number) => number), /0 arguments/);
    assert.throws(() => new Memo(((a: number, b: number, c: number, d: number, e: number) => a + b + c + d + e) as unknown as (a: number) => number), /5 arguments/);
  });

  it('starts over past its limit', () => {
    let calls = 0;
    const memo = new Memo((k: number) => ++calls + k * 0, 3);
    for (const k of [1, 2, 3]) memo.get(k);
    assert.equal(memo.get(1), 1, 'kept while under the limit');
    memo.get(4); // the fourth answer: the cache starts over with it
    assert.equal(calls, 4);
    assert.equal(memo.get(4), 4, 'the answer that started over is kept');
    assert.equal(memo.get(1), 5, 'earlier answers are computed again');
  });
});
