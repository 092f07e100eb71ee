// Strimzi custom resources -> settings model, broker counts from node pools, and the editor.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../server/src/engine/parsers/yaml.js';
import { applyEdits, createFixer, editorFor, type Fixer } from '../../server/src/engine/fixer.js';
import type { ConfigUnit, Edit, Setting, Span } from '../../server/src/engine/model.js';

const cut = (text: string, s: Span) => text.slice(s.start, s.end);

function edit(text: string, unitId: string, f: (fx: Fixer, u: ConfigUnit, s: (key: string) => Setting) => Edit[]): string {
  const file = parseYaml(text, 'kafka.yaml');
  const u = file.units.find((x) => x.id === unitId);
  assert.ok(u, `no unit ${unitId}: ${file.units.map((x) => x.id).join(', ')}`);
  const find = (key: string) => {
    const s = u.settings.find((x) => x.key === key);
    assert.ok(s, `no setting ${key}`);
    return s;
  };
  const out = applyEdits(text, f(createFixer(file), u, find)).text;
  assert.deepEqual(parseYaml(out, 'kafka.yaml').errors, [], `edited text does not parse:\n${out}`);
  return out;
}

const pool = (name: string, cluster: string, replicas: string, roles: string) =>
  [
    'apiVersion: kafka.strimzi.io/v1',
    'kind: KafkaNodePool',
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    `    strimzi.io/cluster: ${cluster}`,
    'spec:',
    `  replicas: ${replicas}`,
    `  roles: ${roles}`,
    '  storage:',
    '    type: ephemeral',
  ].join('\n');

const kafka = [
  'apiVersion: kafka.strimzi.io/v1',
  'kind: Kafka',
  'metadata:',
  '  name: my-cluster',
  'spec:',
  '  kafka:',
  '    version: 4.0.0',
  '    listeners:',
  '      - name: plain',
  '        port: 9092',
  '    config:',
  '      offsets.topic.replication.factor: 3',
  '      min.insync.replicas: 1 # too low',
  '      unclean.leader.election.enable: "true"',
  '      auto.create.topics.enable: yes',
  '      log.flush.interval.messages: ${secrets:kafka/flush}',
].join('\n');

describe('strimzi: Kafka', () => {
  it('settings from spec.kafka.config, anchor on config:, facts', () => {
    const text = kafka + '\n';
    const f = parseYaml(text, 'kafka.yaml');
    assert.equal(f.units.length, 1);
    const u = f.units[0];
    assert.deepEqual(
      [u.id, u.surface, u.role, u.client, cut(text, u.anchor), u.facts.resourceName, u.facts.brokerCount],
      ['strimzi-kafka#0:my-cluster', 'strimzi-kafka', 'broker', 'broker', 'config', 'my-cluster', undefined],
    );
    assert.deepEqual(
      u.settings.map((s) => [s.key, s.sourceKey, s.role, s.value, s.dynamic, cut(text, s.keySpan), cut(text, s.valueSpan), cut(text, s.entrySpan)]),
      [
        ['offsets.topic.replication.factor', 'offsets.topic.replication.factor', 'broker', '3', false, 'offsets.topic.replication.factor', '3', 'offsets.topic.replication.factor: 3'],
        ['min.insync.replicas', 'min.insync.replicas', 'broker', '1', false, 'min.insync.replicas', '1', 'min.insync.replicas: 1'],
        ['unclean.leader.election.enable', 'unclean.leader.election.enable', 'broker', 'true', false, 'unclean.leader.election.enable', 'true', 'unclean.leader.election.enable: "true"'],
        ['auto.create.topics.enable', 'auto.create.topics.enable', 'broker', 'true', false, 'auto.create.topics.enable', 'yes', 'auto.create.topics.enable: yes'],
        ['log.flush.interval.messages', 'log.flush.interval.messages', 'broker', '${secrets:kafka/flush}', true, 'log.flush.interval.messages', '${secrets:kafka/flush}', 'log.flush.interval.messages: ${secrets:kafka/flush}'],
      ],
    );
  });

  it("spec.kafka.version: the Kafka resource's version, and its topics' (not another cluster's)", () => {
    const text = [
      'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    version: "3.9.0"\n    replicas: 3\n    config:\n      min.insync.replicas: 2\n',
      'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\n  labels:\n    strimzi.io/cluster: c\nspec:\n  replicas: 3\n',
      'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: u\n  labels:\n    strimzi.io/cluster: d\nspec:\n  replicas: 3\n',
      'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: e\nspec:\n  kafka:\n    version: ${KAFKA_VERSION}\n    config:\n      min.insync.replicas: 2\n',
    ].join('---\n');
    assert.deepEqual(
      parseYaml(text, 'kafka.yaml').units.map((u) => [u.facts.resourceName, u.facts.brokerCount, u.facts.kafkaVersion]),
      [
        ['c', 3, { version: '3.9.0', from: 'spec.kafka.version' }],
        ['t', 3, { version: '3.9.0', from: 'kafka/c spec.kafka.version' }],
        ['u', undefined, undefined],
        ['e', undefined, undefined],
      ],
    );
  });

  it('older CRs: broker count from spec.kafka.replicas', () => {
    const text = 'apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    replicas: 3\n    config:\n      min.insync.replicas: 2\n';
    const u = parseYaml(text, 'kafka.yaml').units[0];
    assert.equal(u.facts.brokerCount, 3);
  });

  it('node pools of the same cluster with the broker role are summed', () => {
    const text = [
      pool('controllers', 'my-cluster', '3', '[controller]'),
      pool('brokers-a', 'my-cluster', '2', '[broker]'),
      pool('dual', 'my-cluster', '1', '\n    - controller\n    - broker'),
      pool('other', 'other-cluster', '5', '[broker]'),
      kafka,
    ].join('\n---\n');
    const f = parseYaml(text, 'kafka.yaml');
    assert.deepEqual(f.errors, []);
    assert.deepEqual(
      f.units.map((u) => [u.id, u.facts.brokerCount]),
      [['strimzi-kafka#4:my-cluster', 3]],
    );
  });

  it('with node pools enabled but none in the file, the broker count is unknown', () => {
    const text = 'apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata:\n  name: c\n  annotations:\n    strimzi.io/node-pools: enabled\nspec:\n  kafka:\n    replicas: 3\n';
    assert.equal(parseYaml(text, 'kafka.yaml').units[0].facts.brokerCount, undefined);
  });

  it('node pools override spec.kafka.replicas; unreadable pool replicas leave the count unknown', () => {
    const withReplicas = kafka.replace('    version: 4.0.0', '    version: 4.0.0\n    replicas: 7');
    assert.equal(parseYaml([pool('b', 'my-cluster', '2', '[broker]'), withReplicas].join('\n---\n'), 'k.yaml').units[0].facts.brokerCount, 2);
    assert.equal(parseYaml([pool('b', 'my-cluster', '"many"', '[broker]'), kafka].join('\n---\n'), 'k.yaml').units[0].facts.brokerCount, undefined);
  });

  it('a Kafka without config anchors on the kafka: key', () => {
    const text = 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    version: 4.0.0\n';
    const u = parseYaml(text, 'kafka.yaml').units[0];
    assert.equal(cut(text, u.anchor), 'kafka');
    assert.deepEqual(u.settings, []);
  });
});

