import { ruleTester } from '../helpers/ruleTester.js';

const strimzi = (kafka: string) =>
  'apiVersion: kafka.strimzi.io/v1\nkind: Kafka\nmetadata:\n  name: my-cluster\nspec:\n  kafka:\n' + kafka;

const topic = (spec: string) =>
  'apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: orders\n  labels:\n    strimzi.io/cluster: my-cluster\nspec:\n' + spec;

const service = (name: string, env = '') =>
  `  ${name}:\n    image: confluentinc/cp-kafka:7.6.0\n` + (env ? `    environment:\n${env}` : '');

ruleTester('replication-factor', {
  valid: [
    {
      name: 'all three at 3',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\noffsets.topic.replication.factor=3\ntransaction.state.log.replication.factor=3\n',
    },
    { name: 'unset: defaults are not judged here', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\nlog.dirs=/var/lib/kafka\n' },
    { name: 'dynamic value', path: 'server.properties', code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=${RF}\n' },
    { name: 'KafkaTopic with 3 replicas', path: 'topic.yaml', code: topic('  partitions: 3\n  replicas: 3\n') },
    { name: 'KafkaTopic without replicas takes the broker default', path: 'topic.yaml', code: topic('  partitions: 3\n') },
    { name: 'Strimzi 3 brokers, RF 3', path: 'kafka.yaml', code: strimzi('    replicas: 3\n    config:\n      offsets.topic.replication.factor: 3\n') },
    { name: 'Streams replication.factor is not a broker setting', path: 'streams.properties', code: 'application.id=app\nbootstrap.servers=k:9092\nreplication.factor=3\n' },
  ],
  invalid: [
    {
      name: 'a KRaft controller: its default.replication.factor counts (it creates topics asked for with -1), the internal topics are the brokers\' business',
      path: 'controller.properties',
      code: 'process.roles=controller\nnode.id=1\noffsets.topic.replication.factor=1\ntransaction.state.log.replication.factor=1\ndefault.replication.factor=1\n',
      errors: [{ text: '1', line: 5, severity: 'warning', message: '`default.replication.factor=1`' }],
      output: 'process.roles=controller\nnode.id=1\noffsets.topic.replication.factor=1\ntransaction.state.log.replication.factor=1\ndefault.replication.factor=3\n',
    },
    {
      name: 'a combined broker and controller creates the internal topics too',
      path: 'server.properties',
      code: 'process.roles=broker,controller\nnode.id=1\noffsets.topic.replication.factor=1\n',
      errors: [{ text: '1', line: 3, severity: 'warning', message: '`offsets.topic.replication.factor=1`' }],
      output: 'process.roles=broker,controller\nnode.id=1\noffsets.topic.replication.factor=3\n',
    },
    {
      name: 'RF 1 is a warning',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=1\n',
      errors: [
        {
          text: '1',
          line: 3,
          severity: 'warning',
          message: '`default.replication.factor=1`: topics created without an explicit replication factor (auto-created, or created with -1) get a single replica;',
          fixes: ['Set `default.replication.factor=3`'],
        },
      ],
      output: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\n',
    },
    {
      name: 'RF 2 is information; each key reported',
      path: 'server.properties',
      code: 'process.roles=broker\nnode.id=4\noffsets.topic.replication.factor=2\n# dev only\ntransaction.state.log.replication.factor=1\n',
      errors: [
        { text: '2', line: 3, severity: 'information', message: '`__consumer_offsets` gets two replicas', fixes: ['Set `offsets.topic.replication.factor=3`'] },
        { text: '1', line: 5, severity: 'warning', message: '`__transaction_state` gets a single replica' },
      ],
      output: 'process.roles=broker\nnode.id=4\noffsets.topic.replication.factor=3\n# dev only\ntransaction.state.log.replication.factor=3\n',
    },
    {
      name: 'KafkaTopic replicas 1 (the Strimzi example)',
      path: 'topic.yaml',
      code: topic('  partitions: 10\n  replicas: 1\n  config:\n    retention.ms: 7200000\n'),
      errors: [{ text: '1', line: 9, severity: 'warning', message: 'this topic gets a single replica', fixes: ['Set `spec.replicas: 3`'] }],
      output: topic('  partitions: 10\n  replicas: 3\n  config:\n    retention.ms: 7200000\n'),
    },
    {
      name: 'KafkaTopic replicas 2',
      path: 'topic.yaml',
      code: topic('  partitions: 10\n  replicas: 2\n'),
      errors: [{ text: '2', severity: 'information' }],
      output: topic('  partitions: 10\n  replicas: 3\n'),
    },
    {
      name: 'Strimzi single node is information and says so, no fix',
      path: 'kafka.yaml',
      code: strimzi('    replicas: 1\n    config:\n      offsets.topic.replication.factor: 1\n      default.replication.factor: 1\n'),
      errors: [
        { text: '1', line: 9, severity: 'information', message: 'this is a single-broker setup', fixes: [] },
        { text: '1', line: 10, severity: 'information', message: 'this is a single-broker setup', fixes: [] },
      ],
    },
    {
      name: 'two replicas on a single broker cannot be created',
      path: 'docker-compose.yml',
      code: 'services:\n' + service('kafka', '      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 2\n'),
      errors: [{ text: '2', line: 5, severity: 'information', message: 'a topic cannot have more replicas than there are brokers', fixes: [] }],
    },
    {
      name: 'Strimzi with 2 brokers: no fix to 3 (rejected by the operator)',
      path: 'kafka.yaml',
      code: strimzi('    replicas: 2\n    config:\n      default.replication.factor: 1\n'),
      errors: [{ text: '1', severity: 'warning', message: 'This cluster has 2 brokers', fixes: [] }],
    },
    {
      name: 'Strimzi 3 brokers',
      path: 'kafka.yaml',
      code: strimzi('    replicas: 3\n    config:\n      offsets.topic.replication.factor: 1\n'),
      errors: [{ text: '1', severity: 'warning', fixes: ['Set `offsets.topic.replication.factor: 3`'] }],
      output: strimzi('    replicas: 3\n    config:\n      offsets.topic.replication.factor: 3\n'),
    },
    {
      name: 'compose with one Kafka service: single-broker setup',
      path: 'docker-compose.yml',
      code:
        'services:\n' +
        service('kafka', '      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1\n      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1\n') +
        '  app:\n    image: example/app:1\n',
      errors: [
        { text: '1', line: 5, severity: 'information', message: '`KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1`: this is a single-broker setup', fixes: [] },
        { text: '1', line: 6, severity: 'information', message: 'single-broker setup' },
      ],
    },
    {
      name: 'compose with three brokers',
      path: 'docker-compose.yml',
      code:
        'services:\n' +
        service('kafka1', '      KAFKA_DEFAULT_REPLICATION_FACTOR: "1"\n') +
        service('kafka2', '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n') +
        service('kafka3', '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n'),
      errors: [{ text: '1', line: 5, severity: 'warning', fixes: ['Set `KAFKA_DEFAULT_REPLICATION_FACTOR: 3`'] }],
      output:
        'services:\n' +
        service('kafka1', '      KAFKA_DEFAULT_REPLICATION_FACTOR: "3"\n') +
        service('kafka2', '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n') +
        service('kafka3', '      KAFKA_DEFAULT_REPLICATION_FACTOR: 3\n'),
    },
    {
      name: 'Chinese messages',
      path: 'server.properties',
      options: { locale: 'zh-cn' },
      code: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=1\n',
      errors: [{ text: '1', message: '未显式指定副本数创建的主题（自动创建或以 -1 创建）只有一个副本', fixes: ['设置 `default.replication.factor=3`'] }],
      output: 'process.roles=broker\nnode.id=4\ndefault.replication.factor=3\n',
    },
  ],
});
