import { ruleTester } from '../helpers/ruleTester.js';

const VOTERS = 'controller.quorum.voters=1@k1:9093,2@k2:9093,3@k3:9093\n';

const strimzi = (kafka: string) =>
  'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n' + kafka;

const topic = (spec: string) =>
  'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n' + spec;

const pool = (replicas: number) =>
  'apiVersion: kafka.strimzi.io/v1\nkind: KafkaNodePool\nmetadata:\n  name: brokers\n  labels:\n    strimzi.io/cluster: my-cluster\n' +
  `spec:\n  replicas: ${replicas}\n  roles:\n    - broker\n`;

const service = (name: string, env = '') =>
  `  ${name}:\n    image: apache/kafka:4.0.0\n` + (env ? `    environment:\n${env}` : '');

ruleTester('min-insync-replicas', {
  valid: [
    { name: 'min ISR 2 with RF 3', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\n' + VOTERS + 'default.replication.factor=3\nmin.insync.replicas=2\n' },
    { name: 'single node, nothing says there are more brokers', path: 'server.properties', code: 'process.roles=broker,controller\nnode.id=1\ncontroller.quorum.voters=1@localhost:9093\nlog.dirs=/tmp/kraft\n' },
    { name: 'dynamic value is never judged', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\n' + VOTERS + 'min.insync.replicas=${MIN_ISR}\n' },
    { name: 'templated value in a plain file is dynamic', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\nmin.insync.replicas=${MIN_ISR:1}\n' },
    { name: 'single-broker compose with explicit 1', path: 'docker-compose.yml', code: 'services:\n' + service('kafka', '      KAFKA_MIN_INSYNC_REPLICAS: 1\n') },
    { name: 'single-broker compose, unset', path: 'docker-compose.yml', code: 'services:\n' + service('kafka', '      KAFKA_NODE_ID: 1\n') },
    {
      name: 'compose, three brokers reading an env_file, which may set it',
      path: 'docker-compose.yml',
      code:
        'services:\n' +
        ['kafka1', 'kafka2', 'kafka3'].map((n) => service(n, '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n') + '    env_file:\n      - path: ./kafka.env\n        required: true\n').join(''),
    },
    { name: 'Strimzi single node', path: 'kafka.yaml', code: strimzi('    replicas: 1\n    config:\n      min.insync.replicas: 1\n') },
    { name: 'Strimzi three brokers, min ISR 2', path: 'kafka.yaml', code: strimzi('    replicas: 3\n    config:\n      default.replication.factor: 3\n      min.insync.replicas: 2\n') },
    { name: 'KafkaTopic with 2 replicas may keep min ISR 1', path: 'topic.yaml', code: topic('  partitions: 3\n  replicas: 2\n  config:\n    min.insync.replicas: 1\n') },
    { name: 'KafkaTopic without its own min ISR inherits the broker', path: 'topic.yaml', code: topic('  partitions: 3\n  replicas: 3\n') },
    {
      name: 'a variable the image ignores is env-var-image\'s finding',
      path: 'docker-compose.yml',
      code:
        'services:\n' +
        ['kafka1', 'kafka2', 'kafka3']
          .map((n) => `  ${n}:\n    image: bitnami/kafka:3.9\n    environment:\n      KAFKA_CFG_DEFAULT_REPLICATION_FACTOR: 3\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n`)
          .join(''),
    },
    { name: 'client config is not a broker', path: 'producer.properties', code: 'bootstrap.servers=k1:9092\nacks=all\n' },
  ],
  invalid: [
    {
      name: 'explicit 1 with RF 3 -> RF-1',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\nmin.insync.replicas=1\n',
      errors: [{ text: '1', line: 4, severity: 'warning', message: '`min.insync.replicas=1`: once the other replicas fall out of sync', fixes: ['Set `min.insync.replicas=2`'] }],
      output: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\nmin.insync.replicas=2\n',
    },
    {
      name: 'explicit 1 with RF 5 -> 4',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=5\nmin.insync.replicas=1\n',
      errors: [{ text: '1', line: 4, fixes: ['Set `min.insync.replicas=4`'] }],
      output: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=5\nmin.insync.replicas=4\n',
    },
    {
      name: 'explicit 1 without an RF also sets default.replication.factor',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\nmin.insync.replicas=1\n',
      errors: [
        {
          text: '1',
          message: 'Set `min.insync.replicas=2`, with `default.replication.factor=3` for topics created without a replication factor.',
          fixes: ['Set `min.insync.replicas=2` and `default.replication.factor=3`'],
        },
      ],
      output: 'process.roles=broker\nnode.id=4\nmin.insync.replicas=2\ndefault.replication.factor=3\n',
    },
    {
      name: 'explicit 1 with RF 2: no min ISR fits, no fix',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=2\nmin.insync.replicas=1\n',
      errors: [{ text: '1', message: 'With `default.replication.factor=2`, no min ISR value both protects acknowledged writes', fixes: [] }],
    },
    {
      name: 'unset with a three-voter quorum',
      path: 'server.properties',
      code: 'process.roles=broker,controller\nnode.id=1\n' + VOTERS,
      errors: [
        {
          text: 'process.roles',
          message: /^`min\.insync\.replicas` is unset; the Kafka 4\.0 default is `1`\. With `controller\.quorum\.voters` listing 3 nodes,/,
          fixes: ['Set `min.insync.replicas=2` and `default.replication.factor=3`'],
        },
      ],
      output: 'process.roles=broker,controller\nnode.id=1\n' + VOTERS + 'min.insync.replicas=2\ndefault.replication.factor=3\n',
    },
    {
      name: 'unset with RF 3 stated',
      path: 'server.properties',
      code: '# broker 4\nprocess.roles=broker\nnode.id=4\ndefault.replication.factor=3\n',
      errors: [{ text: 'process.roles', message: 'With `default.replication.factor=3` (several brokers)', fixes: ['Set `min.insync.replicas=2`'] }],
      output: '# broker 4\nprocess.roles=broker\nnode.id=4\ndefault.replication.factor=3\nmin.insync.replicas=2\n',
    },
    {
      name: 'CRLF file keeps its line endings',
      path: 'server.properties',
      code: 'process.roles=broker\r\nnode.id=4\r\ndefault.replication.factor=3\r\nmin.insync.replicas=1\r\n',
      errors: [{ text: '1' }],
      output: 'process.roles=broker\r\nnode.id=4\r\ndefault.replication.factor=3\r\nmin.insync.replicas=2\r\n',
    },
    {
      name: 'Strimzi, three brokers, unset',
      path: 'kafka.yaml',
      code: strimzi('    replicas: 3\n    config:\n      default.replication.factor: 3\n'),
      errors: [{ text: 'config', message: 'With 3 brokers', fixes: ['Set `min.insync.replicas: 2`'] }],
      output: strimzi('    replicas: 3\n    config:\n      default.replication.factor: 3\n      min.insync.replicas: 2\n'),
    },
    {
      // Both settings go into one new `config` block (two would make the resource invalid YAML).
      name: 'Strimzi, three brokers, no config block',
      path: 'kafka.yaml',
      code: strimzi('    replicas: 3\n    listeners:\n      - name: plain\n        port: 9092\n'),
      errors: [{ text: 'kafka', message: 'With 3 brokers', fixes: ['Set `min.insync.replicas: 2` and `default.replication.factor: 3`'] }],
      output: strimzi('    replicas: 3\n    listeners:\n      - name: plain\n        port: 9092\n    config:\n      min.insync.replicas: 2\n      default.replication.factor: 3\n'),
    },
    {
      name: 'Strimzi, explicit 1 on three brokers',
      path: 'kafka.yaml',
      code: strimzi('    replicas: 3\n    config:\n      default.replication.factor: 3\n      min.insync.replicas: 1 # dev leftover\n'),
      errors: [{ text: '1', severity: 'warning' }],
      output: strimzi('    replicas: 3\n    config:\n      default.replication.factor: 3\n      min.insync.replicas: 2 # dev leftover\n'),
    },
    {
      name: 'Strimzi broker count from node pools',
      path: 'kafka.yaml',
      code: pool(3) + '---\n' + strimzi('    config:\n      default.replication.factor: 3\n'),
      errors: [{ text: 'config', message: 'With 3 brokers' }],
      output: pool(3) + '---\n' + strimzi('    config:\n      default.replication.factor: 3\n      min.insync.replicas: 2\n'),
    },
    {
      name: 'KafkaTopic with 3 replicas and min ISR 1',
      path: 'topic.yaml',
      code: topic('  partitions: 3\n  replicas: 3\n  config:\n    min.insync.replicas: 1\n'),
      errors: [{ text: '1', severity: 'warning', fixes: ['Set `min.insync.replicas: 2`'] }],
      output: topic('  partitions: 3\n  replicas: 3\n  config:\n    min.insync.replicas: 2\n'),
    },
    {
      name: 'compose, three brokers, unset',
      path: 'docker-compose.yml',
      code:
        'services:\n' +
        service('kafka1', '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n') +
        service('kafka2', '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n') +
        service('kafka3', '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n'),
      errors: [
        { text: 'kafka1', line: 2, message: 'With 3 brokers', fixes: ['Set `KAFKA_MIN_INSYNC_REPLICAS: 2`'] },
        { text: 'kafka2', line: 6 },
        { text: 'kafka3', line: 10 },
      ],
      output:
        'services:\n' +
        service('kafka1', '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n') +
        service('kafka2', '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n') +
        service('kafka3', '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n      KAFKA_MIN_INSYNC_REPLICAS: 2\n'),
    },
    {
      name: 'compose list-form environment, explicit 1',
      path: 'docker-compose.yml',
      code:
        'services:\n' +
        service('kafka1', '      - KAFKA_DEFAULT_REPLICATION_FACTOR=3\n      - KAFKA_MIN_INSYNC_REPLICAS=1\n') +
        service('kafka2', '      - KAFKA_DEFAULT_REPLICATION_FACTOR=3\n      - KAFKA_MIN_INSYNC_REPLICAS=2\n') +
        service('kafka3', '      - KAFKA_DEFAULT_REPLICATION_FACTOR=3\n      - KAFKA_MIN_INSYNC_REPLICAS=2\n'),
      errors: [{ text: '1', line: 6, message: '`KAFKA_MIN_INSYNC_REPLICAS=1`' }],
      output:
        'services:\n' +
        service('kafka1', '      - KAFKA_DEFAULT_REPLICATION_FACTOR=3\n      - KAFKA_MIN_INSYNC_REPLICAS=2\n') +
        service('kafka2', '      - KAFKA_DEFAULT_REPLICATION_FACTOR=3\n      - KAFKA_MIN_INSYNC_REPLICAS=2\n') +
        service('kafka3', '      - KAFKA_DEFAULT_REPLICATION_FACTOR=3\n      - KAFKA_MIN_INSYNC_REPLICAS=2\n'),
    },
    {
      name: 'compose, two brokers: no fix fits',
      path: 'docker-compose.yml',
      code: 'services:\n' + service('kafka1', '      KAFKA_NODE_ID: 1\n') + service('kafka2', '      KAFKA_NODE_ID: 2\n'),
      errors: [
        { text: 'kafka1', message: 'With 2 brokers, no min ISR value both protects acknowledged writes', fixes: [] },
        { text: 'kafka2', fixes: [] },
      ],
    },
    {
      name: 'Chinese messages',
      path: 'server.properties',
      options: { locale: 'zh-cn' },
      code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\nmin.insync.replicas=1\n',
      errors: [{ text: '1', message: '`min.insync.replicas=1`：其他副本掉出 ISR 后', fixes: ['设置 `min.insync.replicas=2`'] }],
      output: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\nmin.insync.replicas=2\n',
    },
    {
      name: 'Chinese messages, unset',
      path: 'server.properties',
      options: { locale: 'zh-cn' },
      code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\n',
      errors: [{ text: 'process.roles', message: '设置了 `default.replication.factor=3`，说明有多个 broker；其他副本掉出 ISR 后', fixes: ['设置 `min.insync.replicas=2`'] }],
      output: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\nmin.insync.replicas=2\n',
    },
  ],
});