describe('strimzi: KafkaTopic and other kinds', () => {
  it('spec.replicas is the replication factor; spec.config entries are topic settings', () => {
    const text = [
      kafka,
      pool('b', 'my-cluster', '1', '[broker]'),
      'apiVersion: kafka.strimzi.io/v1',
      'kind: KafkaTopic',
      'metadata:',
      '  name: orders',
      '  labels:',
      '    strimzi.io/cluster: my-cluster',
      'spec:',
      '  partitions: 3',
      '  replicas: 1',
      '  config:',
      '    retention.ms: 7200000',
      "    min.insync.replicas: '2'",
      '',
    ].join('\n').replace('\napiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic', '\n---\napiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic').replace('\napiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool', '\n---\napiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool');
    const f = parseYaml(text, 'kafka.yaml');
    assert.deepEqual(f.errors, []);
    const t = f.units.find((u) => u.surface === 'strimzi-topic')!;
    assert.deepEqual(
      [t.id, t.role, t.client, cut(text, t.anchor), t.facts.resourceName, t.facts.brokerCount],
      ['strimzi-topic#2:orders', 'topic', 'broker', 'spec', 'orders', 1],
    );
    assert.deepEqual(
      t.settings.map((s) => [s.key, s.sourceKey, s.value, cut(text, s.keySpan), cut(text, s.valueSpan)]),
      [
        ['replication.factor', 'spec.replicas', '1', 'replicas', '1'],
        ['retention.ms', 'retention.ms', '7200000', 'retention.ms', '7200000'],
        ['min.insync.replicas', 'min.insync.replicas', '2', 'min.insync.replicas', '2'],
      ],
    );
  });

  it('node pools alone give no unit; other Strimzi kinds are quiet', () => {
    const text = [
      pool('b', 'c', '3', '[broker]'),
      'apiVersion: kafka.strimzi.io/v1\nkind: KafkaUser\nmetadata:\n  name: u\nspec:\n  authentication:\n    type: tls',
      'apiVersion: kafka.strimzi.io/v1\nkind: KafkaConnect\nmetadata:\n  name: k\nspec:\n  config:\n    group.id: g',
    ].join('\n---\n');
    assert.deepEqual(parseYaml(text, 'kafka.yaml').units, []);
  });

  it('not Strimzi without the kafka.strimzi.io apiVersion', () => {
    const text = 'apiVersion: example.com/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    config:\n      min.insync.replicas: 1\n';
    assert.deepEqual(parseYaml(text, 'kafka.yaml').units, []);
  });
});

