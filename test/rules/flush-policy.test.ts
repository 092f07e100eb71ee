import { ruleTester } from '../helpers/ruleTester.js';

const strimzi = (kafka: string) =>
  'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n' + kafka;

const topic = (spec: string) =>
  'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n' + spec;

const compose = (env: string) => 'services:\n  kafka:\n    image: bitnami/kafka:3.9\n    environment:\n' + env;

ruleTester('flush-policy', {
  valid: [
    { name: 'Long.MAX_VALUE is the default', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\nlog.flush.interval.messages=9223372036854775807\n' },
    { name: 'not set', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\n' },
    { name: 'commented out (as shipped)', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\n#log.flush.interval.messages=10000\n#log.flush.interval.ms=1000\n' },
    { name: 'dynamic', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\nlog.flush.interval.ms=${FLUSH_MS}\n' },
    { name: 'KafkaTopic flush.ms at Long.MAX_VALUE', path: 'topic.yaml', code: topic('  replicas: 3\n  config:\n    flush.ms: 9223372036854775807\n') },
  ],
  invalid: [
    {
      name: 'broker keys',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\n# paranoid\nlog.flush.interval.messages=1\nlog.flush.interval.ms=1000\nnum.io.threads=8\n',
      errors: [
        {
          text: '1',
          line: 4,
          severity: 'information',
          message: '`log.flush.interval.messages=1`: forces an fsync after every message',
          fixes: ['Remove `log.flush.interval.messages`'],
        },
        { text: '1000', line: 5, severity: 'information', message: 'forces an fsync every 1000 ms', fixes: ['Remove `log.flush.interval.ms`'] },
      ],
      output: 'process.roles=broker\nnode.id=4\n# paranoid\nnum.io.threads=8\n',
    },
    {
      name: 'every N messages',
      path: 'server.properties',
      code: 'process.roles=broker\r\nnode.id=4\r\nlog.flush.interval.messages=10000\r\n',
      errors: [{ text: '10000', message: 'every 10000 messages' }],
      output: 'process.roles=broker\r\nnode.id=4\r\n',
    },
    {
      name: 'Strimzi broker config',
      path: 'kafka.yaml',
      code: strimzi('    replicas: 3\n    config:\n      min.insync.replicas: 2\n      log.flush.interval.ms: 1000\n'),
      errors: [{ text: '1000', line: 10, severity: 'information', fixes: ['Remove `log.flush.interval.ms`'] }],
      output: strimzi('    replicas: 3\n    config:\n      min.insync.replicas: 2\n'),
    },
    {
      name: 'KafkaTopic flush.messages',
      path: 'topic.yaml',
      code: topic('  replicas: 3\n  config:\n    flush.messages: 1\n    retention.ms: 604800000\n'),
      errors: [{ text: '1', line: 10, severity: 'information', message: '`flush.messages: 1`' }],
      output: topic('  replicas: 3\n  config:\n    retention.ms: 604800000\n'),
    },
    {
      name: 'compose (Bitnami alias)',
      path: 'docker-compose.yml',
      code: compose('      - KAFKA_CFG_NODE_ID=0\n      - KAFKA_CFG_LOG_FLUSH_INTERVAL_MESSAGES=1\n'),
      errors: [{ text: '1', line: 6, severity: 'information', fixes: ['Remove `KAFKA_CFG_LOG_FLUSH_INTERVAL_MESSAGES`'] }],
      output: compose('      - KAFKA_CFG_NODE_ID=0\n'),
    },
    {
      name: 'Chinese messages',
      path: 'server.properties',
      options: { locale: 'zh-cn' },
      code: 'process.roles=broker\nnode.id=4\nlog.flush.interval.ms=1000\n',
      errors: [{ text: '1000', message: '强制每 1000 毫秒执行一次 fsync', fixes: ['删除 `log.flush.interval.ms`'] }],
      output: 'process.roles=broker\nnode.id=4\n',
    },
  ],
});
