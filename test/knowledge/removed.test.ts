// Keys the Java client or broker no longer reads (RULES.md removed-key; facts §2.12, §3, §4.4).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { removedKey } from '../../server/src/engine/knowledge/index.js';
import type { Role } from '../../server/src/engine/model.js';

describe('removedKey', () => {
  const listed: [string, Role, string, string | undefined][] = [
    ['producer.type', 'producer', '2.0', undefined],
    ['request.required.acks', 'producer', '2.0', 'acks'],
    ['queue.buffering.max.ms', 'producer', '2.0', 'linger.ms'],
    ['queue.buffering.max.messages', 'producer', '2.0', undefined],
    ['queue.enqueue.timeout.ms', 'producer', '2.0', undefined],
    ['batch.num.messages', 'producer', '2.0', undefined],
    ['message.send.max.retries', 'producer', '2.0', 'retries'],
    ['metadata.fetch.timeout.ms', 'producer', '0.11.0', undefined],
    ['block.on.buffer.full', 'producer', '0.11.0', undefined],
    ['timeout.ms', 'producer', '0.11.0', undefined],
    ['replica.lag.max.messages', 'broker', '0.9.0', undefined],
  ];
  for (const [key, role, removedIn, successor] of listed) {
    it(`${key} (${role}): removed in ${removedIn}${successor ? `, successor ${successor}` : ''}`, () => {
      const r = removedKey(key, role);
      assert.ok(r, 'expected an entry');
      assert.equal(r.key, key);
      assert.equal(r.removedIn, removedIn);
      assert.equal(r.successor, successor);
      assert.ok(r.note.en.length > 10 && r.note.zh.length > 5);
      if (successor) assert.ok(r.note.en.includes(successor) && r.note.zh.includes(successor), 'the note names what replaces it');
    });
  }

  it('knows the Scala-producer keys are ignored by every Java client version', () => {
    const r = removedKey('request.required.acks', 'producer', { kafkaVersion: '1.0' });
    assert.equal(r?.javaClientIgnores, true);
    assert.equal(removedKey('request.required.acks', 'client')?.successor, 'acks');
  });

  it('filters by version when asked', () => {
    assert.equal(removedKey('zookeeper.connect', 'broker', { kafkaVersion: '3.9' }), undefined);
    assert.equal(removedKey('zookeeper.connect', 'broker', { kafkaVersion: '4.0' })?.removedIn, '4.0');
    assert.equal(removedKey('metadata.fetch.timeout.ms', 'producer', { kafkaVersion: '0.10.2' }), undefined);
    assert.equal(removedKey('metadata.fetch.timeout.ms', 'producer', { kafkaVersion: '0.11.0' })?.removedIn, '0.11.0');
  });

  it('covers other removals from the documentation', () => {
    assert.equal(removedKey('offsets.commit.required.acks', 'broker')?.removedIn, '4.0');
    assert.equal(removedKey('delegation.token.master.key', 'broker')?.successor, 'delegation.token.secret.key');
    assert.equal(removedKey('auto.commit.enable', 'consumer')?.successor, 'enable.auto.commit');
    assert.equal(removedKey('metadata.broker.list', 'producer')?.successor, 'bootstrap.servers');
    assert.equal(removedKey('host.name', 'broker')?.removedIn, '3.0');
    assert.equal(removedKey('message.format.version', 'topic')?.removedIn, '4.0');
    assert.equal(removedKey('auto.include.jmx.reporter', 'consumer')?.removedIn, '4.0');
    assert.match(removedKey('zookeeper.connect', 'broker')!.note.en, /KRaft/);
  });

  it('is undefined for current keys, unknown keys and non-Java clients', () => {
    assert.equal(removedKey('acks', 'producer'), undefined);
    assert.equal(removedKey('no.such.key', 'producer'), undefined);
    assert.equal(removedKey('retry.backoff.ms', 'producer'), undefined);
    // librdkafka still uses the Scala-era names (facts §11.1).
    assert.equal(removedKey('request.required.acks', 'producer', { client: 'librdkafka' }), undefined);
    assert.equal(removedKey('queue.buffering.max.ms', 'producer', { client: 'librdkafka' }), undefined);
    // A shared client config: a name another client still reads is not removed.
    assert.equal(removedKey('client.id', 'client'), undefined);
  });
});
