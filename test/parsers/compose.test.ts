// docker-compose Kafka services -> settings model, image env-var schemes, and the editor.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../server/src/engine/parsers/yaml.js';
import { lint, parseFile } from '../../server/src/engine/index.js';
import { applyEdits, createFixer, editorFor, type Fixer } from '../../server/src/engine/fixer.js';
import type { ConfigUnit, Edit, Setting, Span } from '../../server/src/engine/model.js';
import {
  bitnamiEnvName,
  confluentEnvName,
  confluentSuffixToKey,
  envNameFor,
  imageFamily,
  imageKafkaVersion,
  imageRepository,
  mapEnvVar,
} from '../../server/src/engine/knowledge/env.js';

const cut = (text: string, s: Span) => text.slice(s.start, s.end);
const noCatalog = { isBrokerKey: () => false };

function edit(text: string, service: string, f: (fx: Fixer, u: ConfigUnit, s: (key: string) => Setting) => Edit[]): string {
  const file = parseYaml(text, 'docker-compose.yml');
  const u = file.units.find((x) => x.facts.resourceName === service);
  assert.ok(u, `no unit for ${service}`);
  const find = (key: string) => {
    const s = u.settings.find((x) => x.key === key);
    assert.ok(s, `no setting ${key}`);
    return s;
  };
  const out = applyEdits(text, f(createFixer(file), u, find)).text;
  // (A key the text repeats is an error before the edit too: the edit must add none.)
  const errors = (t: string) => parseYaml(t, 'docker-compose.yml').errors.map((e) => e.code);
  assert.deepEqual(errors(out), errors(text), `edited text does not parse as the text before did:\n${out}`);
  return out;
}

describe('env: image families', () => {
  it('recognises broker images under any registry, tag or digest', () => {
    const cases: [string, string | undefined][] = [
      ['confluentinc/cp-kafka:7.6.0', 'confluent'],
      ['confluentinc/cp-server:7.6.0', 'confluent'],
      ['confluentinc/confluent-local:7.6.0', 'confluent'],
      ['confluentinc/cp-enterprise-kafka:5.0.1', 'confluent'],
      ['docker.io/confluentinc/cp-kafka', 'confluent'],
      ['quay.io/debezium/kafka:2.7', 'debezium'],
      ['debezium/kafka:1.9', 'debezium'],
      ['apache/kafka:3.8.0', 'apache'],
      ['apache/kafka-native:3.8.0', 'apache'],
      ['bitnami/kafka:3.7', 'bitnami'],
      ['bitnamilegacy/kafka:3.7', 'bitnami'],
      ['registry.example.com:5000/mirror/bitnami/kafka:latest', 'bitnami'],
      ['public.ecr.aws/bitnami/kafka@sha256:abc', 'bitnami'],
      ['localhost/bitnami/kafka', 'bitnami'],
      ['confluentinc/cp-schema-registry:7.6.0', undefined],
      ['confluentinc/cp-kafka-connect:7.6.0', undefined],
      ['confluentinc/cp-zookeeper:7.6.0', undefined],
      ['provectuslabs/kafka-ui', undefined],
      ['bitnami/zookeeper', undefined],
      ['kafka', undefined],
      ['wurstmeister/kafka', undefined],
    ];
    for (const [image, family] of cases) assert.equal(imageFamily(image), family, image);
    assert.equal(imageRepository('Registry.io:443/Bitnami/Kafka:3.7'), 'bitnami/kafka');
  });

  it('the Kafka release from the tag: Apache and Bitnami tags name it, Confluent tags name the Platform release', () => {
    const cases: [string, string | undefined][] = [
      ['apache/kafka:3.9.0', '3.9.0'],
      ['apache/kafka-native:4.1.0-rc1', '4.1.0'],
      ['bitnami/kafka:3.6', '3.6'],
      ['docker.io/bitnami/kafka:3.7.1-debian-12-r4', '3.7.1'],
      ['registry.local:5000/bitnami/kafka:3.5.1@sha256:abc', '3.5.1'],
      ['confluentinc/cp-kafka:7.4.1', '3.4'],
      ['confluentinc/cp-server:7.6.0-1-ubi8', '3.6'],
      ['confluentinc/cp-kafka:6.2.0', '2.8'],
      ['confluentinc/cp-kafka:5.5.3', '2.5'],
      ['confluentinc/confluent-local:8.0.0', '4.0'],
      ['confluentinc/cp-enterprise-kafka:5.0.1', '2.0'],
      // Debezium tags name the Debezium release.
      ['quay.io/debezium/kafka:2.7', undefined],
      ['confluentinc/cp-kafka:7.8.0', '3.8'],
      // No source for this Platform release: the configured version applies.
      ['confluentinc/cp-kafka:8.2.0', undefined],
      ['apache/kafka:latest', undefined],
      ['apache/kafka', undefined],
      ['bitnami/kafka@sha256:abc', undefined],
      ['localhost:5000/apache/kafka', undefined],
      ['bitnami/kafka:3.9.0.1', undefined],
    ];
    for (const [image, version] of cases) assert.equal(imageKafkaVersion(image, imageFamily(image)!), version, image);
  });

  it("a service's image tag becomes its unit's Kafka version", () => {
    const text = 'services:\n  a:\n    image: bitnami/kafka:3.7.0\n    environment:\n      KAFKA_CFG_NODE_ID: 1\n  b:\n    image: apache/kafka:latest\n';
    const f = parseYaml(text, 'docker-compose.yml');
    assert.deepEqual(
      f.units.map((u) => [u.facts.resourceName, u.facts.kafkaVersion]),
      [
        ['a', { version: '3.7.0', from: 'bitnami/kafka:3.7.0' }],
        ['b', undefined],
      ],
    );
  });
});

