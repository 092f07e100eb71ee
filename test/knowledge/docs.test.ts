// Hover documentation: every rich doc is complete in both languages and links somewhere.

import { isKnownScstProperty } from '../../server/src/engine/knowledge/scst.js';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CONCEPT_NAMES, SARAMA_DOC_NAMES, conceptDoc, keyDoc, richKeyDocs, saramaDoc, type HoverDoc } from '../../server/src/engine/knowledge/docs.js';
import { RICH_KEY_DOCS } from '../../server/src/engine/knowledge/docsKeys.js';
import { SARAMA_DOCS } from '../../server/src/engine/knowledge/docsSarama.js';
import { keysOfRole, lookupKey } from '../../server/src/engine/knowledge/index.js';
import type { Role } from '../../server/src/engine/model.js';

const HAN = /[\u4e00-\u9fff]/;

function assertComplete(doc: HoverDoc | undefined, what: string) {
  assert.ok(doc, `${what}: no doc`);
  assert.ok(doc.title.trim(), `${what}: title`);
  for (const part of [doc.summary, doc.body]) {
    assert.ok(part.en.trim().length > 10, `${what}: English text`);
    assert.ok(part.zh.trim().length > 5, `${what}: Chinese text`);
    assert.ok(HAN.test(part.zh), `${what}: the zh text is Chinese`);
  }
  assert.match(doc.url, /^https:\/\/(kafka\.apache\.org\/|cwiki\.apache\.org\/|docs\.spring\.io\/|pkg\.go\.dev\/)/, `${what}: url`);
}

// The loss-relevant keys the brief names (facts.md §1–§7).
const REQUIRED: [string, Role][] = [
  ['acks', 'producer'],
  ['enable.idempotence', 'producer'],
  ['retries', 'producer'],
  ['delivery.timeout.ms', 'producer'],
  ['request.timeout.ms', 'producer'],
  ['max.block.ms', 'producer'],
  ['buffer.memory', 'producer'],
  ['batch.size', 'producer'],
  ['linger.ms', 'producer'],
  ['max.in.flight.requests.per.connection', 'producer'],
  ['retry.backoff.ms', 'producer'],
  ['transactional.id', 'producer'],
  ['enable.auto.commit', 'consumer'],
  ['auto.commit.interval.ms', 'consumer'],
  ['auto.offset.reset', 'consumer'],
  ['isolation.level', 'consumer'],
  ['group.id', 'consumer'],
  ['min.insync.replicas', 'broker'],
  ['min.insync.replicas', 'topic'],
  ['default.replication.factor', 'broker'],
  ['offsets.topic.replication.factor', 'broker'],
  ['transaction.state.log.replication.factor', 'broker'],
  ['transaction.state.log.min.isr', 'broker'],
  ['unclean.leader.election.enable', 'broker'],
  ['unclean.leader.election.enable', 'topic'],
  ['log.flush.interval.messages', 'broker'],
  ['log.flush.interval.ms', 'broker'],
  ['flush.messages', 'topic'],
  ['flush.ms', 'topic'],
  ['auto.create.topics.enable', 'broker'],
  ['replica.lag.time.max.ms', 'broker'],
  ['offsets.retention.minutes', 'broker'],
  ['spring:listener.ack-mode', 'consumer'],
];

describe('rich key docs', () => {
  for (const [key, role] of REQUIRED) {
    it(`${key} (${role}) has a complete rich doc`, () => {
      assert.ok(richKeyDocs().some((d) => d.key === key && d.roles.includes(role)), 'listed as rich');
      const doc = keyDoc(key, role);
      assertComplete(doc, key);
      for (const heading of ['**Meaning.**', '**Safe value.**', '**Trade-off.**', '**Loss scenario.**']) assert.ok(doc!.body.en.includes(heading), heading);
      for (const heading of ['**含义。**', '**安全取值。**', '**代价。**', '**丢失场景。**']) assert.ok(doc!.body.zh.includes(heading), heading);
    });
  }

  it('every rich entry has every field in both languages', () => {
    for (const d of RICH_KEY_DOCS) {
      for (const f of [d.summary, d.meaning, d.safeText, d.tradeoff, d.loss]) {
        assert.ok(f.en.trim() && f.zh.trim() && HAN.test(f.zh), `${d.key}`);
      }
      // (Kafka binder properties are the binder's, not Kafka's: knowledge/scst.ts knows them.)
      const binder = d.key === 'scst:group' || isKnownScstProperty(d.key);
      for (const r of d.roles) assert.ok(lookupKey(d.key, r) || d.key === 'replication.factor' || binder, `${d.key} is a ${r} key`);
    }
  });

  it('links Kafka keys to their documentation anchor', () => {
    assert.equal(keyDoc('acks', 'producer')!.url, 'https://kafka.apache.org/documentation/#producerconfigs_acks');
    assert.equal(keyDoc('min.insync.replicas', 'broker')!.url, 'https://kafka.apache.org/documentation/#brokerconfigs_min.insync.replicas');
    assert.equal(keyDoc('min.insync.replicas', 'topic')!.url, 'https://kafka.apache.org/documentation/#topicconfigs_min.insync.replicas');
    assert.equal(keyDoc('enable.auto.commit', 'consumer')!.url, 'https://kafka.apache.org/documentation/#consumerconfigs_enable.auto.commit');
    assert.equal(keyDoc('spring:listener.ack-mode', 'consumer')!.title, 'spring.kafka.listener.ack-mode');
  });

  it('names the safe value and shows how the default changed', () => {
    assert.equal(keyDoc('acks', 'producer')!.safe, 'all');
    assert.equal(keyDoc('unclean.leader.election.enable', 'broker')!.safe, 'false');
    assert.match(keyDoc('acks', 'producer')!.body.en, /Default by version: 0\.8\.2 `1` → 3\.0 `all`/);
    assert.match(keyDoc('linger.ms', 'producer')!.body.zh, /4\.0 `5`/);
  });
});

