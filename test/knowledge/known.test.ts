// Which keys Kafka reads per role and version; catalog lookups.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isKnownKey, keysOfRole, lookupKey, resolveKafkaVersion, rolesOfKey, docUrl, NEWEST_KAFKA_VERSION } from '../../server/src/engine/knowledge/index.js';
import type { Role } from '../../server/src/engine/model.js';

describe('isKnownKey', () => {
  const table: [string, Role, string, boolean][] = [
    ['acks', 'producer', '4.0', true],
    ['acks', 'consumer', '4.0', false],
    ['acks', 'client', '4.0', true],
    ['enable.idempotence', 'producer', '0.10.2', false],
    ['enable.idempotence', 'producer', '0.11.0', true],
    ['delivery.timeout.ms', 'producer', '2.0', false],
    ['delivery.timeout.ms', 'producer', '2.1', true],
    ['min.insync.replicas', 'broker', '3.9', true],
    ['min.insync.replica', 'broker', '3.9', false],
    ['min.insync.replicas', 'topic', '4.0', true],
    // ZooKeeper-mode broker keys are gone in 4.0 (40/generated/kafka_config.html).
    ['zookeeper.connect', 'broker', '3.9', true],
    ['zookeeper.connect', 'broker', '4.0', false],
    ['zookeeper.session.timeout.ms', 'broker', '4.0', false],
    ['broker.id.generation.enable', 'broker', '3.9', true],
    ['broker.id.generation.enable', 'broker', '4.0', false],
    ['reserved.broker.max.id', 'broker', '4.0', false],
    ['control.plane.listener.name', 'broker', '4.0', false],
    ['inter.broker.protocol.version', 'broker', '4.0', false],
    ['log.message.format.version', 'broker', '4.0', false],
    ['offsets.commit.required.acks', 'broker', '3.9', true],
    ['offsets.commit.required.acks', 'broker', '4.0', false],
    ['delegation.token.master.key', 'broker', '4.0', false],
    ['message.format.version', 'topic', '4.0', false],
    ['auto.include.jmx.reporter', 'producer', '3.9', true],
    ['auto.include.jmx.reporter', 'producer', '4.0', false],
    // First documented in 4.0.
    ['share.coordinator.state.topic.min.isr', 'broker', '3.9', false],
    ['share.coordinator.state.topic.min.isr', 'broker', '4.0', true],
    ['metadata.recovery.rebootstrap.trigger.ms', 'consumer', '4.0', true],
    ['node.id', 'broker', '4.0', true],
    ['process.roles', 'broker', '4.0', true],
    // Scala producer keys: documented for 0.8.x only.
    ['request.required.acks', 'producer', '0.8.2', true],
    ['request.required.acks', 'producer', '2.8', false],
    ['metadata.fetch.timeout.ms', 'producer', '0.10.2', true],
    ['metadata.fetch.timeout.ms', 'producer', '0.11.0', false],
    ['replica.lag.max.messages', 'broker', '0.8.2', true],
    ['replica.lag.max.messages', 'broker', '0.9.0', false],
    // Patch versions resolve to their release line; newer-than-known resolve to the newest.
    ['linger.ms', 'producer', '3.7.1', true],
    ['linger.ms', 'producer', '4.3', true],
  ];
  for (const [key, role, version, expected] of table) {
    it(`${key} (${role}) on ${version} -> ${expected}`, () => {
      assert.equal(isKnownKey(key, role, version), expected);
    });
  }

  it('accepts per-listener and per-mechanism broker keys', () => {
    assert.equal(isKnownKey('listener.name.internal.ssl.keystore.location', 'broker', '4.0'), true);
    assert.equal(isKnownKey('listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config', 'broker', '3.9'), true);
    assert.equal(isKnownKey('listener.name.sasl_ssl.plain.sasl.server.callback.handler.class', 'broker', '3.9'), true);
    assert.equal(isKnownKey('listener.name.sasl_ssl.oauthbearer.connections.max.reauth.ms', 'broker', '3.9'), true);
    assert.equal(isKnownKey('scram-sha-256.sasl.jaas.config', 'broker', '3.9'), true);
    assert.equal(isKnownKey('listener.name.internal.max.connections', 'broker', '3.9'), true);
    assert.equal(isKnownKey('listener.name.internal.no.such.key', 'broker', '3.9'), false);
    assert.equal(isKnownKey('plain.sasl.jaas.confg', 'broker', '3.9'), false);
  });

  it('accepts Kafka Streams client prefixes', () => {
    assert.equal(isKnownKey('producer.acks', 'streams', '4.0'), true);
    assert.equal(isKnownKey('main.consumer.max.poll.records', 'streams', '4.0'), true);
    assert.equal(isKnownKey('topic.min.insync.replicas', 'streams', '4.0'), true);
    assert.equal(isKnownKey('processing.guarantee', 'streams', '4.0'), true);
    assert.equal(isKnownKey('producer.ackz', 'streams', '4.0'), false);
  });

  it('accepts namespaced and plugin keys, and the Strimzi topic replication factor', () => {
    assert.equal(isKnownKey('spring:listener.ack-mode', 'consumer', '4.0'), true);
    assert.equal(isKnownKey('sarama:Producer.Return.Errors', 'producer', '4.0'), true);
    assert.equal(isKnownKey('schema.registry.url', 'producer', '4.0'), true);
    assert.equal(isKnownKey('super.users', 'broker', '4.0'), true);
    assert.equal(isKnownKey('replication.factor', 'topic', '4.0'), true);
  });
});