describe('env: variable names', () => {
  it('Debezium: strip KAFKA_, lower-case, every _ -> . (keys with _ or - cannot be written); its own variables are not settings', () => {
    assert.deepEqual(mapEnvVar('KAFKA_MIN_INSYNC_REPLICAS', 'debezium'), { kind: 'setting', key: 'min.insync.replicas', precedence: 1 });
    assert.deepEqual(mapEnvVar('KAFKA_HOME', 'debezium'), { kind: 'none' });
    // Its entrypoint builds the listeners from these and unsets them: not the removed host.name & co.
    for (const n of ['KAFKA_HOST_NAME', 'KAFKA_PORT', 'KAFKA_ADVERTISED_HOST_NAME', 'KAFKA_ADVERTISED_PORT']) {
      assert.deepEqual(mapEnvVar(n, 'debezium'), { kind: 'none' }, n);
      assert.equal(mapEnvVar(n, 'confluent').kind, 'setting', n);
    }
    assert.deepEqual(mapEnvVar('KAFKA_VERSION', 'debezium'), { kind: 'none' });
    assert.equal(envNameFor('min.insync.replicas', 'debezium'), 'KAFKA_MIN_INSYNC_REPLICAS');
    assert.equal(envNameFor('listener.name.internal.sasl.enabled_mechanisms', 'debezium'), undefined);
  });
  it('Confluent / Apache: strip KAFKA_, lower-case, ___ -> -, __ -> _, _ -> .', () => {
    assert.equal(confluentSuffixToKey('MIN_INSYNC_REPLICAS'), 'min.insync.replicas');
    assert.equal(confluentSuffixToKey('LISTENER_NAME_INTERNAL_SASL_ENABLED__MECHANISMS'), 'listener.name.internal.sasl.enabled_mechanisms');
    assert.equal(confluentSuffixToKey('CONFLUENT_SUPPORT___CUSTOMER_ID'), 'confluent.support-customer.id');
    assert.deepEqual(mapEnvVar('KAFKA_MIN_INSYNC_REPLICAS', 'confluent'), { kind: 'setting', key: 'min.insync.replicas', precedence: 1 });
    assert.deepEqual(mapEnvVar('KAFKA_TRANSACTION_STATE_LOG_MIN_ISR', 'apache'), { kind: 'setting', key: 'transaction.state.log.min.isr', precedence: 1 });
    for (const n of ['KAFKA_HEAP_OPTS', 'KAFKA_OPTS', 'KAFKA_JMX_OPTS', 'KAFKA_LOG4J_OPTS', 'KAFKA_JVM_PERFORMANCE_OPTS', 'KAFKA_GC_LOG_OPTS', 'KAFKA_VERSION', 'KAFKA_LOG4J_LOGGERS', 'KAFKA_LOG4J_ROOT_LOGLEVEL', 'KAFKA_TOOLS_LOG4J_LOGLEVEL', 'CLUSTER_ID', 'KAFKA_']) {
      assert.deepEqual(mapEnvVar(n, 'confluent'), { kind: 'none' }, n);
    }
  });

  it('Confluent / Apache ignore KAFKA_CFG_*', () => {
    assert.deepEqual(mapEnvVar('KAFKA_CFG_MIN_INSYNC_REPLICAS', 'confluent'), {
      kind: 'ignored',
      intendedKey: 'min.insync.replicas',
      suggestedName: 'KAFKA_MIN_INSYNC_REPLICAS',
    });
    assert.deepEqual(mapEnvVar('KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE', 'apache'), {
      kind: 'ignored',
      intendedKey: 'unclean.leader.election.enable',
      suggestedName: 'KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE',
    });
  });

  it('Bitnami: KAFKA_CFG_ with every _ -> ., the alias list, and the names it ignores', () => {
    assert.deepEqual(mapEnvVar('KAFKA_CFG_MIN_INSYNC_REPLICAS', 'bitnami'), { kind: 'setting', key: 'min.insync.replicas', precedence: 1 });
    assert.deepEqual(mapEnvVar('KAFKA_CFG_LISTENER_NAME_SASL_SSL_SCRAM', 'bitnami'), { kind: 'setting', key: 'listener.name.sasl_ssl.scram', precedence: 1 });
    assert.deepEqual(mapEnvVar('KAFKA_CFG_ZOOKEEPER_CLIENTCNXNSOCKET', 'bitnami'), { kind: 'setting', key: 'zookeeper.clientCnxnSocket', precedence: 1 });
    for (const [n, key] of [
      ['KAFKA_DEFAULT_REPLICATION_FACTOR', 'default.replication.factor'],
      ['KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR', 'offsets.topic.replication.factor'],
      ['KAFKA_TRANSACTION_STATE_LOG_MIN_ISR', 'transaction.state.log.min.isr'],
      ['KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR', 'transaction.state.log.replication.factor'],
      ['KAFKA_LOG_FLUSH_INTERVAL_MESSAGES', 'log.flush.interval.messages'],
      ['KAFKA_LOG_FLUSH_INTERVAL_MS', 'log.flush.interval.ms'],
      ['KAFKA_NUM_PARTITIONS', 'num.partitions'],
      ['KAFKA_AUTO_CREATE_TOPICS_ENABLE', 'auto.create.topics.enable'],
      ['KAFKA_MAX_MESSAGE_BYTES', 'message.max.bytes'],
    ]) {
      assert.deepEqual(mapEnvVar(n, 'bitnami', noCatalog), { kind: 'setting', key, precedence: 2 }, n);
    }
    assert.deepEqual(mapEnvVar('KAFKA_MIN_INSYNC_REPLICAS', 'bitnami', noCatalog), {
      kind: 'ignored',
      intendedKey: 'min.insync.replicas',
      suggestedName: 'KAFKA_CFG_MIN_INSYNC_REPLICAS',
    });
    assert.deepEqual(mapEnvVar('KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE', 'bitnami', noCatalog), {
      kind: 'ignored',
      intendedKey: 'unclean.leader.election.enable',
      suggestedName: 'KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE',
    });
    // Any other broker key without an alias is ignored as well (decided by the catalog).
    assert.deepEqual(mapEnvVar('KAFKA_REPLICA_LAG_TIME_MAX_MS', 'bitnami', { isBrokerKey: (k) => k === 'replica.lag.time.max.ms' }), {
      kind: 'ignored',
      intendedKey: 'replica.lag.time.max.ms',
      suggestedName: 'KAFKA_CFG_REPLICA_LAG_TIME_MAX_MS',
    });
    // The image's own variables are nothing of the sort.
    for (const n of ['KAFKA_CLIENT_USERS', 'KAFKA_KRAFT_CLUSTER_ID', 'KAFKA_HEAP_OPTS', 'KAFKA_TLS_TYPE']) {
      assert.deepEqual(mapEnvVar(n, 'bitnami', noCatalog), { kind: 'none' }, n);
    }
  });

  it('Kafka key -> variable name per image, and back', () => {
    assert.equal(confluentEnvName('min.insync.replicas'), 'KAFKA_MIN_INSYNC_REPLICAS');
    assert.equal(confluentEnvName('listener.name.internal.sasl.enabled_mechanisms'), 'KAFKA_LISTENER_NAME_INTERNAL_SASL_ENABLED__MECHANISMS');
    assert.equal(confluentEnvName('confluent.support-customer.id'), 'KAFKA_CONFLUENT_SUPPORT___CUSTOMER_ID');
    assert.equal(bitnamiEnvName('min.insync.replicas'), 'KAFKA_CFG_MIN_INSYNC_REPLICAS');
    assert.equal(bitnamiEnvName('listener.name.sasl_ssl.scram'), 'KAFKA_CFG_LISTENER_NAME_SASL_SSL_SCRAM');
    assert.equal(bitnamiEnvName('sasl.enabled_mechanisms'), undefined);
    assert.equal(bitnamiEnvName('confluent.support-customer.id'), undefined);
    assert.equal(envNameFor('acks', 'apache'), 'KAFKA_ACKS');
    assert.equal(envNameFor('acks', 'bitnami'), 'KAFKA_CFG_ACKS');
    for (const key of ['min.insync.replicas', 'a_b.c-d', 'listener.name.internal.sasl.enabled_mechanisms']) {
      const name = confluentEnvName(key);
      assert.deepEqual(mapEnvVar(name, 'confluent'), { kind: 'setting', key, precedence: 1 }, name);
    }
    // The scheme itself is ambiguous for runs of underscores; we read them as the image does.
    assert.deepEqual(mapEnvVar('KAFKA_X____Y', 'confluent'), { kind: 'setting', key: 'x-_y', precedence: 1 });
  });
});