describe('generated key docs', () => {
  it('documents every other catalog key honestly', () => {
    for (const role of ['producer', 'consumer', 'broker', 'topic', 'admin', 'streams'] as Role[]) {
      for (const key of keysOfRole(role)) {
        const doc = keyDoc(key, role);
        assertComplete(doc, `${key} (${role})`);
      }
    }
    const g = keyDoc('num.partitions', 'broker')!;
    assert.match(g.body.en, /type `int` · default `1` · valid `\[1,\.\.\.\]` · since Kafka 0\.8\.0/);
  });

  it('says when a key is no longer read', () => {
    assert.match(keyDoc('zookeeper.connect', 'broker')!.summary.en, /no longer read since Kafka 4\.0/);
    assert.match(keyDoc('request.required.acks', 'producer')!.summary.en, /old Scala producer/);
  });

  it('has nothing for unknown keys', () => {
    assert.equal(keyDoc('no.such.key', 'producer'), undefined);
  });
});

describe('concept docs', () => {
  it('covers acks, ISR, min ISR, flush, offset commit and idempotence', () => {
    assert.deepEqual([...CONCEPT_NAMES], ['acks', 'isr', 'min-isr', 'flush', 'offset-commit', 'idempotence']);
    for (const n of CONCEPT_NAMES) assertComplete(conceptDoc(n), n);
  });

  it('accepts aliases', () => {
    assert.equal(conceptDoc('ISR')!.url, 'https://kafka.apache.org/documentation/#replication');
    assert.equal(conceptDoc('min ISR')!.url, 'https://kafka.apache.org/documentation/#design_ha');
    assert.equal(conceptDoc('Offset Commit')!.url, 'https://kafka.apache.org/documentation/#design_consumerposition');
    assert.equal(conceptDoc('nope'), undefined);
  });
});

describe('sarama docs', () => {
  const fields = [
    'Producer.RequiredAcks',
    'Producer.Retry.Max',
    'Producer.Idempotent',
    'Net.MaxOpenRequests',
    'Producer.Return.Errors',
    'Producer.Return.Successes',
    'Consumer.Offsets.Initial',
    'Consumer.Offsets.AutoCommit.Enable',
    'Consumer.Offsets.AutoCommit.Interval',
    'Version',
    'Producer.Transaction.ID',
    'Consumer.IsolationLevel',
  ];
  const constants = ['NoResponse', 'WaitForLocal', 'WaitForAll', 'OffsetNewest', 'OffsetOldest', 'ReadUncommitted', 'ReadCommitted'];

  it('documents every mapped field with its NewConfig default', () => {
    for (const f of fields) {
      const doc = saramaDoc(f);
      assertComplete(doc, f);
      assert.match(doc!.body.en, /Default in sarama\.NewConfig\(\)/);
    }
    assert.match(saramaDoc('Producer.RequiredAcks')!.body.en, /`WaitForLocal`/);
    assert.match(saramaDoc('Consumer.Offsets.AutoCommit.Interval')!.body.en, /1 \* time\.Second/);
  });

  it('documents the constants', () => {
    for (const c of constants) assertComplete(saramaDoc(c), c);
    assert.equal(saramaDoc('sarama.WaitForAll')!.title, 'sarama.WaitForAll');
  });

  it('accepts the forms a hover may pass', () => {
    assert.equal(saramaDoc('cfg.Producer.RequiredAcks')!.title, 'Producer.RequiredAcks');
    assert.equal(saramaDoc('sarama:Producer.Return.Errors')!.title, 'Producer.Return.Errors');
    assert.equal(saramaDoc('config.Version')!.title, 'Version');
    assert.equal(saramaDoc('Net.SASL.Version'), undefined);
    assert.equal(saramaDoc('Nope'), undefined);
  });

  it('lists only entries that exist', () => {
    assert.deepEqual([...SARAMA_DOC_NAMES].sort(), [...fields, ...constants].sort());
    assert.equal(SARAMA_DOCS.length, fields.length + constants.length);
  });
});