describe('strimzi: editor', () => {
  const text = kafka + '\n';
  const topic = 'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: t\nspec:\n  partitions: 1\n  replicas: 1\n';

  it('keyName / assignment', () => {
    const f = parseYaml(text + '---\n' + topic, 'kafka.yaml');
    const fx = createFixer(f);
    const [k, t] = f.units;
    assert.equal(fx.keyName(k, 'min.insync.replicas'), 'min.insync.replicas');
    assert.equal(fx.assignment(k, 'min.insync.replicas', '2'), 'min.insync.replicas: 2');
    assert.equal(fx.keyName(t, 'replication.factor'), 'spec.replicas');
    assert.equal(fx.assignment(t, 'replication.factor', '3'), 'spec.replicas: 3');
    assert.equal(fx.show(k, k.settings[1]), 'min.insync.replicas: 1');
    assert.equal(editorFor('strimzi-topic')?.commentPrefix, '#');
  });

  it('setValue keeps comment and quotes', () => {
    assert.equal(
      edit(text, 'strimzi-kafka#0:my-cluster', (fx, u, s) => fx.setValue(u, s('min.insync.replicas'), '2')),
      text.replace('min.insync.replicas: 1 # too low', 'min.insync.replicas: 2 # too low'),
    );
    assert.equal(
      edit(text, 'strimzi-kafka#0:my-cluster', (fx, u, s) => fx.setValue(u, s('unclean.leader.election.enable'), 'false')),
      text.replace('unclean.leader.election.enable: "true"', 'unclean.leader.election.enable: "false"'),
    );
  });

  it('config provider references are not edited', () => {
    const f = parseYaml(text, 'kafka.yaml');
    const u = f.units[0];
    assert.deepEqual(createFixer(f).setValue(u, u.settings[4], '1'), []);
  });

  it('insert into spec.kafka.config', () => {
    assert.equal(
      edit(text, 'strimzi-kafka#0:my-cluster', (fx, u) => fx.insert(u, 'default.replication.factor', '3')),
      text + '      default.replication.factor: 3\n',
    );
  });

  it('insert creates config: when missing', () => {
    const t = 'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    version: 4.0.0\n  entityOperator: {}\n';
    assert.equal(
      edit(t, 'strimzi-kafka#0:c', (fx, u) => fx.insert(u, 'min.insync.replicas', '2')),
      'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: c\nspec:\n  kafka:\n    version: 4.0.0\n    config:\n      min.insync.replicas: 2\n  entityOperator: {}\n',
    );
  });

  it('topic: set replicas, insert replicas, insert config', () => {
    assert.equal(edit(topic, 'strimzi-topic#0:t', (fx, u, s) => fx.setValue(u, s('replication.factor'), '3')), topic.replace('replicas: 1', 'replicas: 3'));
    const noReplicas = topic.replace('  replicas: 1\n', '');
    assert.equal(edit(noReplicas, 'strimzi-topic#0:t', (fx, u) => fx.set(u, 'replication.factor', '3')), noReplicas + '  replicas: 3\n');
    assert.equal(
      edit(topic, 'strimzi-topic#0:t', (fx, u) => fx.insert(u, 'min.insync.replicas', '2')),
      topic + '  config:\n    min.insync.replicas: 2\n',
    );
  });

  it('remove a config entry; removing the last one removes config:', () => {
    assert.equal(
      edit(text, 'strimzi-kafka#0:my-cluster', (fx, u, s) => fx.remove(u, s('log.flush.interval.messages'))),
      text.replace('      log.flush.interval.messages: ${secrets:kafka/flush}\n', ''),
    );
    const t = topic + '  config:\n    flush.messages: 1\n';
    assert.equal(edit(t, 'strimzi-topic#0:t', (fx, u, s) => fx.remove(u, s('flush.messages'))), topic);
  });

  it('rename a config key', () => {
    const t = text.replace('min.insync.replicas: 1', 'min.insync.replica: 1');
    assert.equal(edit(t, 'strimzi-kafka#0:my-cluster', (fx, u, s) => fx.rename(u, s('min.insync.replica'), 'min.insync.replicas')), text);
    // A quoted key keeps its quotes.
    for (const q of ['"', "'"]) {
      const quoted = text.replace('min.insync.replicas: 1', `${q}min.insync.replica${q}: 1`);
      assert.equal(
        edit(quoted, 'strimzi-kafka#0:my-cluster', (fx, u, s) => fx.rename(u, s('min.insync.replica'), 'min.insync.replicas')),
        text.replace('min.insync.replicas: 1', `${q}min.insync.replicas${q}: 1`),
      );
    }
  });

  it('no rename of spec.replicas', () => {
    const f = parseYaml(topic, 'kafka.yaml');
    assert.deepEqual(createFixer(f).rename(f.units[0], f.units[0].settings[0], 'min.insync.replicas'), []);
  });
});