const compose = [
  'services:',
  '  zookeeper:',
  '    image: confluentinc/cp-zookeeper:7.6.0',
  '  kafka1:',
  '    image: confluentinc/cp-kafka:7.6.0',
  '    environment:',
  '      KAFKA_BROKER_ID: 1',
  '      KAFKA_MIN_INSYNC_REPLICAS: "1" # one',
  '      KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE: "true"',
  '      KAFKA_HEAP_OPTS: -Xmx1g',
  '      KAFKA_DEFAULT_REPLICATION_FACTOR: ${RF:-1}',
  '      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: ${OFFSETS_RF}',
  '      KAFKA_LOG_FLUSH_INTERVAL_MESSAGES:',
  '  kafka2:',
  '    image: "bitnami/kafka:3.7"',
  '    environment:',
  '      - KAFKA_CFG_NODE_ID=2',
  '      - "KAFKA_MIN_INSYNC_REPLICAS=2"',
  '      - KAFKA_NUM_PARTITIONS=3',
  '      - KAFKA_CFG_PROCESS_ROLES=controller,broker',
  '      - KAFKA_CFG_DEFAULT_REPLICATION_FACTOR=${RF-2}',
  '      - KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE',
  '      - KAFKA_CLIENT_USERS=user',
  '  controller:',
  '    image: apache/kafka:4.0.0',
  '    environment:',
  '      KAFKA_PROCESS_ROLES: controller',
  '  ui:',
  '    image: provectuslabs/kafka-ui',
  '    environment:',
  '      KAFKA_CLUSTERS_0_NAME: local',
  '',
].join('\n');

