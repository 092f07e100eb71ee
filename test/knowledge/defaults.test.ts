// Defaults per Kafka version and per client (facts.md §1, §6, §8, §11.1).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultFor, defaultHistory, librdkafkaDefault, springDefault } from '../../server/src/engine/knowledge/index.js';
import type { Client, Role } from '../../server/src/engine/model.js';

function javaDefault(key: string, role: Role, kafkaVersion: string, client: Client = 'java') {
  return defaultFor(key, role, client, { kafkaVersion });
}

describe('Java client / broker defaults per version', () => {
  const table: [string, Role, string, string | undefined][] = [
    ['acks', 'producer', '0.8.2', '1'],
    ['acks', 'producer', '2.8', '1'],
    ['acks', 'producer', '2.8.2', '1'],
    ['acks', 'producer', '3.0', 'all'],
    ['acks', 'producer', '4.0', 'all'],
    ['retries', 'producer', '2.0', '0'],
    ['retries', 'producer', '2.1', '2147483647'],
    ['retries', 'producer', '3.9', '2147483647'],
    ['enable.idempotence', 'producer', '0.11.0', 'false'],
    ['enable.idempotence', 'producer', '2.8', 'false'],
    ['enable.idempotence', 'producer', '3.0', 'true'],
    ['enable.idempotence', 'producer', '3.2', 'true'],
    ['enable.idempotence', 'producer', '0.10.2', undefined],
    ['unclean.leader.election.enable', 'broker', '0.8.2', 'true'],
    ['unclean.leader.election.enable', 'broker', '0.10', 'true'],
    ['unclean.leader.election.enable', 'broker', '0.10.2.1', 'true'],
    ['unclean.leader.election.enable', 'broker', '0.11', 'false'],
    ['unclean.leader.election.enable', 'broker', '0.11.0', 'false'],
    ['unclean.leader.election.enable', 'topic', '0.10.1', 'true'],
    ['unclean.leader.election.enable', 'topic', '3.9', 'false'],
    ['linger.ms', 'producer', '3.9', '0'],
    ['linger.ms', 'producer', '4.0', '5'],
    ['linger.ms', 'producer', '4.2', '5'],
    ['delivery.timeout.ms', 'producer', '2.0', undefined],
    ['delivery.timeout.ms', 'producer', '2.1', '120000'],
    ['delivery.timeout.ms', 'producer', '3.7', '120000'],
    ['replica.lag.time.max.ms', 'broker', '2.4', '10000'],
    ['replica.lag.time.max.ms', 'broker', '2.5', '30000'],
    ['offsets.retention.minutes', 'broker', '1.1', '1440'],
    ['offsets.retention.minutes', 'broker', '2.0', '10080'],
    ['group.id', 'consumer', '2.1', ''],
    ['group.id', 'consumer', '2.2', undefined],
    ['min.insync.replicas', 'broker', '4.0', '1'],
    ['min.insync.replicas', 'topic', '0.8.2', '1'],
    ['default.replication.factor', 'broker', '4.0', '1'],
    ['offsets.topic.replication.factor', 'broker', '4.0', '3'],
    ['transaction.state.log.min.isr', 'broker', '4.0', '2'],
    ['auto.offset.reset', 'consumer', '4.0', 'latest'],
    ['enable.auto.commit', 'consumer', '4.0', 'true'],
    ['isolation.level', 'consumer', '4.0', 'read_uncommitted'],
    ['log.flush.interval.messages', 'broker', '0.8.0', '10000'],
    ['log.flush.interval.messages', 'broker', '0.8.1', undefined],
    ['log.flush.interval.messages', 'broker', '3.9', '9223372036854775807'],
    ['log.flush.interval.ms', 'broker', '3.9', undefined],
    ['offsets.commit.required.acks', 'broker', '3.9', '-1'],
    ['offsets.commit.required.acks', 'broker', '4.0', undefined],
    // Keys without a per-version history are only known for the newest tables.
    ['num.recovery.threads.per.data.dir', 'broker', '3.9', '1'],
    ['num.recovery.threads.per.data.dir', 'broker', '4.0', '2'],
    ['num.recovery.threads.per.data.dir', 'broker', '3.5', undefined],
  ];
  for (const [key, role, version, expected] of table) {
    it(`${key} (${role}) on ${version} -> ${expected === undefined ? 'unknown' : JSON.stringify(expected)}`, () => {
      const d = javaDefault(key, role, version);
      assert.equal(d?.value, expected);
      if (d) assert.equal(d.source, `Kafka ${version} default`);
    });
  }

  it('3.0.0 and 3.1.0 do not apply the documented idempotence default (KAFKA-13598)', () => {
    for (const v of ['3.0.0', '3.1.0']) {
      const d = javaDefault('enable.idempotence', 'producer', v);
      assert.equal(d?.value, 'false');
      assert.match(d!.source, /KAFKA-13598/);
    }
    assert.equal(javaDefault('enable.idempotence', 'producer', '3.0.1')?.value, 'true');
    assert.equal(javaDefault('enable.idempotence', 'producer', '3.1.1')?.value, 'true');
  });

  it('a shared client config takes the producer, then consumer, then admin default', () => {
    assert.equal(javaDefault('acks', 'client', '2.8')?.value, '1');
    assert.equal(javaDefault('enable.auto.commit', 'client', '3.9')?.value, 'true');
  });

  it('the broker client reads the same tables', () => {
    assert.equal(javaDefault('min.insync.replicas', 'broker', '3.9', 'broker')?.value, '1');
  });

  it('has no default before 0.8.0 or for unknown keys', () => {
    assert.equal(javaDefault('acks', 'producer', '0.7'), undefined);
    assert.equal(javaDefault('no.such.key', 'producer', '4.0'), undefined);
  });

  it('exposes the default history of changed keys', () => {
    assert.deepEqual(defaultHistory('acks', 'producer'), [
      ['0.8.2', '1'],
      ['3.0', 'all'],
    ]);
    assert.deepEqual(defaultHistory('linger.ms', 'producer'), [
      ['0.8.2', '0'],
      ['4.0', '5'],
    ]);
    assert.equal(defaultHistory('ssl.protocol', 'producer'), undefined);
  });
});

