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
