// Value checks from the catalog types and valid values.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkValue } from '../../server/src/engine/knowledge/index.js';
import type { Role } from '../../server/src/engine/model.js';

type Row = [string, Role, string, string | undefined];

function ok(rows: Row[]) {
  for (const [key, role, value, version] of rows) {
    it(`${key}=${JSON.stringify(value)} (${role}${version ? `, ${version}` : ''}) is valid`, () => {
      assert.equal(checkValue(key, role, value, version), undefined);
    });
  }
}

function bad(rows: [...Row, string[] | undefined][]) {
  for (const [key, role, value, version, allowed] of rows) {
    it(`${key}=${JSON.stringify(value)} (${role}${version ? `, ${version}` : ''}) is invalid`, () => {
      const p = checkValue(key, role, value, version);
      assert.ok(p, 'expected a problem');
      assert.ok(p.reason.en.length > 10 && p.reason.zh.length > 5);
      // (The ack mode is named by what it is: Spring Boot and the Kafka binder each have a property for it.)
      assert.ok(p.reason.en.includes(key.replace(/^spring:/, 'spring.kafka.')) || p.reason.en.includes('by_duration') || (key === 'spring:listener.ack-mode' && p.reason.en.includes('ack mode')));
      assert.deepEqual(p.allowed, allowed);
    });
  }
}

describe('checkValue: valid values', () => {
  ok([
    ['acks', 'producer', 'all', undefined],
    ['acks', 'producer', '-1', undefined],
    ['acks', 'producer', ' 1 ', undefined],
    ['acks', 'client', '0', undefined],
    ['enable.auto.commit', 'consumer', 'TRUE', undefined],
    ['enable.auto.commit', 'consumer', 'False', undefined],
    ['linger.ms', 'producer', '0', undefined],
    ['retries', 'producer', '2147483647', undefined],
    ['retries', 'producer', '+3', undefined],
    ['min.insync.replicas', 'broker', '2', undefined],
    ['auto.offset.reset', 'consumer', 'earliest', undefined],
    ['auto.offset.reset', 'consumer', 'by_duration:P1D', undefined],
    ['auto.offset.reset', 'consumer', 'by_duration:PT6H30M', '4.0'],
    ['isolation.level', 'consumer', 'read_committed', undefined],
    ['compression.type', 'producer', 'zstd', undefined],
    ['compression.type', 'topic', 'producer', undefined],
    ['cleanup.policy', 'topic', 'compact,delete', undefined],
    ['cleanup.policy', 'topic', 'compact, delete', undefined],
    ['security.protocol', 'producer', 'sasl_ssl', undefined],
    ['compression.gzip.level', 'producer', '-1', undefined],
    ['log.cleaner.min.cleanable.ratio', 'broker', '0.5', undefined],
    ['log.segment.bytes', 'broker', '100000', '3.9'],
    ['spring:listener.ack-mode', 'consumer', 'MANUAL_IMMEDIATE', undefined],
    ['spring:listener.ack-mode', 'consumer', 'manual-immediate', undefined],
    ['spring:listener.ack-mode', 'consumer', 'count_time', undefined],
    // Types we cannot judge: never guessed.
    ['ssl.keystore.password', 'producer', 'anything', undefined],
    ['key.serializer', 'producer', 'not.a.Class', undefined],
    ['bootstrap.servers', 'producer', 'host:9092', undefined],
    ['no.such.key', 'producer', 'whatever', undefined],
    ['request.required.acks', 'producer', 'whatever', undefined],
    ['inter.broker.protocol.version', 'broker', '3.9', undefined],
  ]);
});

describe('checkValue: invalid values', () => {
  bad([
    ['acks', 'producer', '2', undefined, ['all', '-1', '0', '1']],
    ['acks', 'producer', 'ALL', undefined, ['all', '-1', '0', '1']],
    ['enable.auto.commit', 'consumer', 'yes', undefined, ['true', 'false']],
    ['enable.idempotence', 'producer', '', undefined, ['true', 'false']],
    ['auto.offset.reset', 'consumer', 'smallest', undefined, ['latest', 'earliest', 'none']],
    ['auto.offset.reset', 'consumer', 'Earliest', undefined, ['latest', 'earliest', 'none']],
    ['auto.offset.reset', 'consumer', 'by_duration:P1D', '3.9', ['latest', 'earliest', 'none']],
    ['auto.offset.reset', 'consumer', 'by_duration:-P1D', undefined, undefined],
    ['auto.offset.reset', 'consumer', 'by_duration:1d', undefined, undefined],
    ['isolation.level', 'consumer', 'read-committed', undefined, ['read_committed', 'read_uncommitted']],
    ['compression.type', 'producer', 'lz5', undefined, ['none', 'gzip', 'snappy', 'lz4', 'zstd']],
    ['cleanup.policy', 'topic', 'compact,remove', undefined, ['compact', 'delete']],
    ['min.insync.replicas', 'broker', '0', undefined, undefined],
    ['linger.ms', 'producer', '-1', undefined, undefined],
    ['retries', 'producer', '9999999999', undefined, undefined],
    ['retries', 'producer', 'three', undefined, undefined],
    ['request.timeout.ms', 'producer', '30000.5', undefined, undefined],
    ['compression.gzip.level', 'producer', '0', undefined, undefined],
    ['log.segment.bytes', 'broker', '100000', '4.0', undefined],
    ['transactional.id', 'producer', '', undefined, undefined],
    ['spring:listener.ack-mode', 'consumer', 'MANUAL_ACK', undefined, ['RECORD', 'BATCH', 'TIME', 'COUNT', 'COUNT_TIME', 'MANUAL', 'MANUAL_IMMEDIATE']],
  ]);

  it('rejects unit suffixes Kafka cannot parse and offers the plain number', () => {
    const p = checkValue('linger.ms', 'producer', '5s');
    assert.ok(p);
    assert.equal(p.suggestion, '5000');
    assert.match(p.reason.en, /5s/);
    assert.equal(checkValue('buffer.memory', 'producer', '32MB')?.suggestion, '33554432');
    assert.equal(checkValue('delivery.timeout.ms', 'producer', '2m')?.suggestion, '120000');
    const noUnit = checkValue('retries', 'producer', '3x');
    assert.ok(noUnit && noUnit.suggestion === undefined);
  });

  it('says when only the case is wrong', () => {
    assert.match(checkValue('acks', 'producer', 'ALL')!.reason.en, /case-sensitive/);
  });
});