describe('compose: mapping', () => {
  it('one broker unit per Kafka service, with facts', () => {
    const f = parseYaml(compose, 'docker-compose.yml');
    assert.deepEqual(f.errors, []);
    assert.deepEqual(
      f.units.map((u) => [u.id, u.surface, u.role, u.client, cut(compose, u.anchor), u.facts.image, u.facts.imageName, u.facts.resourceName, u.facts.brokerCount]),
      [
        ['compose#0:kafka1', 'compose', 'broker', 'broker', 'kafka1', 'confluent', 'confluentinc/cp-kafka:7.6.0', 'kafka1', 2],
        ['compose#0:kafka2', 'compose', 'broker', 'broker', 'kafka2', 'bitnami', 'bitnami/kafka:3.7', 'kafka2', 2],
        ['compose#0:controller', 'compose', 'broker', 'broker', 'controller', 'apache', 'apache/kafka:4.0.0', 'controller', 2],
      ],
    );
  });

  it('map form: values, placeholders, passthrough; ignored variables kept apart', () => {
    const u = parseYaml(compose, 'docker-compose.yml').units[0];
    assert.deepEqual(
      u.settings.map((s) => [s.key, s.sourceKey, s.value, s.dynamic, !!s.placeholderDefault, s.precedence, cut(compose, s.keySpan), cut(compose, s.valueSpan), cut(compose, s.entrySpan)]),
      [
        ['broker.id', 'KAFKA_BROKER_ID', '1', false, false, 1, 'KAFKA_BROKER_ID', '1', 'KAFKA_BROKER_ID: 1'],
        ['min.insync.replicas', 'KAFKA_MIN_INSYNC_REPLICAS', '1', false, false, 1, 'KAFKA_MIN_INSYNC_REPLICAS', '1', 'KAFKA_MIN_INSYNC_REPLICAS: "1"'],
        ['default.replication.factor', 'KAFKA_DEFAULT_REPLICATION_FACTOR', '1', false, true, 1, 'KAFKA_DEFAULT_REPLICATION_FACTOR', '${RF:-1}', 'KAFKA_DEFAULT_REPLICATION_FACTOR: ${RF:-1}'],
        ['offsets.topic.replication.factor', 'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR', '${OFFSETS_RF}', true, false, 1, 'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR', '${OFFSETS_RF}', 'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: ${OFFSETS_RF}'],
        ['log.flush.interval.messages', 'KAFKA_LOG_FLUSH_INTERVAL_MESSAGES', '', true, false, 1, 'KAFKA_LOG_FLUSH_INTERVAL_MESSAGES', '', 'KAFKA_LOG_FLUSH_INTERVAL_MESSAGES:'],
      ],
    );
    const ig = u.facts.ignoredEnv ?? [];
    assert.deepEqual(
      ig.map((e) => [e.name, e.intendedKey, e.suggestedName, e.value, cut(compose, e.keySpan), cut(compose, e.valueSpan), cut(compose, e.entrySpan)]),
      [['KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE', 'unclean.leader.election.enable', 'KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE', 'true', 'KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE', 'true', 'KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE: "true"']],
    );
  });

  it('list form: quoted items, ${VAR-default}, passthrough, Bitnami aliases win over KAFKA_CFG_', () => {
    const u = parseYaml(compose, 'docker-compose.yml').units[1];
    assert.deepEqual(
      u.settings.map((s) => [s.key, s.value, s.dynamic, !!s.placeholderDefault, s.precedence, cut(compose, s.keySpan), cut(compose, s.valueSpan), cut(compose, s.entrySpan)]),
      [
        ['node.id', '2', false, false, 1, 'KAFKA_CFG_NODE_ID', '2', 'KAFKA_CFG_NODE_ID=2'],
        ['num.partitions', '3', false, false, 2, 'KAFKA_NUM_PARTITIONS', '3', 'KAFKA_NUM_PARTITIONS=3'],
        ['process.roles', 'controller,broker', false, false, 1, 'KAFKA_CFG_PROCESS_ROLES', 'controller,broker', 'KAFKA_CFG_PROCESS_ROLES=controller,broker'],
        ['default.replication.factor', '2', false, true, 1, 'KAFKA_CFG_DEFAULT_REPLICATION_FACTOR', '${RF-2}', 'KAFKA_CFG_DEFAULT_REPLICATION_FACTOR=${RF-2}'],
        ['auto.create.topics.enable', '', true, false, 1, 'KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE', '', 'KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE'],
      ],
    );
    assert.deepEqual(
      (u.facts.ignoredEnv ?? []).map((e) => [e.name, e.suggestedName, e.value, cut(compose, e.keySpan), cut(compose, e.valueSpan), cut(compose, e.entrySpan)]),
      [['KAFKA_MIN_INSYNC_REPLICAS', 'KAFKA_CFG_MIN_INSYNC_REPLICAS', '2', 'KAFKA_MIN_INSYNC_REPLICAS', '2', '"KAFKA_MIN_INSYNC_REPLICAS=2"']],
    );
  });

  it('broker count: controller-only nodes excluded, deploy.replicas and scale counted', () => {
    const t = [
      'services:',
      '  c1:',
      '    image: apache/kafka:4.0.0',
      '    environment: {KAFKA_PROCESS_ROLES: controller}',
      '  b:',
      '    image: apache/kafka:4.0.0',
      '    deploy:',
      '      replicas: 3',
      '    environment: {KAFKA_PROCESS_ROLES: broker}',
      '  single:',
      '    image: bitnami/kafka',
      '    scale: 2',
      '  dyn:',
      '    image: apache/kafka',
      '    environment: {KAFKA_PROCESS_ROLES: "${ROLES}"}',
      '',
    ].join('\n');
    const f = parseYaml(t, 'compose.yaml');
    assert.deepEqual(
      f.units.map((u) => [u.facts.resourceName, u.facts.brokerCount]),
      [
        ['c1', 6],
        ['b', 6],
        ['single', 6],
        ['dyn', 6],
      ],
    );
    const one = 'services:\n  kafka:\n    image: bitnami/kafka:latest\n    environment:\n      KAFKA_CFG_PROCESS_ROLES: controller,broker\n';
    assert.equal(parseYaml(one, 'docker-compose.yml').units[0].facts.brokerCount, 1);
  });

  it('a container of a broker image that runs something else is no broker; one whose override still starts it is', () => {
    const t = [
      'services:',
      '  kafka:',
      '    image: confluentinc/cp-kafka:7.7.8',
      '    environment: {KAFKA_PROCESS_ROLES: "broker,controller"}',
      '  kafka-setup:',
      '    image: confluentinc/cp-kafka:7.7.8',
      '    entrypoint: /bin/bash',
      '    command:',
      '      - -c',
      '      - |',
      '        kafka-topics --bootstrap-server kafka:29092 --create --topic t --replication-factor 1',
      '  tools:',
      '    image: confluentinc/cp-kafka:7.7.8',
      '    entrypoint: sleep infinity',
      '  broker2:',
      '    image: confluentinc/cp-kafka:7.7.8',
      '    command: bash -c "echo 127.0.0.1 kafka >> /etc/hosts; /etc/confluent/docker/run"',
      '  bitnami:',
      '    image: bitnami/kafka:3.7',
      '    command: ["/opt/bitnami/scripts/kafka/run.sh"]',
      '  dbz:',
      '    image: quay.io/debezium/kafka:2.7',
      '    command: start',
      '  dbz-watch:',
      '    image: quay.io/debezium/kafka:2.7',
      '    command: watch-topic -a orders',
      '',
    ].join('\n');
    assert.deepEqual(
      parseYaml(t, 'docker-compose.yml').units.map((u) => [u.facts.resourceName, u.facts.brokerCount]),
      [
        ['kafka', 4],
        ['broker2', 4],
        ['bitnami', 4],
        ['dbz', 4],
      ],
    );
  });

  it('broker count per cluster when the services name different ones (ZooKeeper ensemble, KRaft quorum)', () => {
    const svc = (name: string, env: string) => `  ${name}:\n    image: confluentinc/cp-kafka:7.6.1\n    environment:\n${env}`;
    // A replication demo: two single-broker clusters, each on its own ZooKeeper, and a third
    // cluster of two brokers sharing one (the order of the ensemble's hosts does not matter).
    const t =
      'services:\n' +
      svc('kafka-a', '      KAFKA_ZOOKEEPER_CONNECT: zookeeper-a:2181\n') +
      svc('kafka-b', '      KAFKA_ZOOKEEPER_CONNECT: zookeeper-b:2181\n') +
      svc('kafka-c1', '      KAFKA_ZOOKEEPER_CONNECT: zk-1:2181,zk-2:2181/c\n') +
      svc('kafka-c2', '      KAFKA_ZOOKEEPER_CONNECT: zk-2:2181,zk-1:2181/c\n') +
      svc('unnamed', '      KAFKA_NODE_ID: 9\n');
    assert.deepEqual(
      parseYaml(t, 'docker-compose.yml').units.map((u) => [u.facts.resourceName, u.facts.brokerCount]),
      [
        ['kafka-a', 1],
        ['kafka-b', 1],
        ['kafka-c1', 2],
        ['kafka-c2', 2],
        ['unnamed', undefined],
      ],
    );
    const kraft =
      'services:\n' +
      svc('k1', '      KAFKA_PROCESS_ROLES: broker,controller\n      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@k1:9093\n') +
      svc('k2', '      KAFKA_PROCESS_ROLES: broker,controller\n      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@k2:9093\n');
    assert.deepEqual(parseYaml(kraft, 'docker-compose.yml').units.map((u) => u.facts.brokerCount), [1, 1]);
    // One named cluster and services that name none: one cluster, as before.
    const shared = 'services:\n' + svc('x', '      KAFKA_ZOOKEEPER_CONNECT: zk:2181\n') + svc('y', '      KAFKA_BROKER_ID: 2\n');
    assert.deepEqual(parseYaml(shared, 'docker-compose.yml').units.map((u) => u.facts.brokerCount), [2, 2]);
  });

  it('images from interpolation defaults; unknown images are quiet', () => {
    const t = 'services:\n  k:\n    image: ${KAFKA_IMAGE:-bitnami/kafka:3.7}\n  u:\n    image: ${IMAGE}\n    environment: [KAFKA_MIN_INSYNC_REPLICAS=1]\n';
    assert.deepEqual(
      parseYaml(t, 'docker-compose.yml').units.map((u) => [u.facts.resourceName, u.facts.imageName]),
      [['k', 'bitnami/kafka:3.7']],
    );
  });

  it('an image whose variables hide only its tag, or only what stands before a Confluent image name, is still known', () => {
    const img = (image: string) => `  s${image.length}:\n    image: ${image}\n    environment: [KAFKA_MIN_INSYNC_REPLICAS=1]\n`;
    const t =
      'services:\n' +
      img('confluentinc/cp-kafka:${TAG}') +
      img('${REPOSITORY}/cp-server:${CONFLUENT_DOCKER_TAG}') +
      img('$REGISTRY/confluentinc/cp-kafka:${TAG:-7.5.0}') +
      img('bitnami/kafka:${VERSION-3.7.1}') +
      img('apache/kafka:3.${MINOR}.0') +
      img('${REGISTRY}/kafka:3.7.0') +
      img('${REGISTRY}/cp-server-connect:7.5.0') +
      img('confluentinc/${NAME}:7.5.0');
    assert.deepEqual(
      parseYaml(t, 'docker-compose.yml').units.filter((u) => u.role === 'broker').map((u) => [u.facts.imageName, u.facts.image, u.facts.kafkaVersion?.version]),
      [
        ['confluentinc/cp-kafka:${TAG}', 'confluent', undefined],
        ['${REPOSITORY}/cp-server:${CONFLUENT_DOCKER_TAG}', 'confluent', undefined],
        ['$REGISTRY/confluentinc/cp-kafka:${TAG:-7.5.0}', 'confluent', '3.5'],
        ['bitnami/kafka:${VERSION-3.7.1}', 'bitnami', '3.7.1'],
        ['apache/kafka:3.${MINOR}.0', 'apache', undefined],
      ],
    );
  });

  it("takes a hidden tag from the project's .env, as compose fills it in", () => {
    const t = 'services:\n  k:\n    image: ${REPOSITORY}/cp-server:${TAG:-7.0.0}\n    environment: [KAFKA_ZOOKEEPER_CONNECT=zk:2181]\n  j:\n    image: apache/kafka:$KTAG\n    environment: [KAFKA_NODE_ID=1]\n';
    const read = (env: string | undefined) => (ref: string, composeFile: string) => (ref === '.env' && composeFile === 'proj/docker-compose.yml' ? env : undefined);
    const versions = (env: string | undefined) =>
      parseFile({ text: t, path: 'proj/docker-compose.yml', readEnvFile: read(env) })!.units.map((u) => [u.facts.kafkaVersion?.version, u.facts.kafkaVersion?.from]);
    assert.deepEqual(versions('# tags\nREPOSITORY=confluentinc\nTAG=7.4.1\nKTAG="3.9.1"\n'), [
      ['3.4', 'confluentinc/cp-server:7.4.1 (.env)'],
      ['3.9.1', 'apache/kafka:3.9.1 (.env)'],
    ]);
    // Without .env, or without the variable there, the default stands for it; an empty value does not fill `:-`.
    assert.deepEqual(versions(undefined), [['3.0', '${REPOSITORY}/cp-server:${TAG:-7.0.0}'], [undefined, undefined]]);
    assert.deepEqual(versions('TAG=\n'), [['3.0', '${REPOSITORY}/cp-server:${TAG:-7.0.0}'], [undefined, undefined]]);
    // With the ZooKeeper setting of a 7.0 broker, nothing is removed.
    assert.deepEqual(lint({ text: t, path: 'proj/docker-compose.yml', readEnvFile: read('TAG=7.4.1\n') }).findings.filter((f) => f.ruleId === 'removed-key'), []);
  });

  it('any YAML with a top-level services map, whatever the file name', () => {
    const t = 'services:\n  kafka:\n    image: apache/kafka\n    environment:\n      KAFKA_NUM_PARTITIONS: 1\n';
    assert.deepEqual(parseYaml(t, 'infra/stack.yaml').units.map((u) => u.id), ['compose#0:kafka']);
  });

  it('environment through anchors: dynamic, with spans on the alias', () => {
    const t = [
      'x-env: &env',
      '  KAFKA_MIN_INSYNC_REPLICAS: 1',
      'services:',
      '  k1:',
      '    image: apache/kafka',
      '    environment:',
      '      <<: *env',
      '      KAFKA_NODE_ID: 1',
      '  k2:',
      '    image: apache/kafka',
      '    environment: *env',
      '',
    ].join('\n');
    const f = parseYaml(t, 'docker-compose.yml');
    assert.deepEqual(
      f.units.map((u) => u.settings.map((s) => [s.key, s.value, s.dynamic, cut(t, s.keySpan), cut(t, s.valueSpan)])),
      [
        [
          ['min.insync.replicas', '1', true, '*env', '*env'],
          ['node.id', '1', false, 'KAFKA_NODE_ID', '1'],
        ],
        [['min.insync.replicas', '1', true, '*env', '*env']],
      ],
    );
  });

  it('$$ is a literal dollar', () => {
    const t = 'services:\n  k:\n    image: apache/kafka\n    environment:\n      - KAFKA_SASL_JAAS_CONFIG=pa$$word\n';
    const s = parseYaml(t, 'docker-compose.yml').units[0].settings[0];
    assert.deepEqual([s.key, s.value, s.dynamic], ['sasl.jaas.config', 'pa$word', false]);
  });
});