describe('catalog', () => {
  it('resolves versions to release folders', () => {
    assert.equal(NEWEST_KAFKA_VERSION, '4.0');
    assert.equal(resolveKafkaVersion('0.7'), -1);
    assert.ok(resolveKafkaVersion('2.8.1') === resolveKafkaVersion('2.8'));
    assert.ok(resolveKafkaVersion('0.10.2.1') === resolveKafkaVersion('0.10.2'));
    assert.ok(resolveKafkaVersion('9.9') === resolveKafkaVersion('4.0'));
  });

  it('looks up a key with its newest facts', () => {
    assert.deepEqual(lookupKey('acks', 'producer'), {
      key: 'acks',
      role: 'producer',
      type: 'string',
      defaultValue: 'all',
      validValues: '[all, -1, 0, 1]',
      importance: 'low',
      since: '0.8.1',
    });
    assert.equal(lookupKey('linger.ms', 'producer')?.defaultValue, '5');
    assert.equal(lookupKey('delivery.timeout.ms', 'producer')?.defaultValue, '120000');
    assert.equal(lookupKey('zookeeper.connect', 'broker')?.removedAfter, '3.9');
    assert.equal(lookupKey('flush.messages', 'topic')?.serverDefaultProperty, 'log.flush.interval.messages');
    assert.equal(lookupKey('acks', 'consumer'), undefined);
    assert.equal(lookupKey('enable.auto.commit', 'client')?.role, 'consumer');
    assert.equal(lookupKey('spring:listener.ack-mode', 'consumer')?.defaultValue, 'BATCH');
    assert.equal(lookupKey('auto.offset.reset', 'consumer')?.validValues, '[latest, earliest, none, by_duration:PnDTnHnMn.nS]');
  });

  it('lists the roles of a key', () => {
    assert.deepEqual(rolesOfKey('min.insync.replicas'), ['broker', 'topic']);
    assert.deepEqual(rolesOfKey('compression.type'), ['producer', 'broker', 'topic']);
    assert.deepEqual(rolesOfKey('no.such.key'), []);
  });

  it('lists keys per role and version', () => {
    const p39 = keysOfRole('producer', '3.9');
    const p40 = keysOfRole('producer', '4.0');
    assert.ok(p39.includes('auto.include.jmx.reporter') && !p40.includes('auto.include.jmx.reporter'));
    assert.equal(p40.length, 95);
    assert.equal(keysOfRole('broker', '4.0').length, 289);
  });

  it('links keys to the Kafka documentation', () => {
    assert.equal(docUrl('acks', 'producer'), 'https://kafka.apache.org/documentation/#producerconfigs_acks');
    assert.equal(docUrl('min.insync.replicas', 'topic'), 'https://kafka.apache.org/documentation/#topicconfigs_min.insync.replicas');
    assert.equal(docUrl('zookeeper.connect', 'broker'), 'https://kafka.apache.org/39/documentation.html#brokerconfigs_zookeeper.connect');
    assert.equal(docUrl('request.required.acks', 'producer'), 'https://kafka.apache.org/082/documentation.html#producerconfigs');
    assert.equal(docUrl('auto.commit.enable', 'consumer'), 'https://kafka.apache.org/20/documentation.html#oldconsumerconfigs');
  });
});