describe('other clients', () => {
  it('librdkafka defaults (facts §11.1)', () => {
    const d = (key: string) => defaultFor(key, 'producer', 'librdkafka', { kafkaVersion: '4.0' });
    assert.deepEqual(d('acks'), { value: 'all', source: 'librdkafka default' });
    assert.equal(d('request.required.acks')?.value, 'all');
    assert.equal(d('linger.ms')?.value, '5');
    assert.equal(d('queue.buffering.max.ms')?.value, '5');
    assert.equal(d('enable.idempotence')?.value, 'false');
    assert.equal(d('isolation.level')?.value, 'read_committed');
    assert.equal(d('enable.auto.offset.store')?.value, 'true');
    assert.equal(d('auto.offset.reset')?.value, 'latest');
    assert.equal(librdkafkaDefault('no.such.key'), undefined);
  });

  it('sarama defaults come from the sarama module', () => {
    const d = defaultFor('acks', 'producer', 'sarama', { kafkaVersion: '4.0' });
    assert.equal(d?.value, '1');
    assert.match(d!.source, /sarama/);
    assert.match(defaultFor('acks', 'producer', 'sarama', { kafkaVersion: '4.0', saramaVersion: '1.43.2' })!.source, /1\.43\.2/);
  });

  it('spring-kafka defaults are separate from the Kafka client defaults', () => {
    assert.deepEqual(springDefault('enable.auto.commit'), { value: 'false', source: 'spring-kafka default' });
    assert.deepEqual(springDefault('spring:listener.ack-mode'), { value: 'BATCH', source: 'spring-kafka default' });
    assert.equal(springDefault('acks'), undefined);
    // defaultFor keeps the Kafka client's own default.
    assert.equal(defaultFor('enable.auto.commit', 'consumer', 'java', { kafkaVersion: '4.0' })?.value, 'true');
  });
});