describe('compose: editor', () => {
  it('keyName / assignment per image', () => {
    const f = parseYaml(compose, 'docker-compose.yml');
    const fx = createFixer(f);
    const [confluent, bitnami, apache] = f.units;
    assert.equal(fx.keyName(confluent, 'min.insync.replicas'), 'KAFKA_MIN_INSYNC_REPLICAS');
    assert.equal(fx.keyName(bitnami, 'min.insync.replicas'), 'KAFKA_CFG_MIN_INSYNC_REPLICAS');
    assert.equal(fx.keyName(apache, 'unclean.leader.election.enable'), 'KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE');
    assert.equal(fx.assignment(confluent, 'min.insync.replicas', '2'), 'KAFKA_MIN_INSYNC_REPLICAS: 2');
    assert.equal(fx.assignment(bitnami, 'default.replication.factor', '3'), 'KAFKA_CFG_DEFAULT_REPLICATION_FACTOR=3');
    assert.equal(fx.show(confluent, confluent.settings[1]), 'KAFKA_MIN_INSYNC_REPLICAS: 1');
    assert.equal(editorFor('compose')?.commentPrefix, '#');
  });

  it('setValue: map form keeps quotes and comment; placeholder default; list form', () => {
    assert.equal(
      edit(compose, 'kafka1', (fx, u, s) => fx.setValue(u, s('min.insync.replicas'), '2')),
      compose.replace('KAFKA_MIN_INSYNC_REPLICAS: "1" # one', 'KAFKA_MIN_INSYNC_REPLICAS: "2" # one'),
    );
    assert.equal(
      edit(compose, 'kafka1', (fx, u, s) => fx.setValue(u, s('default.replication.factor'), '3')),
      compose.replace('${RF:-1}', '${RF:-3}'),
    );
    assert.equal(edit(compose, 'kafka2', (fx, u, s) => fx.setValue(u, s('num.partitions'), '6')), compose.replace('KAFKA_NUM_PARTITIONS=3', 'KAFKA_NUM_PARTITIONS=6'));
    assert.equal(edit(compose, 'kafka2', (fx, u, s) => fx.setValue(u, s('default.replication.factor'), '3')), compose.replace('${RF-2}', '${RF-3}'));
    const quoted = 'services:\n  k:\n    image: apache/kafka\n    environment:\n      - "KAFKA_ACKS=1"\n';
    assert.equal(edit(quoted, 'k', (fx, u, s) => fx.setValue(u, s('acks'), 'all')), quoted.replace('KAFKA_ACKS=1', 'KAFKA_ACKS=all'));
  });

  it('setValue does not touch passthrough or unknown values', () => {
    const f = parseYaml(compose, 'docker-compose.yml');
    const u = f.units[0];
    const fx = createFixer(f);
    assert.deepEqual(fx.setValue(u, u.settings[3], '3'), []);
    assert.deepEqual(fx.setValue(u, u.settings[4], '3'), []);
  });

  it('insert into map form, quoting like the siblings', () => {
    const t = 'services:\n  kafka:\n    image: confluentinc/cp-kafka\n    environment:\n      KAFKA_BROKER_ID: "1"\n      KAFKA_NUM_PARTITIONS: "3" # three\n  other:\n    image: x\n';
    assert.equal(
      edit(t, 'kafka', (fx, u) => fx.insert(u, 'min.insync.replicas', '2')),
      t.replace('"3" # three\n', '"3" # three\n      KAFKA_MIN_INSYNC_REPLICAS: "2"\n'),
    );
    const plain = t.replace(/"(\d)"/g, '$1');
    assert.equal(
      edit(plain, 'kafka', (fx, u) => fx.insert(u, 'min.insync.replicas', '2')),
      plain.replace('3 # three\n', '3 # three\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n'),
    );
  });

  it('insert into list form, in the siblings\' form', () => {
    assert.equal(
      edit(compose, 'kafka2', (fx, u) => fx.insert(u, 'min.insync.replicas', '2')),
      compose.replace('      - KAFKA_CLIENT_USERS=user\n', '      - KAFKA_CLIENT_USERS=user\n      - KAFKA_CFG_MIN_INSYNC_REPLICAS=2\n'),
    );
    const quoted = 'services:\n  k:\n    image: apache/kafka\n    environment:\n      - "KAFKA_NODE_ID=1"\n      - "KAFKA_ACKS=1"\n';
    assert.equal(
      edit(quoted, 'k', (fx, u) => fx.insert(u, 'min.insync.replicas', '2')),
      quoted + '      - "KAFKA_MIN_INSYNC_REPLICAS=2"\n',
    );
  });

  it('insert creates environment: when missing', () => {
    const t = 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    ports:\n      - "9092:9092"\n';
    assert.equal(
      edit(t, 'kafka', (fx, u) => fx.insert(u, 'min.insync.replicas', '2')),
      t + '    environment:\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n',
    );
  });

  it('no insert into flow or aliased environments, nor for keys Bitnami cannot spell', () => {
    for (const t of [
      'services:\n  k:\n    image: apache/kafka\n    environment: {KAFKA_NODE_ID: 1}\n',
      'services:\n  k:\n    image: apache/kafka\n    environment: [KAFKA_NODE_ID=1]\n',
      'x: &e\n  KAFKA_NODE_ID: 1\nservices:\n  k:\n    image: apache/kafka\n    environment: *e\n',
    ]) {
      const f = parseYaml(t, 'docker-compose.yml');
      assert.deepEqual(createFixer(f).insert(f.units[0], 'min.insync.replicas', '2'), [], t);
    }
    const b = parseYaml('services:\n  k:\n    image: bitnami/kafka\n    environment:\n      - KAFKA_CFG_NODE_ID=1\n', 'docker-compose.yml');
    assert.deepEqual(createFixer(b).insert(b.units[0], 'sasl.enabled_mechanisms', 'PLAIN'), []);
  });

  it('remove an entry in either form; the last one takes environment: with it', () => {
    assert.equal(
      edit(compose, 'kafka1', (fx, u, s) => fx.remove(u, s('min.insync.replicas'))),
      compose.replace('      KAFKA_MIN_INSYNC_REPLICAS: "1" # one\n', ''),
    );
    assert.equal(edit(compose, 'kafka2', (fx, u, s) => fx.remove(u, s('num.partitions'))), compose.replace('      - KAFKA_NUM_PARTITIONS=3\n', ''));
    const t = 'services:\n  k:\n    image: apache/kafka\n    environment:\n      - KAFKA_LOG_FLUSH_INTERVAL_MESSAGES=1\n    ports: ["9092:9092"]\n';
    assert.equal(edit(t, 'k', (fx, u, s) => fx.remove(u, s('log.flush.interval.messages'))), 'services:\n  k:\n    image: apache/kafka\n    ports: ["9092:9092"]\n');
  });

  it('rename changes only the variable name', () => {
    assert.equal(
      edit(compose, 'kafka1', (fx, u, s) => fx.rename(u, s('min.insync.replicas'), 'transaction.state.log.min.isr')),
      compose.replace('KAFKA_MIN_INSYNC_REPLICAS: "1"', 'KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: "1"'),
    );
    assert.equal(
      edit(compose, 'kafka2', (fx, u, s) => fx.rename(u, s('num.partitions'), 'num.partitions')),
      compose.replace('KAFKA_NUM_PARTITIONS=3', 'KAFKA_CFG_NUM_PARTITIONS=3'),
    );
  });

  it('rename keeps the quotes of a quoted variable name', () => {
    const t = 'services:\n  k:\n    image: apache/kafka\n    environment:\n      "KAFKA_MIN_INSYNC_REPLICA": 2\n';
    const f = parseYaml(t, 'docker-compose.yml');
    const s = f.units[0].settings[0];
    assert.equal(cut(t, s.keySpan), 'KAFKA_MIN_INSYNC_REPLICA');
    assert.equal(edit(t, 'k', (fx, u) => fx.rename(u, s, 'min.insync.replicas')), t.replace('"KAFKA_MIN_INSYNC_REPLICA"', '"KAFKA_MIN_INSYNC_REPLICAS"'));
  });

  it('an ignored variable can be renamed with its suggested name (env-var-image fix)', () => {
    const f = parseYaml(compose, 'docker-compose.yml');
    const ig = f.units[1].facts.ignoredEnv![0];
    const out = applyEdits(compose, [{ start: ig.keySpan.start, end: ig.keySpan.end, newText: ig.suggestedName }]).text;
    assert.equal(out, compose.replace('"KAFKA_MIN_INSYNC_REPLICAS=2"', '"KAFKA_CFG_MIN_INSYNC_REPLICAS=2"'));
    const again = parseYaml(out, 'docker-compose.yml').units[1];
    assert.equal(again.facts.ignoredEnv, undefined);
    assert.equal(again.settings.find((s) => s.key === 'min.insync.replicas')?.value, '2');
  });
});
