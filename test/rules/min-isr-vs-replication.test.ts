import { ruleTester } from '../helpers/ruleTester.js';

const strimzi = (kafka: string) =>
  'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n' + kafka;

const topic = (spec: string) =>
  'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n' + spec;

/** Three Kafka services; the first one's environment is `env`. */
const brokers3 = (env: string) =>
  'services:\n  kafka-1:\n    image: apache/kafka:4.0.0\n    environment:\n' +
  env +
  '  kafka-2:\n    image: apache/kafka:4.0.0\n  kafka-3:\n    image: apache/kafka:4.0.0\n';

const compose = (env: string) => 'services:\n  kafka:\n    image: apache/kafka:4.0.0\n    environment:\n' + env;

ruleTester('min-isr-vs-replication', {
  valid: [
    { name: 'RF 3 / min ISR 2', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\nmin.insync.replicas=2\n' },
    { name: 'nothing set: Kafka defaults are consistent', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\n' },
    { name: 'RF 1 / min ISR 1: nothing lower exists', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=1\nmin.insync.replicas=1\n' },
    {
      name: 'dev single broker sets the transaction log to 1/1',
      path: 'docker-compose.yml',
      code: compose('      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1\n'),
    },
    { name: 'transaction log RF 3 with the default min ISR 2', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\ntransaction.state.log.replication.factor=3\n' },
    { name: 'dynamic RF', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=${RF}\nmin.insync.replicas=2\n' },
    { name: 'KafkaTopic without replicas: RF unknown here', path: 'topic.yaml', code: topic('  partitions: 3\n  config:\n    min.insync.replicas: 3\n') },
    { name: 'KafkaTopic 3 / 2', path: 'topic.yaml', code: topic('  partitions: 3\n  replicas: 3\n  config:\n    min.insync.replicas: 2\n') },
    {
      name: "KafkaTopic of another cluster: that cluster's min ISR is not known here",
      path: 'topics.yaml',
      code: strimzi('    replicas: 3\n    config:\n      min.insync.replicas: 2\n      default.replication.factor: 3\n') + '---\n' + topic('  replicas: 2\n').replace('cluster: my-cluster', 'cluster: other'),
    },
    {
      name: "KafkaTopic whose cluster's min ISR is dynamic",
      path: 'topics.yaml',
      code: strimzi('    replicas: 3\n    config:\n      min.insync.replicas: ${MIN_ISR}\n') + '---\n' + topic('  replicas: 2\n'),
    },
    {
      name: "KafkaTopic 3 replicas under its cluster's min ISR 2",
      path: 'topics.yaml',
      code: strimzi('    replicas: 3\n    config:\n      min.insync.replicas: 2\n      default.replication.factor: 3\n') + '---\n' + topic('  replicas: 3\n'),
    },
  ],
  invalid: [
    {
      // The topic sets no min ISR: the brokers' applies, which the cluster's Kafka resource in the same file writes.
      name: "KafkaTopic replicas equal to its cluster's min ISR",
      path: 'topics.yaml',
      code: strimzi('    replicas: 3\n    config:\n      min.insync.replicas: 2\n      default.replication.factor: 3\n') + '---\n' + topic('  partitions: 3\n  replicas: 2\n'),
      errors: [
        {
          text: '2',
          line: 20,
          severity: 'warning',
          // (The topic's own replicas: no note that a broker's replication factor waits for new topics.)
          message: /^`min\.insync\.replicas` \(unset; `kafka\/my-cluster` sets `min\.insync\.replicas: 2` for its topics\) equals the replication factor `spec\.replicas: 2`: .* or keep the minimum and set `spec\.replicas: 3` \(3 brokers are configured here\)\.$/,
          fixes: ['Set `min.insync.replicas: 1`', 'Set `spec.replicas: 3`'],
          preferred: 'Set `min.insync.replicas: 1`',
        },
      ],
      output:
        strimzi('    replicas: 3\n    config:\n      min.insync.replicas: 2\n      default.replication.factor: 3\n') + '---\n' + topic('  partitions: 3\n  replicas: 2\n  config:\n    min.insync.replicas: 1\n'),
    },
    {
      // Three Kafka services: the minimum can stay, with a replication factor above it.
      name: 'compose: min ISR 2 over the default RF 1, three brokers: raise the replication factor',
      path: 'docker-compose.yml',
      code: brokers3('      KAFKA_MIN_INSYNC_REPLICAS: 2\n'),
      errors: [
        {
          text: '2',
          line: 5,
          severity: 'error',
          message: 'Set `KAFKA_DEFAULT_REPLICATION_FACTOR: 3` (3 brokers are configured here) or lower the minimum. A replication factor applies when a topic is created: topics that exist already keep theirs.',
          fixes: ['Set `KAFKA_DEFAULT_REPLICATION_FACTOR: 3`'],
          preferred: 'Set `KAFKA_DEFAULT_REPLICATION_FACTOR: 3`',
        },
      ],
      output: brokers3('      KAFKA_MIN_INSYNC_REPLICAS: 2\n      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n'),
    },
    {
      name: 'compose: min ISR 3 over RF 1 with three brokers: more are needed',
      path: 'docker-compose.yml',
      code: brokers3('      KAFKA_MIN_INSYNC_REPLICAS: 3\n'),
      errors: [{ text: '3', line: 5, severity: 'error', message: 'Raise the replication factor above 3 (that needs more brokers than the 3 configured here) or lower the minimum.', fixes: [] }],
    },
    {
      name: 'Chinese: the fix that keeps the minimum',
      path: 'docker-compose.yml',
      options: { locale: 'zh-cn' },
      code: brokers3('      KAFKA_MIN_INSYNC_REPLICAS: 2\n      KAFKA_DEFAULT_REPLICATION_FACTOR: 2\n'),
      errors: [{ text: '2', line: 5, message: '请设置 `KAFKA_MIN_INSYNC_REPLICAS: 1`；或保留该下限并设置 `KAFKA_DEFAULT_REPLICATION_FACTOR: 3`（此处配置了 3 个 broker）。副本数在创建主题时生效：已有的主题保持原来的副本数。' }],
      output: brokers3('      KAFKA_MIN_INSYNC_REPLICAS: 1\n      KAFKA_DEFAULT_REPLICATION_FACTOR: 2\n'),
    },
    {
      name: "KafkaTopic without replicas: its cluster's default.replication.factor",
      path: 'topics.yaml',
      code: topic('  config:\n    min.insync.replicas: 4\n') + '---\n' + strimzi('    replicas: 3\n    config:\n      default.replication.factor: 3\n'),
      errors: [
        {
          text: '4',
          line: 9,
          severity: 'error',
          message: 'is greater than the replication factor `spec.replicas` (unset; `kafka/my-cluster` sets `default.replication.factor: 3` for its topics)',
          fixes: ['Set `min.insync.replicas: 2`'],
        },
      ],
      output: topic('  config:\n    min.insync.replicas: 2\n') + '---\n' + strimzi('    replicas: 3\n    config:\n      default.replication.factor: 3\n'),
    },
    {
      name: 'Chinese: the cluster named as the source',
      path: 'topics.yaml',
      options: { locale: 'zh-cn' },
      code: strimzi('    replicas: 3\n    config:\n      min.insync.replicas: 2\n      default.replication.factor: 3\n') + '---\n' + topic('  replicas: 2\n'),
      errors: [{ text: '2', line: 19, message: '`min.insync.replicas`（未设置；`kafka/my-cluster` 为其主题设置了 `min.insync.replicas: 2`） 等于副本数 `spec.replicas: 2`' }],
      output: strimzi('    replicas: 3\n    config:\n      min.insync.replicas: 2\n      default.replication.factor: 3\n') + '---\n' + topic('  replicas: 2\n  config:\n    min.insync.replicas: 1\n'),
    },
    {
      name: 'equal is a warning, fix RF-1',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\nmin.insync.replicas=3\n',
      errors: [
        {
          text: '3',
          line: 4,
          severity: 'warning',
          message: '`min.insync.replicas=3` equals the replication factor `default.replication.factor=3`',
          fixes: ['Set `min.insync.replicas=2`'],
        },
      ],
      output: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\nmin.insync.replicas=2\n',
    },
    {
      name: 'greater is an error',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\nmin.insync.replicas=3\ndefault.replication.factor=2\n',
      errors: [{ text: '3', line: 3, severity: 'error', message: 'is greater than the replication factor `default.replication.factor=2`', fixes: ['Set `min.insync.replicas=1`'] }],
      output: 'process.roles=broker\nnode.id=4\nmin.insync.replicas=1\ndefault.replication.factor=2\n',
    },
    {
      name: 'min ISR 2 against the default RF 1: error, no min ISR fix',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\nmin.insync.replicas=2\n',
      errors: [
        {
          text: '2',
          severity: 'error',
          message: '`min.insync.replicas=2` is greater than the replication factor `default.replication.factor` (unset; the Kafka 4.0 default is `1`)',
          fixes: [],
        },
      ],
    },
    {
      name: 'transaction log RF 2 with the default min ISR 2',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\ntransaction.state.log.replication.factor=2\n',
      errors: [
        {
          text: '2',
          line: 3,
          severity: 'warning',
          message: '`transaction.state.log.min.isr` (unset; the Kafka 4.0 default is `2`) equals the replication factor `transaction.state.log.replication.factor=2`',
          fixes: ['Set `transaction.state.log.min.isr=1`'],
        },
      ],
      output: 'process.roles=broker\nnode.id=4\ntransaction.state.log.replication.factor=2\ntransaction.state.log.min.isr=1\n',
    },
    {
      name: 'compose: transaction log RF 1 with the default min ISR 2',
      path: 'docker-compose.yml',
      code: compose('      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n'),
      errors: [
        {
          text: '1',
          line: 6,
          severity: 'error',
          // (the image tag names the release: apache/kafka:4.0.0)
          message: '`KAFKA_TRANSACTION_STATE_LOG_MIN_ISR` (unset; the Kafka 4.0.0 default is `2`) is greater than the replication factor `KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1`: `acks=all` writes to the transaction state topic can never have enough in-sync replicas',
          fixes: [],
        },
      ],
    },
    {
      name: 'Strimzi transaction log 2/2',
      path: 'kafka.yaml',
      code: strimzi('    replicas: 3\n    config:\n      transaction.state.log.replication.factor: 2\n      transaction.state.log.min.isr: 2\n'),
      // (The cluster's 3 brokers allow keeping the minimum: a second fix raises the replication factor.)
      errors: [{ text: '2', line: 10, severity: 'warning', fixes: ['Set `transaction.state.log.min.isr: 1`', 'Set `transaction.state.log.replication.factor: 3`'] }],
      output: strimzi('    replicas: 3\n    config:\n      transaction.state.log.replication.factor: 2\n      transaction.state.log.min.isr: 1\n'),
    },
    {
      name: 'KafkaTopic min ISR equal to replicas',
      path: 'topic.yaml',
      code: topic('  partitions: 3\n  replicas: 2\n  config:\n    min.insync.replicas: 2\n'),
      errors: [{ text: '2', line: 11, severity: 'warning', message: 'while any one replica of this topic is down', fixes: ['Set `min.insync.replicas: 1`'] }],
      output: topic('  partitions: 3\n  replicas: 2\n  config:\n    min.insync.replicas: 1\n'),
    },
    {
      name: 'KafkaTopic min ISR above replicas 1: error without fix',
      path: 'topic.yaml',
      code: topic('  partitions: 3\n  replicas: 1\n  config:\n    min.insync.replicas: 2\n'),
      errors: [{ text: '2', severity: 'error', message: 'Raise the replication factor above 2', fixes: [] }],
    },
    {
      name: 'Chinese messages',
      path: 'server.properties',
      options: { locale: 'zh-cn' },
      code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\nmin.insync.replicas=3\n',
      errors: [{ text: '3', message: '`min.insync.replicas=3` 等于副本数 `default.replication.factor=3`', fixes: ['设置 `min.insync.replicas=2`'] }],
      output: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\nmin.insync.replicas=2\n',
    },
  ],
});
