// "Did you mean": Damerau–Levenshtein plus dot-segment heuristics.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, suggestKeys } from '../../server/src/engine/knowledge/index.js';
import type { Role } from '../../server/src/engine/model.js';

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    assert.equal(editDistance('acks', 'akcs'), 1);
    assert.equal(editDistance('acks', 'acks'), 0);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });
});

describe('suggestKeys', () => {
  const first: [string, Role, string][] = [
    ['min.insync.replica', 'broker', 'min.insync.replicas'],
    ['min.insync.replica', 'topic', 'min.insync.replicas'],
    ['enable.idempotance', 'producer', 'enable.idempotence'],
    ['ENABLE_IDEMPOTENCE', 'producer', 'enable.idempotence'],
    ['min-insync-replicas', 'broker', 'min.insync.replicas'],
    ['insync.min.replicas', 'broker', 'min.insync.replicas'],
    ['ack', 'producer', 'acks'],
    ['akcs', 'producer', 'acks'],
    ['auto.ofset.reset', 'consumer', 'auto.offset.reset'],
    ['max.in.flight.request.per.connection', 'producer', 'max.in.flight.requests.per.connection'],
    ['max.in.flight.requests', 'producer', 'max.in.flight.requests.per.connection'],
    ['unclean.leader.election', 'broker', 'unclean.leader.election.enable'],
    ['enable.auto.comit', 'client', 'enable.auto.commit'],
    ['transactional.ids', 'producer', 'transactional.id'],
  ];
  for (const [written, role, expected] of first) {
    it(`${written} (${role}) -> ${expected}`, () => {
      assert.equal(suggestKeys(written, role)[0], expected);
    });
  }

  it('returns nothing for a known key or a far one', () => {
    assert.deepEqual(suggestKeys('acks', 'producer'), []);
    assert.deepEqual(suggestKeys('totally.unrelated.thing', 'producer'), []);
    assert.deepEqual(suggestKeys('foo.bar', 'producer'), []);
    assert.deepEqual(suggestKeys('', 'producer'), []);
  });

  it('only suggests keys of the role, at most five', () => {
    assert.ok(!suggestKeys('ack', 'consumer').includes('acks'));
    for (const k of ['sasl.login', 'ssl.key', 'log.flush']) assert.ok(suggestKeys(k, 'broker').length <= 5);
  });

  it('does not suggest keys removed before 3.9', () => {
    assert.ok(!suggestKeys('request.required.ack', 'producer').includes('request.required.acks'));
  });
});
